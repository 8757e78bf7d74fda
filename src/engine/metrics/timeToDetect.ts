/**
 * Time to detect (docs/definitions.md#paired-metrics): created minus impact start, for incidents whose
 * impact start is known. Median by default; with slaMs, the share detected within the SLA.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { incidentDurationSeries } from './incidentDurations';

export function timeToDetect(ctx: MetricContext): MetricSeries[] {
  return incidentDurationSeries(ctx, 'timeToDetect', (item) => item.timeToDetectMs);
}
