/**
 * Flaky rerun rate (docs/definitions.md#paired-metrics): runs that failed and then passed on a re-run of
 * the same SHA and workflow (attribution marks them flaky) / completed runs (success or failure),
 * in the bucket of the run's finish. Null without completed runs.
 */
import { MetricSeries } from '../results';
import { completedRunRate } from './completedRuns';
import { MetricContext } from './context';

export function flakyRerunRate(ctx: MetricContext): MetricSeries[] {
  return completedRunRate(ctx, 'flakyRerunRate', (item) => item.flaky);
}
