/**
 * Flaky rerun rate (docs/definitions.md#paired-metrics): runs that failed and then passed on a re-run of
 * the same SHA and workflow (attribution marks them flaky) / completed runs (success or failure),
 * in the bucket of the run's finish. Null without completed runs.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { runInstant } from './instants';
import { RateCells } from './series';

export function flakyRerunRate(ctx: MetricContext): MetricSeries[] {
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  for (const item of ctx.attributed.pipelineRuns) {
    const conclusion = item.run.conclusion;
    if (conclusion !== 'success' && conclusion !== 'failure') {
      continue;
    }
    const group = ctx.groupOf.run(item);
    if (group !== null) {
      cells.add(group, runInstant(item), item.flaky);
    }
  }
  return cells.toSeries('flakyRerunRate');
}
