import { compareText, countLeading } from './order';

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
});
