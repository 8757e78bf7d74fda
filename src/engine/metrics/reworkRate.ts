/**
 * Deployment rework rate (docs/definitions.md#deployment-rework-rate): rework deployments (rollbacks,
 * hotfixes, reverts, fix-forwards, as attribution classifies them) / deployments, in the bucket of
 * the deployment's finish; null without deployments.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { RateCells } from './series';

export function reworkRate(ctx: MetricContext): MetricSeries[] {
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  for (const item of ctx.attributed.deployments) {
    const group = ctx.groupOf.deployment(item);
    if (group !== null) {
      cells.add(group, item.deployment.finishedAt, item.isRework);
    }
  }
  return cells.toSeries('reworkRate');
}
