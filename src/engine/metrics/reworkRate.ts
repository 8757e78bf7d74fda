/**
 * Deployment rework rate (docs/definitions.md#deployment-rework-rate): rework deployments (rollbacks,
 * hotfixes, reverts, fix-forwards, as attribution classifies them) / deployments, in the bucket of
 * the deployment's finish; null without deployments.
 */
import { MetricSeries } from '../results';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { RateCells } from './series';

export function reworkRate(ctx: MetricContext): MetricSeries[] {
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  const columns = attributedColumns(ctx.attributed);
  const pairs = groupPairs(groupColumn(columns.deployments, ctx.grouping, ALL_GROUP));
  for (let k = 0; k < pairs.length; k++) {
    const g = pairs.groups[k];
    if (g >= 0) {
      const i = pairs.items === null ? k : pairs.items[k];
      cells.addAt(pairs.names, g, columns.deployedAt[i], columns.rework[i] === 1);
    }
  }
  return cells.toSeries('reworkRate');
}
