/**
 * Deploy attempt failure rate: failed production deploy attempts / all finished attempts (failed
 * attempts plus successful deployments), in the bucket of the attempt's finish; null without
 * attempts. Cancelled attempts are left out of both sides (as cancelled CI runs are for build
 * success): a cancel is usually a superseded deploy, not a failure. In-progress attempts have no
 * outcome yet and are left out too.
 */
import { MetricSeries } from '../results';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { RateCells } from './series';

export function deployAttemptFailureRate(ctx: MetricContext): MetricSeries[] {
  const cells = new RateCells(ctx.buckets, ctx.grouping.groupsEverything);
  const columns = attributedColumns(ctx.attributed);
  const pairs = groupPairs(groupColumn(columns.deployments, ctx.grouping, ALL_GROUP));
  for (let k = 0; k < pairs.length; k++) {
    const g = pairs.groups[k];
    if (g >= 0) {
      cells.addAt(pairs.names, g, columns.deployedAt[pairs.items === null ? k : pairs.items[k]], false);
    }
  }
  for (const attempt of ctx.attributed.failedAttempts) {
    if (attempt.status !== 'failure') {
      continue;
    }
    const group = ctx.groupOf.attempt(attempt);
    if (group !== null) {
      cells.add(group, attempt.finishedAt, true);
    }
  }
  return cells.toSeries('deployAttemptFailureRate');
}
