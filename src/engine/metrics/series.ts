/**
 * Collecting items into (group, bucket) cells and turning the cells into series.
 * Items are placed by binary search over the bucket bounds (O(log buckets) each; items come mostly in time order,
 * so the last bucket found is tried first, as is the last group's row); every bucket of
 * the range appears in every series, empty ones as 0 (counts) or null (rates, durations). An item with
 * several groups (labels, teams sharing a service) is added to each of them.
 */
import { Buckets, bucketIndexOf } from '../buckets';
import { Instant } from '../model';
import { Aggregation, MetricId, MetricSeries, SeriesPoint, ValueKind } from '../results';
import { aggregateInPlace, Values } from '../stats';
import type { GroupPairs, Scratch } from './columns';
import { durationKind } from './context';
import { ALL_GROUP, Group } from './dimensions';
import { NO_NUMBERS } from '../typedLists';

/** Group names in a stable order (code-unit order, no locale: the engine runs without Intl). */
export function compareGroups(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shared bookkeeping: which groups exist and which bucket an instant falls in. */
abstract class Cells<Row> {
  protected readonly rows = new Map<string, Row>();
  private lastGroup: string | null = null;
  private lastRow: Row | undefined;
  private lastBucket = 0;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  /** Rows by group index for the names a column metric passes (rowAt). */
  private indexed: { names: readonly string[]; rows: Array<Row | undefined> } | null = null;

  constructor(
    readonly buckets: Buckets,
    /** groupBy 'none' always yields the 'all' series, even without items. */
    alwaysAll: boolean
  ) {
    this.lo = buckets.lo;
    this.hi = buckets.hi;
    if (alwaysAll) {
      this.row(ALL_GROUP);
    }
  }

  get bucketCount(): number {
    return this.lo.length;
  }

  /** The bucket of an instant, or -1 outside the range. */
  bucketOf(at: Instant): number {
    const b = this.lastBucket;
    if (at >= this.lo[b] && at < this.hi[b]) {
      return b;
    }
    const found = bucketIndexOf(this.buckets, at);
    if (found >= 0) {
      this.lastBucket = found;
    }
    return found;
  }

  groups(): string[] {
    const names: string[] = [];
    this.rows.forEach((_row, name) => names.push(name));
    return names.sort(compareGroups);
  }

  protected row(group: string): Row {
    if (group === this.lastGroup) {
      return this.lastRow as Row;
    }
    let row = this.rows.get(group);
    if (row === undefined) {
      row = this.newRow();
      this.rows.set(group, row);
    }
    this.lastGroup = group;
    this.lastRow = row;
    return row;
  }

  /**
   * The row of the group names[g]: metrics over columns pass a group's index in their column's names, looked up by
   * name once per index instead of once per item (consecutive items seldom share a group).
   */
  protected rowAt(names: readonly string[], g: number): Row {
    let indexed = this.indexed;
    if (indexed === null || indexed.names !== names) {
      indexed = { names, rows: new Array<Row | undefined>(names.length) };
      this.indexed = indexed;
    }
    let row = indexed.rows[g];
    if (row === undefined) {
      row = this.row(names[g]);
      indexed.rows[g] = row;
    }
    return row;
  }

  protected abstract newRow(): Row;

  protected series(
    metric: MetricId,
    valueKind: ValueKind,
    point: (row: Row, bucket: number, group: string) => SeriesPoint
  ): MetricSeries[] {
    const out: MetricSeries[] = [];
    for (const group of this.groups()) {
      const row = this.rows.get(group) as Row;
      const points: SeriesPoint[] = [];
      for (let b = 0; b < this.bucketCount; b++) {
        points.push(point(row, b, group));
      }
      out.push({ metric, group, valueKind, points });
    }
    return out;
  }

  protected time(bucket: number): Instant {
    return this.buckets.starts[bucket];
  }
}

/**
 * Values per cell, reduced by an aggregation at the end (durations). The values go into two growing typed
 * arrays (cell, value), grouped by cell with one counting sort when read: no array per cell and nothing per
 * value on the JavaScript heap, where a million lead times would otherwise sit as boxed numbers. Values read from
 * columns are placed by cell directly instead (fill).
 */
export class ValueCells extends Cells<number> {
  private cellOf: Int32Array;
  private valueOf: Float64Array;
  private size = 0;
  private grouped?: { start: Int32Array; values: Float64Array };
  private filled = false;

  /** capacity: how many values to make room for at first (it grows past it). */
  constructor(buckets: Buckets, alwaysAll: boolean, capacity = 1024) {
    super(buckets, alwaysAll);
    this.cellOf = new Int32Array(Math.max(capacity, 16));
    this.valueOf = new Float64Array(this.cellOf.length);
  }

  /** Adds a value at an instant (to each group of several); returns false (and adds nothing) outside the range. */
  add(group: Group, at: Instant, value: number): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    if (typeof group !== 'string') {
      for (let i = 0; i < group.length; i++) {
        this.add(group[i], at, value);
      }
      return true;
    }
    this.push(this.row(group) * this.bucketCount + b, value);
    return true;
  }

  private push(cell: number, value: number): void {
    if (this.filled) {
      throw new Error('ValueCells: add after fill');
    }
    if (this.size === this.cellOf.length) {
      this.grow();
    }
    this.cellOf[this.size] = cell;
    this.valueOf[this.size] = value;
    this.size++;
    this.grouped = undefined;
  }

  /**
   * Fills empty cells from columns in one go, as add() per pair would: pair k's item i (pairs.items[k], or k) has the
   * value values[i] (NaN: none) at the instant at[i] (at[atOf[i]] with atOf), in the group pairs.names[pairs.groups[k]]
   * (-1: left out), when keep(i) (null: always). One pass counts the values per cell, a second places each value in
   * its cell's slot of scratch: no (cell, value) arrays, and no array of values when the scratch has room. The cells
   * then read the scratch: take their series before the next computation fills it (see Scratch).
   */
  fill(
    pairs: GroupPairs,
    at: Float64Array,
    atOf: Int32Array | null,
    values: Float64Array,
    keep: ((i: number) => boolean) | null,
    scratch: Scratch
  ): void {
    if (this.size > 0 || this.filled) {
      throw new Error('ValueCells: fill once, into empty cells');
    }
    this.filled = true;
    const { items, groups, names } = pairs;
    const bucketCount = this.bucketCount;
    const rowOf = new Int32Array(names.length).fill(-1);
    // Rows are those made so far plus at most one per name.
    const start = new Int32Array((this.rows.size + names.length) * bucketCount + 1);
    let next = start;
    let out: Float64Array = NO_NUMBERS;
    for (let pass = 0; pass < 2; pass++) {
      // Items sharing an instant (the changes of one deployment) come together: their bucket is found once.
      let lastAt = NaN;
      let b = -1;
      for (let k = 0; k < pairs.length; k++) {
        const g = groups[k];
        const i = items === null ? k : items[k];
        const value = values[i];
        if (g < 0 || value !== value || (keep !== null && !keep(i))) {
          continue;
        }
        const t = at[atOf === null ? i : atOf[i]];
        if (t !== lastAt) {
          lastAt = t;
          b = this.bucketOf(t);
        }
        if (b < 0) {
          continue;
        }
        let row = rowOf[g];
        if (row < 0) {
          row = this.row(names[g]);
          rowOf[g] = row;
        }
        if (pass === 0) {
          start[row * bucketCount + b + 1]++;
        } else {
          out[next[row * bucketCount + b]++] = value;
        }
      }
      if (pass === 0) {
        for (let c = 1; c < start.length; c++) {
          start[c] += start[c - 1];
        }
        next = start.slice(0, start.length - 1);
        out = scratch.values(start[start.length - 1]);
      }
    }
    this.grouped = { start, values: out };
  }

  private grow(): void {
    const cells = new Int32Array(this.size * 2);
    cells.set(this.cellOf);
    this.cellOf = cells;
    const values = new Float64Array(this.size * 2);
    values.set(this.valueOf);
    this.valueOf = values;
  }

  /** add(names[g], at, value), for a group index in a column's names. */
  addAt(names: readonly string[], g: number, at: Instant, value: number): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    this.push(this.rowAt(names, g) * this.bucketCount + b, value);
    return true;
  }

  /** Marks a group as present without adding a value. */
  touch(group: Group): void {
    forEachGroup(group, (g) => this.row(g));
  }

  /** The values of a cell, in the order they were added (until toSeries). */
  values(group: string, bucket: number): Values {
    const row = this.rows.get(group);
    return row === undefined ? NO_NUMBERS : this.cell(row * this.bucketCount + bucket);
  }

  /**
   * Durations per cell reduced by the aggregation. Percentiles reorder each cell's values in place (values() reads
   * them in an unspecified order afterwards); extra sees a cell's values after the aggregation.
   */
  toSeries(
    metric: MetricId,
    aggregation: Aggregation,
    extra?: (values: Values) => Partial<SeriesPoint>
  ): MetricSeries[] {
    const { start, values } = this.byCell();
    return this.series(metric, durationKind(aggregation), (row, b) => {
      // The cell's values are values[from, to): read in place, a view made only for extra.
      const from = start[row * this.bucketCount + b];
      const to = start[row * this.bucketCount + b + 1];
      const point: SeriesPoint = {
        time: this.time(b),
        value: aggregateInPlace(values, aggregation, from, to),
        count: to - from,
      };
      return extra ? { ...point, ...extra(from === to ? NO_NUMBERS : values.subarray(from, to)) } : point;
    });
  }

  /** Rows are numbered in order of creation (the base class may create one before this class's fields exist). */
  protected newRow(): number {
    return this.rows.size;
  }

  private cell(cell: number): Float64Array {
    const { start, values } = this.byCell();
    return start[cell] === start[cell + 1] ? NO_NUMBERS : values.subarray(start[cell], start[cell + 1]);
  }

  /** Values grouped by cell (a stable counting sort): cell c holds values[start[c] .. start[c + 1]). */
  private byCell(): { start: Int32Array; values: Float64Array } {
    if (!this.grouped) {
      const cells = this.rows.size * this.bucketCount;
      const start = new Int32Array(cells + 1);
      for (let k = 0; k < this.size; k++) {
        start[this.cellOf[k] + 1]++;
      }
      for (let c = 0; c < cells; c++) {
        start[c + 1] += start[c];
      }
      const fill = start.slice(0, cells);
      const values = new Float64Array(this.size);
      for (let k = 0; k < this.size; k++) {
        values[fill[this.cellOf[k]]++] = this.valueOf[k];
      }
      this.grouped = { start, values };
    }
    return this.grouped;
  }
}

interface RateRow {
  hits: Float64Array;
  totals: Float64Array;
}

/** hits / total per cell; null for a cell without items. */
export class RateCells extends Cells<RateRow> {
  add(group: Group, at: Instant, hit: boolean): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    if (typeof group === 'string') {
      this.count(this.row(group), b, hit);
    } else {
      for (let i = 0; i < group.length; i++) {
        this.count(this.row(group[i]), b, hit);
      }
    }
    return true;
  }

  /** add(names[g], at, hit), for a group index in a column's names. */
  addAt(names: readonly string[], g: number, at: Instant, hit: boolean): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    this.count(this.rowAt(names, g), b, hit);
    return true;
  }

  private count(row: RateRow, b: number, hit: boolean): void {
    row.totals[b] += 1;
    if (hit) {
      row.hits[b] += 1;
    }
  }

  toSeries(metric: MetricId): MetricSeries[] {
    return this.series(metric, 'rate', (row, b) => ({
      time: this.time(b),
      value: row.totals[b] === 0 ? null : row.hits[b] / row.totals[b],
      count: row.totals[b],
    }));
  }

  protected newRow(): RateRow {
    return { hits: new Float64Array(this.bucketCount), totals: new Float64Array(this.bucketCount) };
  }
}

/** Item counts per cell; 0 for a cell without items. */
export class CountCells extends Cells<Float64Array> {
  add(group: Group, at: Instant): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    if (typeof group === 'string') {
      this.row(group)[b] += 1;
    } else {
      for (let i = 0; i < group.length; i++) {
        this.row(group[i])[b] += 1;
      }
    }
    return true;
  }

  /** add(names[g], at), for a group index in a column's names. */
  addAt(names: readonly string[], g: number, at: Instant): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    this.rowAt(names, g)[b] += 1;
    return true;
  }

  countOf(group: string, bucket: number): number {
    const row = this.rows.get(group);
    return row ? row[bucket] : 0;
  }

  /** Series of the counts transformed per bucket (e.g. count / days); the point's count stays the item count. */
  toSeries(
    metric: MetricId,
    valueKind: ValueKind,
    transform?: (count: number, bucket: number, group: string) => number | null
  ): MetricSeries[] {
    return this.series(metric, valueKind, (row, b, group) => ({
      time: this.time(b),
      value: transform ? transform(row[b], b, group) : row[b],
      count: row[b],
    }));
  }

  protected newRow(): Float64Array {
    return new Float64Array(this.bucketCount);
  }
}

/** Calls back once per group of an item (once for a single group). */
export function forEachGroup(group: Group, each: (group: string) => void): void {
  if (typeof group === 'string') {
    each(group);
  } else {
    for (let i = 0; i < group.length; i++) {
      each(group[i]);
    }
  }
}
