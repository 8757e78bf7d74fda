/**
 * Deployment duration (docs/definitions.md#paired-metrics): finish minus start of successful production
 * deployments that report a start, in the bucket of the finish; median by default.
 */
import { MetricSeries } from '../results';
import { aggregate } from '../stats';
import { MetricContext, durationKind } from './context';
import { ValueCells } from './series';

export function deploymentDuration(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  for (const item of ctx.attributed.deployments) {
    const { startedAt, finishedAt } = item.deployment;
    if (startedAt === undefined || !(finishedAt >= startedAt)) {
      continue;
    }
    const group = ctx.groupOf.deployment(item);
    if (group !== null) {
      cells.add(group, finishedAt, finishedAt - startedAt);
    }
  }
  return cells.toSeries('deploymentDuration', durationKind(aggregation), (values) => aggregate(values, aggregation));
}
