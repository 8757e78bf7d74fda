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
import { AttributedDeployment } from '../attribution/types';
import { localDayIndex, wallClockDays, weekIndexOfDay } from '../buckets';
import { MetricSeries } from '../results';
import { aggregate, median } from '../stats';
import { MetricContext, durationKind } from './context';
import { CountCells, ValueCells } from './series';

/**
 * Deployments of the request's filters with their group (items[k] is in groups[k]), in finish order; a deployment
 * in several groups (a service several teams own) appears once per group.
 */
interface Grouped {
  groups: string[];
  items: AttributedDeployment[];
}

function groupedDeployments(ctx: MetricContext): Grouped {
  const groups: string[] = [];
  const items: AttributedDeployment[] = [];
  const all = ctx.attributed.deployments;
  let sorted = true;
  for (let i = 0; i < all.length; i++) {
    const item = all[i];
    const group = ctx.groupOf.deployment(item);
    if (group !== null) {
      if (items.length > 0 && items[items.length - 1].deployment.finishedAt > item.deployment.finishedAt) {
        sorted = false;
      }
      if (typeof group === 'string') {
        groups.push(group);
        items.push(item);
      } else {
        for (let g = 0; g < group.length; g++) {
          groups.push(group[g]);
          items.push(item);
        }
      }
    }
  }
  // Attribution hands deployments over in finish order; anything else is put in order here (stable).
  if (sorted) {
    return { groups, items };
  }
  const order = items.map((_item, k) => k);
  order.sort((a, b) => items[a].deployment.finishedAt - items[b].deployment.finishedAt || a - b);
  return { groups: order.map((k) => groups[k]), items: order.map((k) => items[k]) };
}

function countCells(ctx: MetricContext): CountCells {
  const cells = new CountCells(ctx.buckets, ctx.grouping.groupsEverything);
  const { groups, items } = groupedDeployments(ctx);
  for (let k = 0; k < items.length; k++) {
    cells.add(groups[k], items[k].deployment.finishedAt);
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
  const { groups, items } = groupedDeployments(ctx);
  for (let k = 0; k < items.length; k++) {
    const group = groups[k];
    const at = items[k].deployment.finishedAt;
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
    const inBucket = days.values(group, b);
    for (let k = 0; k < inBucket.length; k++) {
      perWeek[weekIndexOfDay(inBucket[k]) - firstWeek[b]] += 1;
    }
    return median(perWeek) as number;
  });
}

export function deploymentGap(ctx: MetricContext): MetricSeries[] {
  const aggregation = ctx.request.aggregation;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  const previous = new Map<string, number>();
  const { groups, items } = groupedDeployments(ctx);
  for (let k = 0; k < items.length; k++) {
    const group = groups[k];
    const at = items[k].deployment.finishedAt;
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
