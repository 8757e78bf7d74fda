/**
 * Deployment duration (docs/definitions.md#paired-metrics): finish minus start of successful production
 * deployments that report a start, in the bucket of the finish; median by default.
 */
import { MetricSeries } from '../results';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { ValueCells } from './series';

export function deploymentDuration(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const columns = attributedColumns(ctx.attributed);
  const pairs = groupPairs(groupColumn(columns.deployments, ctx.grouping, ALL_GROUP));
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything, 0);
  cells.fill(pairs, columns.deployedAt, null, columns.durationMs, null, columns.scratch);
  return cells.toSeries('deploymentDuration', aggregation);
}
