/**
 * Mean time between failures (docs/definitions.md#paired-metrics): (window - impaired time) / incidents.
 *
 * Per group and bucket: the window is the bucket clipped to the range; the incidents are those that
 * start (else are created) in the bucket; the impaired time is the union of every incident's
 * [start, resolved) clipped to the bucket, including incidents that started earlier and are still
 * open in it. An unresolved incident impairs until the end of the range. Overlapping incidents
 * count their overlap once. Null for a bucket without incidents.
 */
import { MetricSeries } from '../results';
import { MetricContext } from './context';
import { incidentInstant } from './instants';
import { CountCells } from './series';

export function meanTimeBetweenFailures(ctx: MetricContext): MetricSeries[] {
  const { buckets } = ctx;
  const rangeEnd = buckets.range.to;
  const counts = new CountCells(buckets, ctx.grouping.groupsEverything);
  const intervals = new Map<string, Array<[number, number]>>();
  const items = ctx.attributed.incidents;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const group = ctx.groupOf.incident(item);
    if (group === null) {
      continue;
    }
    const start = incidentInstant(item);
    const resolved = item.incident.resolvedAt;
    const end = resolved !== undefined ? resolved : rangeEnd;
    counts.add(group, start);
    if (end > start) {
      if (typeof group === 'string') {
        intervalsOf(intervals, group).push([start, end]);
      } else {
        group.forEach((g) => intervalsOf(intervals, g).push([start, end]));
      }
    }
  }
  const impaired = new Map<string, Float64Array>();
  intervals.forEach((list, group) =>
    impaired.set(group, impairedPerBucket(mergeIntervals(list), buckets.lo, buckets.hi))
  );
  return counts.toSeries('meanTimeBetweenFailures', 'duration', (count, b, group) => {
    if (count === 0) {
      return null;
    }
    const down = impaired.get(group);
    return (buckets.hi[b] - buckets.lo[b] - (down ? down[b] : 0)) / count;
  });
}

function intervalsOf(intervals: Map<string, Array<[number, number]>>, group: string): Array<[number, number]> {
  let list = intervals.get(group);
  if (!list) {
    list = [];
    intervals.set(group, list);
  }
  return list;
}

/** Sorted, disjoint union of [start, end) intervals. */
export function mergeIntervals(list: Array<[number, number]>): Array<[number, number]> {
  const sorted = list.slice().sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      out.push([start, end]);
    }
  }
  return out;
}

/** Overlap of disjoint sorted intervals with each bucket [lo, hi): one sweep over both lists. */
function impairedPerBucket(merged: Array<[number, number]>, lo: Float64Array, hi: Float64Array): Float64Array {
  const out = new Float64Array(lo.length);
  let first = 0;
  for (let b = 0; b < lo.length; b++) {
    while (first < merged.length && merged[first][1] <= lo[b]) {
      first++;
    }
    for (let i = first; i < merged.length && merged[i][0] < hi[b]; i++) {
      out[b] += Math.min(hi[b], merged[i][1]) - Math.max(lo[b], merged[i][0]);
    }
  }
  return out;
}
