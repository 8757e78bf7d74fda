/**
 * Change failure rate (docs/definitions.md#change-failure-rate): failed deployments / deployments in the
 * bucket of the deployment's finish. Each deployment counts once however many incidents or other
 * failure reasons it has; a bucket without deployments is null, not 0.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { RateCells } from './series';

export function changeFailRate(ctx: MetricContext): MetricSeries[] {
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  for (const item of ctx.attributed.deployments) {
    const group = ctx.groupOf.deployment(item);
    if (group !== null) {
      cells.add(group, item.deployment.finishedAt, item.failed);
    }
  }
  return cells.toSeries('changeFailRate');
}
