import { buildBuckets } from '../buckets';
import { aggregate } from '../stats';
import { UTC } from '../time';
import { ValueCells } from './series';

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
    const series = cells.toSeries('leadTime', 'duration', (values) => aggregate(values, 'median'));
    expect(series.map((s) => [s.group, s.points.map((p) => [p.value, p.count])])).toEqual([
      ['all', [[null, 0], [null, 0], [null, 0]]],
      ['api', [[9, 1], [null, 0], [null, 0]]],
      ['web', [[null, 0], [3, 3], [null, 0]]],
    ]);
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
