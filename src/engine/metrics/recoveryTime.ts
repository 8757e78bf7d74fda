/**
 * Failed deployment recovery time (DORA 2023+, docs/definitions.md#failed-deployment-recovery-time): for each
 * failed deployment, restored minus failure start, as attribution computed it. Placed in the bucket of the failed deployment's
 * finish; deployments not restored yet (recoveryMs null) are left out. Median by default. By severity (label), a failed
 * deployment is in the group of each severity (label) of its linked incidents (unknown without one), and a severity
 * (label) filter keeps the failures with a linked incident of those severities (labels)
 * (docs/definitions.md#grouping-by-severity-and-label).
 */
import { MetricSeries } from '../results';
import { aggregate } from '../stats';
import { MetricContext, durationKind } from './context';
import { ValueCells } from './series';

export function recoveryTime(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  for (const item of ctx.attributed.deployments) {
    const ms = item.recoveryMs;
    if (!item.failed || ms === null || ms === undefined || !(ms >= 0)) {
      continue;
    }
    const group = ctx.groupOf.failure(item);
    if (group !== null) {
      cells.add(group, item.deployment.finishedAt, ms);
    }
  }
  return cells.toSeries('recoveryTime', durationKind(aggregation), (values) => aggregate(values, aggregation));
}
