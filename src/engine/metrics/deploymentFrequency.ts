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
import { percentileInPlace } from '../stats';
import { attributedColumns, GroupIds, groupColumn, groupPairs } from './columns';
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
  groups: GroupIds;
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
      sorted = !(previous > at);
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
  const n = buckets.lo.length;
  // The Monday weeks overlapping each bucket, numbered together: bucket b's are slots [slot[b], slot[b + 1]).
  const firstWeek = new Float64Array(n);
  const slot = new Int32Array(n + 1);
  for (let b = 0; b < n; b++) {
    firstWeek[b] = weekIndexOfDay(localDayIndex(zone, buckets.lo[b]));
    slot[b + 1] = slot[b] + weekIndexOfDay(localDayIndex(zone, buckets.hi[b] - 1)) - firstWeek[b] + 1;
  }
  const slots = slot[n];
  const counts = new CountCells(buckets, ctx.grouping.groupsEverything);
  const grouped = groupedDeployments(ctx);
  const names = grouped.names;
  // Distinct local days with a deployment per group (index in names) and week slot. Deployments come in time order
  // and bucket bounds are local midnights, so repeats of a day follow each other within a group.
  const daysPerWeek = new Float64Array(names.length * slots);
  const lastDay = new Float64Array(names.length).fill(NaN);
  for (let k = 0; k < grouped.length; k++) {
    const g = grouped.groups[k];
    if (g < 0) {
      continue;
    }
    const at = grouped.at[k];
    const b = counts.bucketOf(at);
    if (b < 0) {
      continue;
    }
    counts.addAt(names, g, at);
    const day = localDayIndex(zone, at);
    if (lastDay[g] !== day) {
      lastDay[g] = day;
      daysPerWeek[g * slots + slot[b] + weekIndexOfDay(day) - firstWeek[b]] += 1;
    }
  }
  const indexOf = new Map<string, number>();
  names.forEach((name, g) => indexOf.set(name, g));
  return counts.toSeries('deploymentDaysPerWeek', 'perPeriod', (_count, b, group) => {
    const g = indexOf.get(group);
    // The median over the bucket's weeks (weeks without deployments count as 0), selected in place: read once.
    return g === undefined
      ? 0
      : (percentileInPlace(daysPerWeek, 0.5, g * slots + slot[b], g * slots + slot[b + 1]) as number);
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
