/**
 * The share of completed CI runs (success or failure; cancelled, skipped and in-progress runs are left out) that
 * meet a condition, in the bucket of each run's finish: build success rate and flaky rerun rate. Every attempt is
 * a run. Null without completed runs.
 */
import { AttributedPipelineRun } from '../attribution/types';
import { MetricId, MetricSeries } from '../results';
import { MetricContext } from './context';
import { runInstant } from './instants';
import { RateCells } from './series';

export function completedRunRate(
  ctx: MetricContext,
  metric: MetricId,
  counts: (item: AttributedPipelineRun) => boolean
): MetricSeries[] {
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  const items = ctx.attributed.pipelineRuns;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const conclusion = item.run.conclusion;
    if (conclusion !== 'success' && conclusion !== 'failure') {
      continue;
    }
    const group = ctx.groupOf.run(item);
    if (group !== null) {
      cells.add(group, runInstant(item), counts(item));
    }
  }
  return cells.toSeries(metric);
}
