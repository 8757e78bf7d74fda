/**
 * Order statistics for durations and counts.
 *
 * Percentiles use linear interpolation between closest ranks (numpy's default, DuckDB's quantile_cont,
 * Excel's PERCENTILE.INC): for n sorted values and p in [0, 1], h = (n - 1) * p and the result is
 * x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). The median is the 0.5 percentile, so
 * an even count gives the mean of the two middle values. Every function returns null for empty input.
 */
import { EngineInputError } from './attribution/inputError';
import { Aggregation } from './results';

export type Values = ArrayLike<number>;

/** Aggregations that reduce values to one number, with the percentile each one stands for. */
export const PERCENTILE_OF: Readonly<Record<'median' | 'p75' | 'p90', number>> = { median: 0.5, p75: 0.75, p90: 0.9 };

export function count(values: Values): number {
  return values.length;
}

/** The sum of values[from, to) (all of them by default), added in order. */
export function sum(values: Values, from = 0, to = values.length): number {
  let total = 0;
  for (let i = from; i < to; i++) {
    total += values[i];
  }
  return total;
}

export function mean(values: Values): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** Percentile of values that are already sorted ascending. */
export function percentileOfSorted(sorted: Values, p: number): number | null {
  checkFraction(p);
  const n = sorted.length;
  if (n === 0) {
    return null;
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Percentile (linear interpolation) of unsorted values; the input is not modified. */
export function percentile(values: Values, p: number): number | null {
  checkFraction(p);
  if (values.length === 0) {
    return null;
  }
  // Float64Array sorts numerically without a comparator.
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return percentileOfSorted(sorted, p);
}

export function median(values: Values): number | null {
  return percentile(values, 0.5);
}

/**
 * Percentile in expected linear time by partial selection (quickselect), for the hot paths of the
 * scorecard. Reorders `values[from, to)` in place; same result as percentile().
 */
export function percentileInPlace(values: Float64Array, p: number, from = 0, to = values.length): number | null {
  checkFraction(p);
  const n = to - from;
  if (n <= 0) {
    return null;
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const k = from + lo;
  select(values, from, to - 1, k);
  const low = values[k];
  if (h === lo) {
    return low;
  }
  // After selection everything right of k is >= values[k]; the next order statistic is their minimum.
  let next = values[k + 1];
  for (let i = k + 2; i < to; i++) {
    if (values[i] < next) {
      next = values[i];
    }
  }
  return low + (h - lo) * (next - low);
}

/** Reduces values with an aggregation; 'count' is the number of values (0 for none). */
export function aggregate(values: Values, aggregation: Aggregation): number | null {
  switch (aggregation) {
    case 'count':
      return values.length;
    case 'mean':
      return mean(values);
    case 'median':
    case 'p75':
    case 'p90':
      return percentile(values, PERCENTILE_OF[aggregation]);
    default:
      throw new EngineInputError('aggregation', aggregation, 'Use one of median, p75, p90, mean, count.');
  }
}

/**
 * aggregate() of values[from, to) for values the caller owns and no longer needs in their order: percentiles select
 * in place (percentileInPlace) instead of sorting a copy. Same result as aggregate() of those values.
 */
export function aggregateInPlace(
  values: Float64Array,
  aggregation: Aggregation,
  from = 0,
  to = values.length
): number | null {
  switch (aggregation) {
    case 'median':
    case 'p75':
    case 'p90':
      return percentileInPlace(values, PERCENTILE_OF[aggregation], from, to);
    case 'mean':
      return to > from ? sum(values, from, to) / (to - from) : null;
    case 'count':
      return to - from;
    default:
      return aggregate(values.subarray(from, to), aggregation);
  }
}

function checkFraction(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new EngineInputError('percentile', p, 'Pass a fraction in [0, 1], such as 0.9 for p90.');
  }
}

/** Hoare-style quickselect with median-of-three pivots: afterwards a[k] holds the k-th smallest of a[left..right]. */
function select(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as pivot keeps sorted and reversed inputs linear.
    if (a[mid] < a[left]) {
      swap(a, mid, left);
    }
    if (a[right] < a[left]) {
      swap(a, right, left);
    }
    if (a[right] < a[mid]) {
      swap(a, right, mid);
    }
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) {
        i++;
      }
      while (a[j] > pivot) {
        j--;
      }
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) {
      right = j;
    } else if (k >= i) {
      left = i;
    } else {
      return;
    }
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
