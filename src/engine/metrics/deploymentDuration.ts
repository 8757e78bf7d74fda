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
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  const columns = attributedColumns(ctx.attributed);
  const pairs = groupPairs(groupColumn(columns.deployments, ctx.grouping, ALL_GROUP));
  for (let k = 0; k < pairs.length; k++) {
    const g = pairs.groups[k];
    const i = pairs.items === null ? k : pairs.items[k];
    const ms = columns.durationMs[i];
    if (g >= 0 && ms === ms) {
      cells.add(pairs.names[g], columns.deployedAt[i], ms);
    }
  }
  return cells.toSeries('deploymentDuration', aggregation);
}
