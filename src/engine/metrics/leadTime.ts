/**
 * Change lead time (docs/definitions.md#change-lead-time): per change, the finish of the first successful
 * production deployment that contains it minus its start (attribution computes it; dropped lead
 * times, null, are left out). Placed in the bucket of the deployment's finish and aggregated with
 * the request's aggregation (median by default).
 *
 * Breakdown stages (coding, pickup, review, deploy) come from pull request data where it exists;
 * a change without a stage's data is left out of that stage, and so is a negative stage (e.g. a
 * review before the pull request was opened), which would not be a duration.
 */
import { EngineInputError } from '../attribution/inputError';
import { AttributedChange, LeadTimeBreakdown } from '../attribution/types';
import { MetricId, MetricSeries } from '../results';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { ValueCells } from './series';

type Stage = keyof LeadTimeBreakdown;

export const STAGE_OF: Readonly<Partial<Record<MetricId, Stage>>> = {
  leadTimeCoding: 'codingMs',
  leadTimePickup: 'pickupMs',
  leadTimeReview: 'reviewMs',
  leadTimeDeploy: 'deployMs',
};

/** The series of a value per change, over every change or those at the given indexes. */
function leadTimeSeries(
  ctx: MetricContext,
  metric: MetricId,
  valueOf: (item: AttributedChange) => number | null | undefined,
  indexes?: Int32Array
): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  const changes = ctx.attributed.changes;
  const n = indexes ? indexes.length : changes.length;
  // An index loop: for-of allocates an iterator result per change, a million of them per metric.
  for (let k = 0; k < n; k++) {
    const item = changes[indexes ? indexes[k] : k];
    const value = valueOf(item);
    if (value === null || value === undefined || !(value >= 0)) {
      continue;
    }
    const group = ctx.groupOf.change(item);
    if (group !== null) {
      cells.add(group, item.deployedAt, value);
    }
  }
  return cells.toSeries(metric, aggregation);
}

export function leadTime(ctx: MetricContext): MetricSeries[] {
  if (ctx.grouping.facetGroup !== null) {
    return leadTimeSeries(ctx, 'leadTime', (item) => item.leadTimeMs);
  }
  // Grouped by a dimension every change has: over the columns (the scorecard reads the same ones).
  const columns = attributedColumns(ctx.attributed);
  const pairs = groupPairs(groupColumn(columns.changes, ctx.grouping, ALL_GROUP));
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything, 0);
  cells.fill(pairs, columns.changeAt, columns.changeAtOf, columns.leadTimeMs, null, columns.scratch);
  return cells.toSeries('leadTime', ctx.request.aggregation);
}

export function leadTimeStage(metric: MetricId): (ctx: MetricContext) => MetricSeries[] {
  const stage = STAGE_OF[metric];
  if (!stage) {
    throw new EngineInputError('metric', metric, `A lead time stage is one of ${Object.keys(STAGE_OF).join(', ')}.`);
  }
  // Only changes with pull request data have stages: the columns list them.
  return (ctx) =>
    leadTimeSeries(
      ctx,
      metric,
      (item) => (item.breakdown ? item.breakdown[stage] : undefined),
      attributedColumns(ctx.attributed).withBreakdown
    );
}
