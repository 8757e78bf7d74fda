/**
 * Collecting items into (group, bucket) cells and turning the cells into series.
 * Items are placed by binary search over the bucket bounds (O(log buckets) each); every bucket of
 * the range appears in every series, empty ones as 0 (counts) or null (rates, durations).
 */
import { Buckets, bucketIndexOf } from '../buckets';
import { Instant } from '../model';
import { MetricId, MetricSeries, SeriesPoint, ValueKind } from '../results';
import { ALL_GROUP } from './dimensions';

/** Group names in a stable order (code-unit order, no locale: the engine runs without Intl). */
export function compareGroups(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shared bookkeeping: which groups exist and which bucket an instant falls in. */
abstract class Cells<Row> {
  protected readonly rows = new Map<string, Row>();

  constructor(
    readonly buckets: Buckets,
    /** groupBy 'none' always yields the 'all' series, even without items. */
    alwaysAll: boolean
  ) {
    if (alwaysAll) {
      this.row(ALL_GROUP);
    }
  }

  get bucketCount(): number {
    return this.buckets.lo.length;
  }

  /** The bucket of an instant, or -1 outside the range. */
  bucketOf(at: Instant): number {
    return bucketIndexOf(this.buckets, at);
  }

  groups(): string[] {
    const names: string[] = [];
    this.rows.forEach((_row, name) => names.push(name));
    return names.sort(compareGroups);
  }

  protected row(group: string): Row {
    let row = this.rows.get(group);
    if (row === undefined) {
      row = this.newRow();
      this.rows.set(group, row);
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

/** Values per cell, reduced by an aggregation at the end (durations). */
export class ValueCells extends Cells<number[][]> {
  /** Adds a value at an instant; returns false (and adds nothing) outside the range. */
  add(group: string, at: Instant, value: number): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    this.row(group)[b].push(value);
    return true;
  }

  /** Marks a group as present without adding a value. */
  touch(group: string): void {
    this.row(group);
  }

  values(group: string, bucket: number): number[] {
    const row = this.rows.get(group);
    return row ? row[bucket] : [];
  }

  toSeries(
    metric: MetricId,
    valueKind: ValueKind,
    reduce: (values: number[]) => number | null,
    extra?: (values: number[]) => Partial<SeriesPoint>
  ): MetricSeries[] {
    return this.series(metric, valueKind, (row, b) => {
      const values = row[b];
      const point: SeriesPoint = { time: this.time(b), value: reduce(values), count: values.length };
      return extra ? { ...point, ...extra(values) } : point;
    });
  }

  protected newRow(): number[][] {
    const row: number[][] = [];
    for (let b = 0; b < this.bucketCount; b++) {
      row.push([]);
    }
    return row;
  }
}

interface RateRow {
  hits: Float64Array;
  totals: Float64Array;
}

/** hits / total per cell; null for a cell without items. */
export class RateCells extends Cells<RateRow> {
  add(group: string, at: Instant, hit: boolean): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    const row = this.row(group);
    row.totals[b] += 1;
    if (hit) {
      row.hits[b] += 1;
    }
    return true;
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
  add(group: string, at: Instant): boolean {
    const b = this.bucketOf(at);
    if (b < 0) {
      return false;
    }
    this.row(group)[b] += 1;
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
