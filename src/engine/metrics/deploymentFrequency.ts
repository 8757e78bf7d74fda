/**
 * Deployment frequency (docs/definitions.md#deployment-frequency): successful production deployments per
 * bucket of their finish.
 *
 * - deploymentCount: the count.
 * - deploymentsPerDay / deploymentsPerWeek: the count divided by the bucket's length in wall-clock
 *   days of the zone (clipped to the range; a DST day counts as one day), times 7 for weeks.
 * - deploymentDaysPerWeek: for each Monday week overlapping the bucket, the number of distinct local
 *   days with a deployment; the bucket's value is the median over those weeks (weeks without
 *   deployments count as 0; partial weeks at the range edges count as they are).
 * - deploymentGap: time between a deployment and the previous one of the same group (which may lie
 *   before the range), placed in the bucket of the later one, aggregated like durations.
 */
import { localDayIndex, wallClockDays, weekIndexOfDay } from '../buckets';
import { MetricSeries } from '../results';
import { median } from '../stats';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { CountCells, ValueCells } from './series';

/**
 * Deployments of the request's filters as (group, finish) pairs in finish order (read from the columns); a deployment
 * in several groups (a service several teams own) appears once per group. A pair whose group is -1 is skipped (a
 * filter excludes the deployment). In finish order already, with one group each, the pairs are the columns themselves.
 */
interface Grouped {
  /** Index in names per pair, or -1. */
  groups: Int32Array;
  names: string[];
  at: Float64Array;
  length: number;
}

function groupedDeployments(ctx: MetricContext): Grouped {
  const columns = attributedColumns(ctx.attributed);
  const pairs = groupPairs(groupColumn(columns.deployments, ctx.grouping, ALL_GROUP));
  const n = pairs.length;
  const items = pairs.items;
  let sorted = true;
  let previous = -Infinity;
  for (let k = 0; k < n && sorted; k++) {
    if (pairs.groups[k] >= 0) {
      const at = columns.deployedAt[items === null ? k : items[k]];
      sorted = previous <= at;
      previous = at;
    }
  }
  // Attribution hands deployments over in finish order.
  if (sorted && items === null) {
    return { groups: pairs.groups, names: pairs.names, at: columns.deployedAt, length: n };
  }
  // Anything else is put in order here (stable), without the excluded pairs.
  const order: number[] = [];
  for (let k = 0; k < n; k++) {
    if (pairs.groups[k] >= 0) {
      order.push(k);
    }
  }
  const pairAt = (k: number): number => columns.deployedAt[items === null ? k : items[k]];
  if (!sorted) {
    order.sort((a, b) => pairAt(a) - pairAt(b) || a - b);
  }
  return {
    groups: Int32Array.from(order, (k) => pairs.groups[k]),
    names: pairs.names,
    at: Float64Array.from(order, pairAt),
    length: order.length,
  };
}

function countCells(ctx: MetricContext): CountCells {
  const cells = new CountCells(ctx.buckets, ctx.grouping.groupsEverything);
  const { groups, names, at, length } = groupedDeployments(ctx);
  for (let k = 0; k < length; k++) {
    if (groups[k] >= 0) {
      cells.addAt(names, groups[k], at[k]);
    }
  }
  return cells;
}

export function deploymentCount(ctx: MetricContext): MetricSeries[] {
  return countCells(ctx).toSeries('deploymentCount', 'count');
}

export function deploymentsPerDay(ctx: MetricContext): MetricSeries[] {
  const days = bucketDays(ctx);
  return countCells(ctx).toSeries('deploymentsPerDay', 'perPeriod', (count, b) => count / days[b]);
}

export function deploymentsPerWeek(ctx: MetricContext): MetricSeries[] {
  const days = bucketDays(ctx);
  return countCells(ctx).toSeries('deploymentsPerWeek', 'perPeriod', (count, b) => (count / days[b]) * 7);
}

export function deploymentDaysPerWeek(ctx: MetricContext): MetricSeries[] {
  const { buckets, request } = ctx;
  const zone = request.zone;
  const counts = new CountCells(buckets, ctx.grouping.groupsEverything);
  // Distinct local days with a deployment, per group and bucket. Deployments come in time order and
  // bucket bounds are local midnights, so repeats of a day follow each other within a group.
  const days = new ValueCells(buckets, false);
  const grouped = groupedDeployments(ctx);
  // Per group (index in names): the last day seen.
  const lastDay = new Float64Array(grouped.names.length).fill(NaN);
  for (let k = 0; k < grouped.length; k++) {
    const g = grouped.groups[k];
    if (g < 0) {
      continue;
    }
    const at = grouped.at[k];
    if (!counts.addAt(grouped.names, g, at)) {
      continue;
    }
    const day = localDayIndex(zone, at);
    if (lastDay[g] !== day) {
      lastDay[g] = day;
      days.addAt(grouped.names, g, at, day);
    }
  }
  const n = buckets.lo.length;
  const firstWeek = new Float64Array(n);
  const weekCount = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    firstWeek[b] = weekIndexOfDay(localDayIndex(zone, buckets.lo[b]));
    weekCount[b] = weekIndexOfDay(localDayIndex(zone, buckets.hi[b] - 1)) - firstWeek[b] + 1;
  }
  return counts.toSeries('deploymentDaysPerWeek', 'perPeriod', (_count, b, group) => {
    const perWeek = new Float64Array(weekCount[b]);
    const inBucket = days.values(group, b);
    for (let k = 0; k < inBucket.length; k++) {
      perWeek[weekIndexOfDay(inBucket[k]) - firstWeek[b]] += 1;
    }
    return median(perWeek) as number;
  });
}

export function deploymentGap(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const grouped = groupedDeployments(ctx);
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything, grouped.length);
  // Per group (index in names): the finish of its previous deployment.
  const previous = new Float64Array(grouped.names.length).fill(NaN);
  for (let k = 0; k < grouped.length; k++) {
    const g = grouped.groups[k];
    if (g < 0) {
      continue;
    }
    const at = grouped.at[k];
    const before = previous[g];
    previous[g] = at;
    if (before === before) {
      cells.addAt(grouped.names, g, at, at - before);
    } else if (cells.bucketOf(at) >= 0) {
      cells.touch(grouped.names[g]);
    }
  }
  return cells.toSeries('deploymentGap', aggregation);
}

function bucketDays(ctx: MetricContext): Float64Array {
  const { lo, hi } = ctx.buckets;
  const days = new Float64Array(lo.length);
  for (let b = 0; b < lo.length; b++) {
    days[b] = wallClockDays(ctx.request.zone, lo[b], hi[b]);
  }
  return days;
}
