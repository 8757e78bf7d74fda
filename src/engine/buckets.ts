/**
 * Time buckets in the dashboard's time zone, returned as UTC instants.
 *
 * The zone is only an offset function (no Intl). Local calendar arithmetic is done on "local
 * milliseconds" (UTC instant + offset) with the Date UTC getters, and every boundary is turned back
 * into an instant with the offset valid at that boundary, so DST changes move boundaries correctly.
 * Days start at local midnight, weeks on Monday, months on the 1st.
 */
import { EngineInputError } from './attribution/inputError';
import { Instant } from './model';
import { DAY_MS, MINUTE_MS, WEEK_MS } from './options';
import { BucketKind } from './results';
import { TimeRange, TimeZone } from './time';

export type ConcreteBucketKind = Exclude<BucketKind, 'auto'>;

/** 'auto' prefers the finest bucket that is at least the panel interval and gives at most this many points. */
export const AUTO_MAX_BUCKETS = 100;

/** More buckets than this is almost certainly a mistake (e.g. day buckets over decades). */
export const MAX_BUCKETS = 20000;

/** Nominal lengths used only to choose an 'auto' bucket. */
const NOMINAL_MS: Record<'day' | 'week' | 'month', number> = { day: DAY_MS, week: WEEK_MS, month: 30 * DAY_MS };

/**
 * Resolves 'auto': the finest of day, week, month whose nominal length is at least the panel's
 * interval (Grafana's intervalMs, about range / maxDataPoints) and that yields at most
 * AUTO_MAX_BUCKETS buckets over the range. Month is the coarsest choice.
 */
export function resolveBucketKind(kind: BucketKind, range: TimeRange, intervalMs?: number): ConcreteBucketKind {
  if (kind !== 'auto') {
    return kind;
  }
  const span = range.to - range.from;
  const candidates: Array<'day' | 'week'> = ['day', 'week'];
  for (const candidate of candidates) {
    const length = NOMINAL_MS[candidate];
    const coversInterval = intervalMs === undefined || intervalMs <= length;
    if (coversInterval && span / length <= AUTO_MAX_BUCKETS) {
      return candidate;
    }
  }
  return 'month';
}

/** Offset of the zone at an instant in milliseconds, checked once so bad zones fail with a clear message. */
export function offsetMs(zone: TimeZone, instant: Instant): number {
  const minutes = zone.offsetMinutesAt(instant);
  if (typeof minutes !== 'number' || !isFinite(minutes) || Math.abs(minutes) > 18 * 60) {
    throw new EngineInputError(
      `time zone offset at ${instant}`,
      minutes,
      'Pass a TimeZone whose offsetMinutesAt returns minutes within ±18 h, e.g. 60 for UTC+1.'
    );
  }
  return minutes * MINUTE_MS;
}

/** Wall-clock milliseconds of an instant (instant + offset): use only with the Date UTC getters. */
export function toLocalMs(zone: TimeZone, instant: Instant): number {
  return instant + offsetMs(zone, instant);
}

/**
 * The instant at which the zone's wall clock shows localMs. If that wall time occurs twice (clocks
 * go back) the earlier instant is returned; if it does not exist (clocks go forward) the instant of
 * the change is returned, which is when that local day or hour actually begins.
 */
export function fromLocalMs(zone: TimeZone, localMs: number): Instant {
  const before = offsetMs(zone, localMs - DAY_MS);
  const after = offsetMs(zone, localMs + DAY_MS);
  let best: Instant | null = null;
  for (const offset of [before, after]) {
    const candidate = localMs - offset;
    if (offsetMs(zone, candidate) === offset && (best === null || candidate < best)) {
      best = candidate;
    }
  }
  if (best !== null) {
    return best;
  }
  // A gap: the change happens between localMs - larger offset and localMs - smaller offset.
  let lo = localMs - Math.max(before, after);
  let hi = localMs - Math.min(before, after);
  const loOffset = offsetMs(zone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid) === loOffset) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return hi;
}

/** Days since 1970-01-01 of the local calendar day containing the instant. */
export function localDayIndex(zone: TimeZone, instant: Instant): number {
  return Math.floor(toLocalMs(zone, instant) / DAY_MS);
}

/** Monday-based week index of a local day index (1970-01-01 was a Thursday; week 0 starts 1969-12-29). */
export function weekIndexOfDay(dayIndex: number): number {
  return Math.floor((dayIndex + 3) / 7);
}

/** Start of the bucket containing the instant ('range' has no calendar start: the instant itself). */
export function bucketStartAt(kind: ConcreteBucketKind, instant: Instant, zone: TimeZone): Instant {
  if (kind === 'range') {
    return instant;
  }
  return fromLocalMs(zone, floorLocal(kind, toLocalMs(zone, instant)));
}

/** Length of [a, b) in wall-clock days of the zone, so a 23-hour or 25-hour DST day counts as one day. */
export function wallClockDays(zone: TimeZone, a: Instant, b: Instant): number {
  return (toLocalMs(zone, b) - toLocalMs(zone, a)) / DAY_MS;
}

export interface Buckets {
  kind: ConcreteBucketKind;
  range: TimeRange;
  /** Calendar start of each bucket (the first may lie before range.from); 'range' has one start, range.from. */
  starts: Float64Array;
  /** Effective bounds of each bucket, clipped to the range: bucket i covers [lo[i], hi[i]). */
  lo: Float64Array;
  hi: Float64Array;
}

/** Every bucket of the kind that overlaps [range.from, range.to), in order. */
export function buildBuckets(range: TimeRange, kind: ConcreteBucketKind, zone: TimeZone): Buckets {
  checkRange(range);
  if (kind === 'range') {
    return {
      kind,
      range,
      starts: Float64Array.of(range.from),
      lo: Float64Array.of(range.from),
      hi: Float64Array.of(range.to),
    };
  }
  if (kind !== 'day' && kind !== 'week' && kind !== 'month') {
    throw new EngineInputError('bucket', kind, 'Use one of auto, day, week, month, range.');
  }
  const starts: number[] = [];
  let local = floorLocal(kind, toLocalMs(zone, range.from));
  let start = fromLocalMs(zone, local);
  while (start < range.to) {
    starts.push(start);
    if (starts.length > MAX_BUCKETS) {
      throw new EngineInputError(
        'bucket',
        kind,
        `The range ${range.from}..${range.to} needs more than ${MAX_BUCKETS} such buckets; choose week, month or range, or a shorter time range.`
      );
    }
    local = nextLocal(kind, local);
    start = fromLocalMs(zone, local);
  }
  const n = starts.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = Math.max(starts[i], range.from);
    hi[i] = i + 1 < n ? starts[i + 1] : range.to;
  }
  return { kind, range, starts: Float64Array.from(starts), lo, hi };
}

/** Index of the bucket containing the instant, or -1 outside the range. Binary search: O(log buckets). */
export function bucketIndexOf(buckets: Buckets, instant: Instant): number {
  const { lo, hi } = buckets;
  const n = lo.length;
  if (!(instant >= lo[0] && instant < hi[n - 1])) {
    return -1;
  }
  let a = 0;
  let b = n - 1;
  while (a < b) {
    const mid = (a + b + 1) >>> 1;
    if (lo[mid] <= instant) {
      a = mid;
    } else {
      b = mid - 1;
    }
  }
  return a;
}

/** Checks a range; the message names the field, the value and the fix. */
export function checkRange(range: TimeRange): void {
  if (!range || typeof range.from !== 'number' || !isFinite(range.from)) {
    throw new EngineInputError('range.from', range && range.from, 'Pass a finite epoch-millisecond instant.');
  }
  if (typeof range.to !== 'number' || !isFinite(range.to)) {
    throw new EngineInputError('range.to', range.to, 'Pass a finite epoch-millisecond instant.');
  }
  if (range.to <= range.from) {
    throw new EngineInputError(
      'range.to',
      range.to,
      `It must be after range.from (${range.from}); pass a range with from < to.`
    );
  }
}

function floorLocal(kind: 'day' | 'week' | 'month', localMs: number): number {
  const day = Math.floor(localMs / DAY_MS);
  if (kind === 'day') {
    return day * DAY_MS;
  }
  if (kind === 'week') {
    // Monday of the week: dayIndex + 3 counts days since Monday 1969-12-29.
    return (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS;
  }
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextLocal(kind: 'day' | 'week' | 'month', localMs: number): number {
  const date = new Date(localMs);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (kind === 'day') {
    return Date.UTC(y, m, d + 1);
  }
  if (kind === 'week') {
    return Date.UTC(y, m, d + 7);
  }
  return Date.UTC(y, m + 1, 1);
}
