import fc from 'fast-check';
import { compareNumbers, compareText, countLeading, sortedPositions, sortPositionsWith } from './order';

describe('order helpers', () => {
  it('compareText orders by code unit, without locale', () => {
    expect(['b', 'B', 'a', 'ä', 'a'].sort(compareText)).toEqual(['B', 'a', 'a', 'b', 'ä']);
  });

  it('countLeading counts the prefix where a monotone predicate holds', () => {
    const list = [1, 3, 3, 5, 8];
    expect(countLeading(list, (x) => x <= 3)).toBe(3);
    expect(countLeading(list, (x) => x < 1)).toBe(0);
    expect(countLeading(list, (x) => x < 100)).toBe(5);
    expect(countLeading([], () => true)).toBe(0);
    expect(countLeading(Int32Array.from([2, 4, 6]), (x) => x < 5)).toBe(2);
  });

  it('sortedPositions orders by key, then by the tie rule, as a comparator sort would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), name: fc.string({ maxLength: 2 }) }), {
          maxLength: 80,
        }),
        (items) => {
          const order = sortedPositions(
            Float64Array.from(items.map((i) => i.key)),
            (y, x) => items[y].name < items[x].name
          );
          const expected = items
            .map((item, position) => ({ ...item, position }))
            .sort((a, b) => compareNumbers(a.key, b.key) || compareText(a.name, b.name) || a.position - b.position)
            .map((i) => i.position);
          expect(Array.from(order)).toEqual(expected);
        }
      )
    );
    expect(Array.from(sortedPositions(new Float64Array(0), () => false))).toEqual([]);
  });
  it('sortPositionsWith sorts a prefix of the key in reused lists as sortedPositions sorts that prefix', () => {
    const first = new Int32Array(64).fill(-7);
    const second = new Int32Array(64).fill(99);
    const key = new Float64Array(64).fill(-1);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 64 }), (keys) => {
        // The key list is longer than the run (stale values after it), and the lists hold the last run's positions.
        key.set(keys);
        const order = sortPositionsWith(key, keys.length, (y, x) => y % 3 < x % 3, first, second);
        const expected = sortedPositions(Float64Array.from(keys), (y, x) => y % 3 < x % 3);
        expect(Array.from(order.subarray(0, keys.length))).toEqual(Array.from(expected));
      })
    );
  });
});
