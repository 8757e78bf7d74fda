/**
 * Deployment frequency (METRICS.md "Deployment frequency"): successful production deployments per
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
import { AttributedDeployment } from '../attribution/types';
import { localDayIndex, wallClockDays, weekIndexOfDay } from '../buckets';
import { MetricSeries } from '../results';
import { aggregate, median } from '../stats';
import { MetricContext, durationKind } from './context';
import { CountCells, ValueCells } from './series';

/** Deployments of the request's filters with their group, in finish order. */
function groupedDeployments(ctx: MetricContext): Array<{ group: string; item: AttributedDeployment }> {
  const out: Array<{ group: string; item: AttributedDeployment }> = [];
  for (const item of ctx.attributed.deployments) {
    const group = ctx.groupOf.deployment(item);
    if (group !== null) {
      out.push({ group, item });
    }
  }
  out.sort((a, b) => a.item.deployment.finishedAt - b.item.deployment.finishedAt);
  return out;
}

function countCells(ctx: MetricContext): CountCells {
  const cells = new CountCells(ctx.buckets, ctx.grouping.groupsEverything);
  for (const { group, item } of groupedDeployments(ctx)) {
    cells.add(group, item.deployment.finishedAt);
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
  const lastDay = new Map<string, number>();
  for (const { group, item } of groupedDeployments(ctx)) {
    const at = item.deployment.finishedAt;
    if (!counts.add(group, at)) {
      continue;
    }
    const day = localDayIndex(zone, at);
    if (lastDay.get(group) !== day) {
      lastDay.set(group, day);
      days.add(group, at, day);
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
    for (const day of days.values(group, b)) {
      perWeek[weekIndexOfDay(day) - firstWeek[b]] += 1;
    }
    return median(perWeek) as number;
  });
}

export function deploymentGap(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  const previous = new Map<string, number>();
  for (const { group, item } of groupedDeployments(ctx)) {
    const at = item.deployment.finishedAt;
    const before = previous.get(group);
    previous.set(group, at);
    if (before !== undefined) {
      cells.add(group, at, at - before);
    } else if (cells.bucketOf(at) >= 0) {
      cells.touch(group);
    }
  }
  return cells.toSeries('deploymentGap', durationKind(aggregation), (values) => aggregate(values, aggregation));
}

function bucketDays(ctx: MetricContext): Float64Array {
  const { lo, hi } = ctx.buckets;
  const days = new Float64Array(lo.length);
  for (let b = 0; b < lo.length; b++) {
    days[b] = wallClockDays(ctx.request.zone, lo[b], hi[b]);
  }
  return days;
}
