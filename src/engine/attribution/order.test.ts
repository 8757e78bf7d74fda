import fc from 'fast-check';
import { compareNumbers, compareText, countLeading, sortedPositions } from './order';

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
});
