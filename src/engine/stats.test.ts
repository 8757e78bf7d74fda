import fc from 'fast-check';
import {
  aggregate,
  aggregateInPlace,
  count,
  mean,
  median,
  percentile,
  percentileInPlace,
  percentileOfSorted,
  sum,
} from './stats';
import { Aggregation } from './results';

describe('stats', () => {
  it('returns null for empty input', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 0.9)).toBeNull();
    expect(mean([])).toBeNull();
    expect(percentileInPlace(new Float64Array(0), 0.5)).toBeNull();
    expect(aggregate([], 'p75')).toBeNull();
    expect(aggregate([], 'count')).toBe(0);
    expect(count([])).toBe(0);
    expect(sum([])).toBe(0);
  });

  it('gives the value itself for a single item', () => {
    expect(median([7])).toBe(7);
    expect(percentile([7], 0.9)).toBe(7);
    expect(mean([7])).toBe(7);
  });

  it('interpolates linearly between closest ranks (numpy default, DuckDB quantile_cont)', () => {
    // [1,2,3,4]: h = 3p; median h=1.5 -> 2.5; p75 h=2.25 -> 3.25; p90 h=2.7 -> 3.7
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 0.75)).toBeCloseTo(3.25, 12);
    expect(percentile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    // [10..50]: p90 h=3.6 -> 40 + 0.6*10 = 46; p75 h=3 -> 40 exactly
    expect(percentile([50, 10, 40, 20, 30], 0.9)).toBeCloseTo(46, 12);
    expect(percentile([50, 10, 40, 20, 30], 0.75)).toBe(40);
    expect(median([50, 10, 40, 20, 30])).toBe(30);
    expect(percentileOfSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(percentileOfSorted([1, 2, 3, 4], 1)).toBe(4);
  });

  it('does not modify its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('aggregates by name', () => {
    expect(aggregate([1, 2, 3, 10], 'mean')).toBe(4);
    expect(aggregate([1, 2, 3, 10], 'median')).toBe(2.5);
    expect(aggregate([1, 2, 3, 10], 'count')).toBe(4);
    expect(aggregate([1, 2, 3, 10], 'p90')).toBeCloseTo(7.9, 12); // h=2.7 -> 3 + 0.7*7
  });

  it('names the field, the value and the fix for bad input', () => {
    expect(() => percentile([1], 1.5)).toThrow(/percentile: 1.5.*0.9 for p90/);
    expect(() => aggregate([1], 'p99' as never)).toThrow(/aggregation: "p99".*median, p75/);
  });

  it('percentileInPlace (quickselect) equals the sorting percentile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 60 }),
        fc.constantFrom(0, 0.25, 0.5, 0.75, 0.9, 1),
        (values, p) => {
          const expected = percentile(values, p);
          const actual = percentileInPlace(Float64Array.from(values), p);
          return expected === null ? actual === null : Math.abs((actual as number) - expected) < 1e-9;
        }
      ),
      { numRuns: 200 }
    );
  });

  it('percentileInPlace works on a slice', () => {
    const values = Float64Array.from([100, 5, 1, 3, -100]);
    expect(percentileInPlace(values, 0.5, 1, 4)).toBe(3);
  });

  it('aggregateInPlace of a slice equals aggregate of those values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom<Aggregation>('median', 'p75', 'p90', 'mean', 'count'),
        (values, a, b, aggregation) => {
          const from = values.length === 0 ? 0 : a % (values.length + 1);
          const to = from + (values.length === 0 ? 0 : b % (values.length - from + 1));
          const expected = aggregate(values.slice(from, to), aggregation);
          const actual = aggregateInPlace(Float64Array.from(values), aggregation, from, to);
          return expected === null ? actual === null : actual === expected;
        }
      ),
      { numRuns: 300 }
    );
  });
});
