/**
 * Build success rate (docs/definitions.md#paired-metrics): successful CI runs / completed runs (success or
 * failure; cancelled, skipped and in-progress runs are left out), in the bucket of the run's finish.
 * Every attempt is a run. Null without completed runs.
 */
import { MetricSeries } from '../results';
import { completedRunRate } from './completedRuns';
import { MetricContext } from './context';

export function buildSuccessRate(ctx: MetricContext): MetricSeries[] {
  return completedRunRate(ctx, 'buildSuccessRate', (item) => item.run.conclusion === 'success');
}
