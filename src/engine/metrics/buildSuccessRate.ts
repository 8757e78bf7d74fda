/**
 * Build success rate (docs/definitions.md#paired-metrics): successful CI runs / completed runs (success or
 * failure; cancelled, skipped and in-progress runs are left out), in the bucket of the run's finish.
 * Every attempt is a run. Null without completed runs.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { runInstant } from './instants';
import { RateCells } from './series';

export function buildSuccessRate(ctx: MetricContext): MetricSeries[] {
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  for (const item of ctx.attributed.pipelineRuns) {
    const conclusion = item.run.conclusion;
    if (conclusion !== 'success' && conclusion !== 'failure') {
      continue;
    }
    const group = ctx.groupOf.run(item);
    if (group !== null) {
      cells.add(group, runInstant(item), conclusion === 'success');
    }
  }
  return cells.toSeries('buildSuccessRate');
}
