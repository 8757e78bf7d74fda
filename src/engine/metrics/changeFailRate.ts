/**
 * Change failure rate (docs/definitions.md#change-failure-rate): failed deployments / deployments in the
 * bucket of the deployment's finish. Each deployment counts once however many incidents or other
 * failure reasons it has; a bucket without deployments is null, not 0.
 *
 * Severity and incident label (docs/definitions.md#grouping-by-severity-and-label) narrow the failures, never the
 * deployments: with a severity (label) filter a deployment counts as failed only when a linked incident has one of
 * those severities (labels) ("sev1-sev2 only"); grouped by severity (label), each group's failures are the deployments
 * with a linked incident of that severity (label) (failures without an incident, or whose incidents lack one, in the
 * unknown group) over every deployment in scope.
 */
import { MetricSeries, SeriesPoint } from '../results';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { CountCells, RateCells } from './series';

export function changeFailRate(ctx: MetricContext): MetricSeries[] {
  if (ctx.grouping.facetGroup !== null) {
    return byIncidentFacet(ctx);
  }
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  const columns = attributedColumns(ctx.attributed);
  const pairs = groupPairs(groupColumn(columns.deployments, ctx.grouping, ALL_GROUP));
  // A failure counts when it passes the severity and label filters too (its linked incidents').
  const counts = ctx.grouping.facetCheck(ctx.dimensions.failureFacets);
  for (let k = 0; k < pairs.length; k++) {
    const g = pairs.groups[k];
    if (g < 0) {
      continue;
    }
    const i = pairs.items === null ? k : pairs.items[k];
    const hit = columns.failed[i] === 1 && (counts === null || counts(columns.deployments.items[i]));
    cells.addAt(pairs.names, g, columns.deployedAt[i], hit);
  }
  return cells.toSeries('changeFailRate');
}

/** Failures per severity (or incident label) over the deployments in scope, which every group shares. */
function byIncidentFacet(ctx: MetricContext): MetricSeries[] {
  const inScope = ctx.grouping.ungrouped().compile(ctx.dimensions.deployment, ctx.dimensions.deploymentFacets);
  const failures = new CountCells(ctx.buckets, false);
  const totals = new Float64Array(ctx.buckets.lo.length);
  const items = ctx.attributed.deployments;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (inScope(item) === null) {
      continue;
    }
    const b = failures.bucketOf(item.deployment.finishedAt);
    if (b < 0) {
      continue;
    }
    totals[b] += 1;
    const group = item.failed ? ctx.groupOf.failure(item) : null;
    if (group !== null) {
      failures.add(group, item.deployment.finishedAt);
    }
  }
  return failures
    .toSeries('changeFailRate', 'rate', (hits, b) => (totals[b] === 0 ? null : hits / totals[b]))
    .map((s): MetricSeries => ({
      ...s,
      points: s.points.map((p, b): SeriesPoint => ({ ...p, count: totals[b] })),
    }));
}
