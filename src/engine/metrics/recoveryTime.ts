/**
 * Failed deployment recovery time (DORA 2023+, docs/definitions.md#failed-deployment-recovery-time): for each
 * failed deployment, restored minus failure start, as attribution computed it. Placed in the bucket of the failed deployment's
 * finish; deployments not restored yet (recoveryMs null) are left out. Median by default. By severity (label), a failed
 * deployment is in the group of each severity (label) of its linked incidents (unknown without one), and a severity
 * (label) filter keeps the failures with a linked incident of those severities (labels)
 * (docs/definitions.md#grouping-by-severity-and-label).
 */
import { MetricSeries } from '../results';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { ValueCells } from './series';

export function recoveryTime(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  if (ctx.grouping.facetGroup === null) {
    // Grouped by a dimension every deployment has: over the columns, a failure kept by the severity and label filters.
    const columns = attributedColumns(ctx.attributed);
    const pairs = groupPairs(groupColumn(columns.deployments, ctx.grouping, ALL_GROUP));
    const counts = ctx.grouping.facetCheck(ctx.dimensions.failureFacets);
    const keep = counts === null ? null : (i: number) => counts(columns.deployments.items[i]);
    cells.fill(pairs, columns.deployedAt, null, columns.recoveryMs, keep, columns.scratch);
    return cells.toSeries('recoveryTime', aggregation);
  }
  const items = ctx.attributed.deployments;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const ms = item.recoveryMs;
    if (!item.failed || ms === null || ms === undefined || !(ms >= 0)) {
      continue;
    }
    const group = ctx.groupOf.failure(item);
    if (group !== null) {
      cells.add(group, item.deployment.finishedAt, ms);
    }
  }
  return cells.toSeries('recoveryTime', aggregation);
}
