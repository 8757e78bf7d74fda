/**
 * Time to acknowledge (docs/definitions.md#paired-metrics): acknowledged minus created, for acknowledged
 * incidents. Median by default; with slaMs, the share acknowledged within the SLA.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { incidentDurationSeries } from './incidentDurations';

export function timeToAcknowledge(ctx: MetricContext): MetricSeries[] {
  return incidentDurationSeries(ctx, 'timeToAcknowledge', (item) => item.timeToAcknowledgeMs);
}
