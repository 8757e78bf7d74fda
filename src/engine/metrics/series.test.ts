import { buildBuckets } from '../buckets';
import { UTC } from '../time';
import { CountCells, ValueCells } from './series';

const DAY = 86400000;

describe('ValueCells', () => {
  const buckets = buildBuckets({ from: 0, to: 3 * DAY }, 'day', UTC);

  it('keeps each cell’s values in the order they were added, across groups and added after reading', () => {
    const cells = new ValueCells(buckets, true);
    cells.add('web', DAY + 1, 5);
    cells.add('api', 2, 9);
    cells.add('web', DAY + 2, 1);
    expect(cells.add('web', 3 * DAY, 4)).toBe(false);
    expect(Array.from(cells.values('web', 1))).toEqual([5, 1]);
    expect(Array.from(cells.values('all', 0))).toEqual([]);
    expect(Array.from(cells.values('nobody', 0))).toEqual([]);
    cells.add('web', DAY + 3, 3);
    expect(Array.from(cells.values('web', 1))).toEqual([5, 1, 3]);
    const series = cells.toSeries('leadTime', 'median');
    expect(series.map((s) => [s.group, s.points.map((p) => [p.value, p.count])])).toEqual([
      ['all', [[null, 0], [null, 0], [null, 0]]],
      ['api', [[9, 1], [null, 0], [null, 0]]],
      ['web', [[null, 0], [3, 3], [null, 0]]],
    ]);
  });

  it('reduces each cell with the aggregation, the values of a cell read in any order', () => {
    const cells = new ValueCells(buckets, false);
    [7, 1, 4, 10].forEach((v) => cells.add('web', DAY + v, v));
    expect(cells.toSeries('leadTime', 'p75')[0].points[1]).toMatchObject({ value: 7.75, count: 4 });
    expect(cells.toSeries('leadTime', 'mean')[0].points[1]).toMatchObject({ value: 5.5, count: 4 });
    expect(cells.toSeries('leadTime', 'count')[0]).toMatchObject({ valueKind: 'count' });
    expect(Array.from(cells.values('web', 1)).sort((a, b) => a - b)).toEqual([1, 4, 7, 10]);
  });

  it('places items in any time and group order as a fresh lookup would', () => {
    // The last bucket and row found are tried first: jumping back and forth must not leave a stale one.
    const cells = new CountCells(buckets, false);
    const items: Array<[string, number]> = [];
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      items.push([seed % 3 === 0 ? 'a' : 'b', (seed % (4 * DAY)) - DAY / 2]);
    }
    for (const [group, at] of items) {
      expect(cells.add(group, at)).toBe(at >= 0 && at < 3 * DAY);
    }
    for (const group of ['a', 'b']) {
      for (let b = 0; b < 3; b++) {
        const expected = items.filter(([g, at]) => g === group && at >= b * DAY && at < (b + 1) * DAY).length;
        expect(cells.countOf(group, b)).toBe(expected);
      }
    }
  });

  it('grows past its first capacity', () => {
    const cells = new ValueCells(buckets, false);
    for (let i = 0; i < 5000; i++) {
      cells.add(i % 2 === 0 ? 'a' : 'b', (i % 3) * DAY, i);
    }
    const a0 = Array.from(cells.values('a', 0));
    expect(a0).toEqual(Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 === 0));
  });
});
