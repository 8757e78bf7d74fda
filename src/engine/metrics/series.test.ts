import { buildBuckets } from '../buckets';
import { UTC } from '../time';
import { GroupPairs, Scratch } from './columns';
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
      [
        'all',
        [
          [null, 0],
          [null, 0],
          [null, 0],
        ],
      ],
      [
        'api',
        [
          [9, 1],
          [null, 0],
          [null, 0],
        ],
      ],
      [
        'web',
        [
          [null, 0],
          [3, 3],
          [null, 0],
        ],
      ],
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

  it('adds by group index as by name, whichever names list the index is in', () => {
    const byName = new CountCells(buckets, false);
    const byIndex = new CountCells(buckets, false);
    const first = ['a', 'b'];
    const second = ['b', 'c', 'a'];
    for (let i = 0; i < 60; i++) {
      const names = i % 3 === 0 ? second : first;
      const g = i % names.length;
      const at = (i % 4) * DAY;
      expect(byIndex.addAt(names, g, at)).toBe(byName.add(names[g], at));
    }
    expect(byIndex.toSeries('deploymentCount', 'count')).toEqual(byName.toSeries('deploymentCount', 'count'));
  });

  it('grows past its first capacity', () => {
    const cells = new ValueCells(buckets, false);
    for (let i = 0; i < 5000; i++) {
      cells.add(i % 2 === 0 ? 'a' : 'b', (i % 3) * DAY, i);
    }
    const a0 = Array.from(cells.values('a', 0));
    expect(a0).toEqual(Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 === 0));
  });

  it('fills from columns as adding each pair in order would, through the scratch it is given', () => {
    // Items with values (some NaN), instants (some outside the range, some read through atOf), groups (some -1),
    // further groups right after an item's first, and a keep predicate.
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const names = ['a', 'b', 'c'];
    const instants = Float64Array.from({ length: 40 }, () => next(4 * DAY) - DAY / 2);
    const atOf = Int32Array.from({ length: 500 }, () => next(40));
    const values = Float64Array.from({ length: 500 }, () => (next(10) === 0 ? NaN : next(1000)));
    const items: number[] = [];
    const groups: number[] = [];
    for (let i = 0; i < 500; i++) {
      items.push(i);
      groups.push(next(4) - 1);
      if (next(4) === 0) {
        items.push(i);
        groups.push(next(3));
      }
    }
    const pairs: GroupPairs = {
      items: Int32Array.from(items),
      groups: Int32Array.from(groups),
      length: items.length,
      names,
    };
    const keep = (i: number): boolean => i % 7 !== 0;
    const scratch = new Scratch();
    for (const [useAtOf, useKeep, aggregation] of [
      [true, true, 'median'],
      [false, false, 'mean'],
    ] as const) {
      const at = useAtOf ? instants : Float64Array.from({ length: 500 }, () => next(4 * DAY) - DAY / 2);
      const expected = new ValueCells(buckets, true);
      for (let k = 0; k < pairs.length; k++) {
        const i = items[k];
        if (groups[k] >= 0 && values[i] === values[i] && (!useKeep || keep(i))) {
          expected.add(names[groups[k]], at[useAtOf ? atOf[i] : i], values[i]);
        }
      }
      const filled = new ValueCells(buckets, true, 0);
      filled.fill(pairs, at, useAtOf ? atOf : null, values, useKeep ? keep : null, scratch);
      for (const group of ['all', ...names]) {
        for (let b = 0; b < 3; b++) {
          expect(Array.from(filled.values(group, b))).toEqual(Array.from(expected.values(group, b)));
        }
      }
      expect(filled.toSeries('leadTime', aggregation)).toEqual(expected.toSeries('leadTime', aggregation));
      expect(() => filled.add('a', 1, 1)).toThrow(/after fill/);
    }
  });
});

describe('Scratch', () => {
  // Longer than any list the other tests group, so the buffer shared between histories is too short for it at first.
  const LONG = 1 << 16;

  it('hands out the same buffer while it is large enough, a larger one when not', () => {
    const scratch = new Scratch();
    const first = scratch.values(LONG);
    expect(first).toHaveLength(LONG);
    const smaller = scratch.values(10);
    expect(smaller).toHaveLength(10);
    expect(smaller.buffer).toBe(first.buffer);
    const larger = scratch.values(2 * LONG);
    expect(larger).toHaveLength(2 * LONG);
    expect(larger.buffer).not.toBe(first.buffer);
  });

  it("shares the latest buffer with the next history's Scratch, unless the VM has no WeakRef", () => {
    const made = new Scratch().values(3 * LONG);
    expect(new Scratch().values(LONG).buffer).toBe(made.buffer);
    const global = globalThis as { WeakRef?: unknown };
    const saved = global.WeakRef;
    delete global.WeakRef;
    try {
      const alone = new Scratch().values(4 * LONG);
      expect(new Scratch().values(LONG).buffer).not.toBe(alone.buffer);
    } finally {
      global.WeakRef = saved;
    }
  });
});
