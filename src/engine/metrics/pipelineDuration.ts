/**
 * Pipeline duration (docs/definitions.md#paired-metrics): finish minus start of successful CI runs, in the
 * bucket of the finish; median by default.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { ValueCells } from './series';

export function pipelineDuration(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  const items = ctx.attributed.pipelineRuns;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const { conclusion, startedAt, finishedAt } = item.run;
    if (conclusion !== 'success' || finishedAt === undefined || !(finishedAt >= startedAt)) {
      continue;
    }
    const group = ctx.groupOf.run(item);
    if (group !== null) {
      cells.add(group, finishedAt, finishedAt - startedAt);
    }
  }
  return cells.toSeries('pipelineDuration', aggregation);
}
