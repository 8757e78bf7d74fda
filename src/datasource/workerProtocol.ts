/**
 * The messages between the page and its query worker (worker.ts), typed on both sides. The page sends the
 * instance's settings once, then calls (run, values, health, settingsProblems) with ids and cancels by id; the
 * worker answers each call once (done or failed, with its activity counters) and asks the page for what only the
 * page can do: the data source bridge's queries (Grafana's data source service) and a request Grafana answered 401
 * (backendSrv rotates the session token and retries).
 */
import { DataSourceInstanceSettings } from '@grafana/data';
import { Filters, TimeRange } from '../engine';
import { HealthResult } from './health';
import { RunResult } from './queryRunner';
import { FieldValue } from '../frames/frame';
import type { HostRunRequest } from './runnerHost';
import { VariableValues } from '../query/variableQuery';
import { BridgeQuery } from '../sources/datasource/queryModel';
import { QueryAnswer } from '../sources/datasource/runner';
import { HttpRequest, HttpResponse } from '../sources/http';
import { DoraJsonData } from '../settings/model';

/** The parts of the instance settings the pipeline reads, as plain data (structured clone drops nothing). */
export interface PlainSettings {
  id?: number;
  uid: string;
  type: string;
  name: string;
  url?: string;
  jsonData: DoraJsonData;
  secureJsonFields?: Record<string, boolean>;
}

export interface WorkerInit {
  settings: PlainSettings;
  /** The page's base URL (Grafana's root with its sub path): local paths resolve against it. */
  baseUri: string;
  /** The viewer's current organisation, sent with every request as the page does. */
  orgId?: number;
}

export type Call =
  | { kind: 'run'; request: HostRunRequest }
  | { kind: 'values'; values: VariableValues; filters: Filters; range: TimeRange }
  | { kind: 'health' }
  | { kind: 'settingsProblems' };

export type CallKind = Call['kind'];

export interface CallResults {
  run: RunResult;
  values: string[];
  health: HealthResult;
  settingsProblems: string[];
}

/** An error as it crosses: its name (AbortError stays one) and message. */
export interface WireError {
  name: string;
  message: string;
}

/** What the worker has done since it started (diagnostics; the browser test reads it). */
export interface WorkerActivity {
  /** Calls received. */
  calls: number;
  /** Calls cancelled by the page. */
  cancelled: number;
  /** Steps (an attribution or a query's computation) started; a cancelled call starts no more. */
  steps: number;
}

export type ToWorker =
  | { type: 'init'; init: WorkerInit }
  | { type: 'call'; id: number; call: Call }
  | { type: 'cancel'; id: number }
  | { type: 'answer'; id: number; value?: AskResults[AskKind]; error?: WireError };

export type FromWorker =
  | { type: 'ready' }
  /** Rows of a large frame of a run's answer, sent ahead of it in slices (each slice is a short task to read). */
  | { type: 'rows'; id: number; frame: number; columns: WireColumn[] }
  | { type: 'done'; id: number; value: CallResults[CallKind]; activity: WorkerActivity }
  | { type: 'failed'; id: number; error: WireError; activity: WorkerActivity }
  | { type: 'ask'; id: number; ask: Ask };

/** What the worker asks the page to do. */
export type Ask =
  { kind: 'bridge'; queries: BridgeQuery[]; range: TimeRange } | { kind: 'http'; request: Omit<HttpRequest, 'signal'> };

export type AskKind = Ask['kind'];

export interface AskResults {
  bridge: Record<string, QueryAnswer>;
  http: HttpResponse;
}

/** The settings as plain data: only the fields the pipeline reads, JSON-safe. */
export function plainSettings(settings: DataSourceInstanceSettings<DoraJsonData>): PlainSettings {
  const withSecure = settings as DataSourceInstanceSettings<DoraJsonData> & {
    secureJsonFields?: Record<string, boolean>;
  };
  const plain: PlainSettings = {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still part of the settings Grafana passes
    id: settings.id,
    uid: settings.uid,
    type: settings.type,
    name: settings.name,
    url: settings.url,
    jsonData: settings.jsonData ?? {},
    secureJsonFields: withSecure.secureJsonFields,
  };
  return JSON.parse(JSON.stringify(plain)) as PlainSettings;
}

/** The instance settings the registry expects, from their plain form (the worker has no plugin meta). */
export function instanceSettings(plain: PlainSettings): DataSourceInstanceSettings<DoraJsonData> {
  return {
    ...plain,
    access: 'proxy',
    readOnly: false,
    meta: undefined,
  } as unknown as DataSourceInstanceSettings<DoraJsonData>;
}

export function toWireError(e: unknown): WireError {
  if (e instanceof Error) {
    return { name: e.name, message: e.message };
  }
  return { name: 'Error', message: typeof e === 'string' ? e : String(e) };
}

export function fromWireError(wire: WireError): Error {
  const err = new Error(wire.message);
  err.name = wire.name;
  return err;
}

/**
 * Values per 'rows' message: reading one on the page takes a few milliseconds, even the first ones, which run before
 * the browser has optimised the reading code.
 */
export const ROWS_PER_MESSAGE_VALUES = 16384;

/**
 * One column of a slice as it crosses. Whatever the page receives it keeps, and a young object it keeps costs the
 * page's garbage collector a copy (a pause on the page's thread): so numbers without gaps cross as one Float64Array
 * (its buffer transferred, no number objects), and repeated texts as codes into the column's dictionary, each
 * distinct text crossing once per frame. Anything else crosses as the values themselves.
 */
export type WireColumn = FieldValue[] | { numbers: Float64Array } | { codes: Uint32Array; added: string[] };

export interface RowsSlice {
  frame: number;
  columns: WireColumn[];
  /** The buffers the columns own, to move to the page rather than copy. */
  transfer: ArrayBuffer[];
}

/**
 * A run's answer with its large frames' values taken out, and those values in slices of rows of at most
 * `maxValues` values: the page reads each slice as a task of its own, never one long task for a large table.
 */
export function sliceRows(
  result: RunResult,
  maxValues = ROWS_PER_MESSAGE_VALUES
): { result: RunResult; slices: RowsSlice[] } {
  const slices: RowsSlice[] = [];
  const frames = result.frames.map((frame, index) => {
    const rows = frame.fields.reduce((n, f) => Math.max(n, f.values.length), 0);
    const fieldCount = Math.max(1, frame.fields.length);
    if (rows * fieldCount <= maxValues) {
      return frame;
    }
    const step = Math.max(1, Math.floor(maxValues / fieldCount));
    const encoders = frame.fields.map(() => new ColumnEncoder());
    for (let from = 0; from < rows; from += step) {
      const transfer: ArrayBuffer[] = [];
      const columns = frame.fields.map((f, j) => encoders[j].encode(f.values.slice(from, from + step), transfer));
      slices.push({ frame: index, columns, transfer });
    }
    return { ...frame, fields: frame.fields.map((f) => ({ ...f, values: [] })) };
  });
  return { result: { ...result, frames }, slices };
}

/** Texts per distinct text above which a column crosses as its values: a dictionary would not pay. */
const REPEATS_FOR_CODES = 2;

/** The worker's side of one column of a sliced frame: picks its wire form on the first slice and keeps it. */
class ColumnEncoder {
  private form?: 'numbers' | 'codes' | 'values';
  private readonly dictionary = new Map<string, number>();

  encode(values: FieldValue[], buffers: ArrayBuffer[]): WireColumn {
    this.form ??= formOf(values);
    if (this.form === 'numbers' && values.every((v) => typeof v === 'number')) {
      const numbers = Float64Array.from(values as number[]);
      buffers.push(numbers.buffer);
      return { numbers };
    }
    if (this.form === 'codes' && values.every((v) => typeof v === 'string')) {
      const added: string[] = [];
      const codes = new Uint32Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const text = values[i] as string;
        let code = this.dictionary.get(text);
        if (code === undefined) {
          code = this.dictionary.size;
          this.dictionary.set(text, code);
          added.push(text);
        }
        codes[i] = code;
      }
      buffers.push(codes.buffer);
      return { codes, added };
    }
    return values;
  }
}

function formOf(values: FieldValue[]): 'numbers' | 'codes' | 'values' {
  if (values.length > 0 && values.every((v) => typeof v === 'number')) {
    return 'numbers';
  }
  if (values.length > 0 && values.every((v) => typeof v === 'string')) {
    return new Set(values).size * REPEATS_FOR_CODES <= values.length ? 'codes' : 'values';
  }
  return 'values';
}

/**
 * Puts slices received ahead of an answer back into its frames (in the order they were sent): each slice is
 * appended to its frame's columns as it comes, so the answer itself only has to take them.
 */
export class RowsCollector {
  /** Per frame, its columns so far, each with the texts its codes point to. */
  private readonly received = new Map<number, Array<{ values: FieldValue[]; dictionary: string[] }>>();

  add(frame: number, columns: WireColumn[]): void {
    let received = this.received.get(frame);
    if (!received) {
      received = columns.map(() => ({ values: [], dictionary: [] }));
      this.received.set(frame, received);
    }
    for (let j = 0; j < columns.length; j++) {
      const column = (received[j] ??= { values: [], dictionary: [] });
      appendColumn(column.values, columns[j], column.dictionary);
    }
  }

  fill(result: RunResult): RunResult {
    if (this.received.size === 0) {
      return result;
    }
    return {
      ...result,
      frames: result.frames.map((frame, index) => {
        const columns = this.received.get(index);
        if (!columns) {
          return frame;
        }
        return { ...frame, fields: frame.fields.map((f, j) => ({ ...f, values: columns[j]?.values ?? [] })) };
      }),
    };
  }
}

/**
 * Appends a column's values; texts point into the dictionary (no copy of a text per row), numbers stay unboxed.
 * One loop per wire form, so that each loop's array accesses stay of one kind.
 */
function appendColumn(to: FieldValue[], column: WireColumn, dictionary: string[]): void {
  if (Array.isArray(column)) {
    appendValues(to, column);
  } else if ('numbers' in column) {
    appendNumbers(to, column.numbers);
  } else {
    appendValues(dictionary, column.added);
    appendCodes(to, column.codes, dictionary);
  }
}

function appendValues(to: FieldValue[], values: readonly FieldValue[]): void {
  for (let i = 0; i < values.length; i++) {
    to.push(values[i]);
  }
}

function appendNumbers(to: FieldValue[], numbers: Float64Array): void {
  for (let i = 0; i < numbers.length; i++) {
    to.push(numbers[i]);
  }
}

function appendCodes(to: FieldValue[], codes: Uint32Array, dictionary: readonly string[]): void {
  for (let i = 0; i < codes.length; i++) {
    to.push(dictionary[codes[i]]);
  }
}
