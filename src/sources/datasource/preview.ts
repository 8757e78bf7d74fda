/**
 * The column picker's seam (the one file of src/sources the settings editor may import, docs/design.md): runs one
 * mapping's query over the last days through Grafana's data source service with the source's own runner and query
 * model, lists the result's columns with their types, and previews the first rows as events with the problems the
 * source would report for them (rows.ts), before the settings are saved.
 */
import { Instant } from '../../engine';
import { BridgeMapping, resolveMapping } from '../../settings/datasourceBridge';
import { FIELDS, requiredFields } from '../../settings/bridgeFields';
import { DataSourceServiceLike, DataSourceServiceRunner } from './browserRunner';
import { bridgeQuery, CHECK_DAYS, checkRange } from './queryModel';
import { getPath, rowsToEvents } from './rows';
import { objectOf, Table } from './table';

export { CHECK_DAYS };

/** Rows shown in the preview. */
export const PREVIEW_ROWS = 5;
/** Problems listed under the preview; the rest are counted. */
export const PREVIEW_PROBLEMS = 5;
/** Rows read to find the properties of an object column (Loki's labels). */
const ROWS_FOR_PROPERTIES = 50;

export interface ColumnChoice {
  /** A column name, or "labels.service" for a property of an object column. */
  name: string;
  /** Grafana's field type: time, number, string, boolean, other (or "property" of an object column). */
  type: string;
}

export interface LoadedResult {
  tables: Table[];
  columns: ColumnChoice[];
  /** Why no columns can be offered: names the data source, the error and the fix. */
  error?: string;
}

export interface RowsPreview {
  rows: number;
  valid: number;
  /** The first rows as event field -> value text. */
  sample: Array<Record<string, string>>;
  /** The first problems, as the source's notice would list them. */
  problems: string[];
  moreProblems: number;
}

function dataSourceLabel(mapping: BridgeMapping): string {
  const ds = mapping.datasource;
  return `data source "${ds?.name || ds?.uid || '?'}"`;
}

/** The columns of the tables, in order, each once, with the properties of object columns as "column.key". */
export function columnChoices(tables: Table[]): ColumnChoice[] {
  const out: ColumnChoice[] = [];
  const seen: Record<string, boolean> = {};
  const add = (name: string, type: string) => {
    if (!seen[name]) {
      seen[name] = true;
      out.push({ name, type });
    }
  };
  for (const table of tables) {
    for (const column of table.columns) {
      add(column.name, column.type);
      for (const key of objectKeys(column.values)) {
        add(`${column.name}.${key}`, 'property');
      }
    }
  }
  return out;
}

function objectKeys(values: unknown[]): string[] {
  const keys: string[] = [];
  for (const value of values.slice(0, ROWS_FOR_PROPERTIES)) {
    for (const key of Object.keys(objectOf(value) ?? {})) {
      if (keys.indexOf(key) < 0) {
        keys.push(key);
      }
    }
  }
  return keys.sort();
}

/**
 * Runs the mapping's query over the last CHECK_DAYS days as the source would in the browser and lists the columns.
 * Never throws: a failure or an empty answer comes back as `error`.
 */
export async function loadColumns(
  mapping: BridgeMapping,
  index: number,
  options: { now?: Instant; service?: () => DataSourceServiceLike; signal?: AbortSignal } = {}
): Promise<LoadedResult> {
  const where = dataSourceLabel(mapping);
  if (!mapping.datasource?.uid || !mapping.query || mapping.query.trim() === '') {
    return {
      tables: [],
      columns: [],
      error: 'Choose the data source and write the query first, then load its columns.',
    };
  }
  const now = options.now ?? Date.now();
  const range = checkRange(now);
  const runner = new DataSourceServiceRunner(options.service);
  const query = bridgeQuery(resolveMapping(mapping, index), 'P', range);
  const answer = (await runner.run([query], range, options.signal)).P ?? { tables: [], error: 'no answer' };
  const columns = columnChoices(answer.tables);
  if (answer.error) {
    return {
      tables: answer.tables,
      columns,
      error: `The ${where} could not run the query: ${answer.error}. Fix the query or the data source (Explore runs the same query), then load the columns again.`,
    };
  }
  if (columns.length === 0) {
    return {
      tables: [],
      columns,
      error: `The ${where} returned no columns for the last ${CHECK_DAYS} days. Check that the query returns a table in that range (for a SQL data source its format is table; Explore shows what it returns), or type the column names yourself.`,
    };
  }
  return { tables: answer.tables, columns };
}

function text(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** The first rows mapped to events and the source's row problems; undefined until the required columns are chosen. */
export function previewRows(tables: Table[], mapping: BridgeMapping, index: number): RowsPreview | undefined {
  const resolved = resolveMapping(mapping, index);
  if (!resolved.kind || !FIELDS[resolved.kind]) {
    return undefined;
  }
  if (requiredFields(resolved.kind).some((name) => !resolved.columns[name])) {
    return undefined;
  }
  const result = rowsToEvents(tables, resolved);
  const fields = FIELDS[resolved.kind].filter((f) => resolved.columns[f.name]).map((f) => f.name);
  const sample = result.mapped.slice(0, PREVIEW_ROWS).map((item) => {
    const row: Record<string, string> = {};
    for (const field of fields) {
      row[field] = text(getPath(item, field));
    }
    return row;
  });
  return {
    rows: result.rows,
    valid: result.events[resolved.kind].length,
    sample,
    problems: result.errors.slice(0, PREVIEW_PROBLEMS),
    moreProblems: Math.max(0, result.errors.length - PREVIEW_PROBLEMS),
  };
}
