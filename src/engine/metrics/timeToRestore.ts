/**
 * Time to restore service (the pre-2023 MTTR, docs/definitions.md#time-to-restore-service): resolved minus
 * started (or created) over all incidents whatever their cause; unresolved incidents are left out. Median by default.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { incidentDurationSeries } from './incidentDurations';

export function timeToRestore(ctx: MetricContext): MetricSeries[] {
  return incidentDurationSeries(ctx, 'timeToRestore', (item) => item.timeToRestoreMs);
}
