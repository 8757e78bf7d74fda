/**
 * Result rows to events (pure): each mapped column's value is converted to what the event field takes (instants
 * from time columns, epoch ms or seconds, or ISO text; lists from arrays, JSON or comma-separated text; numbers;
 * booleans), then the rows are validated exactly as an events file is (../json/parse.ts). Problems come back by
 * mapping, row and field, naming the column, the value and the fix; the valid rows are used.
 */
import { DoraEvents, emptyEvents } from '../../engine';
import { parseEventsJson } from '../json/parse';
import { EventField, FIELDS } from '../../settings/bridgeFields';
import { ResolvedMapping } from '../../settings/datasourceBridge';
import { findColumn, Table } from './table';

export const SOURCE = 'datasource';
/** Epoch values below this are seconds, not milliseconds (1973-03-03 in ms). */
const SECONDS_BELOW = 1e11;

/** The fields whose values make an id when the mapping has no id column. */
const ID_FROM: Record<string, string[]> = {
  deployments: ['service', 'environment', 'sha', 'finishedAt'],
  incidents: ['service', 'createdAt', 'title'],
  pipelineRuns: ['repo', 'workflow', 'sha', 'startedAt', 'attempt'],
};

export interface RowsResult {
  events: DoraEvents;
  rows: number;
  /** The rows as event fields, converted but not yet validated, in order (the settings' preview shows the first). */
  mapped: Array<Record<string, unknown>>;
  /** "Mapping "x", row 3: sha is missing (column commit_sha); add the commit SHA" and the like. */
  errors: string[];
}

function toInstantText(value: unknown): unknown {
  if (value instanceof Date) {
    return isNaN(value.getTime()) ? String(value) : value.toISOString();
  }
  const asNumber =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())
        ? Number(value)
        : undefined;
  if (asNumber !== undefined && isFinite(asNumber)) {
    return new Date(asNumber < SECONDS_BELOW ? asNumber * 1000 : asNumber).toISOString();
  }
  return value;
}

function toList(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => String(v));
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.charAt(0) === '[') {
      try {
        const parsed: unknown = JSON.parse(text);
        return Array.isArray(parsed) ? parsed.map((v) => String(v)) : value;
      } catch {
        return value;
      }
    }
    return text === '' ? [] : text.split(/[\s,]+/);
  }
  return value;
}

function convert(field: EventField, value: unknown): unknown {
  if (value === null || value === undefined) {
    return undefined;
  }
  switch (field.value) {
    case 'instant':
      return toInstantText(value);
    case 'list':
      return toList(value);
    case 'number':
      return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    case 'boolean':
      if (typeof value === 'number') {
        return value !== 0;
      }
      if (typeof value === 'string' && /^(true|false|yes|no|1|0|t|f)$/i.test(value.trim())) {
        return /^(true|yes|1|t)$/i.test(value.trim());
      }
      return value;
    case 'text':
      return typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  }
}

/** Writes an event field by its name, "pullRequest.number" into a nested object. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf('.');
  if (dot < 0) {
    target[path] = value;
    return;
  }
  const head = path.slice(0, dot);
  const inner = (target[head] as Record<string, unknown> | undefined) ?? {};
  inner[path.slice(dot + 1)] = value;
  target[head] = inner;
}

/** Reads an event field by its name, as setPath writes it. */
export function getPath(source: Record<string, unknown>, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) {
    return source[path];
  }
  return (source[path.slice(0, dot)] as Record<string, unknown> | undefined)?.[path.slice(dot + 1)];
}

export function rowsToEvents(tables: Table[], mapping: ResolvedMapping): RowsResult {
  const fields = FIELDS[mapping.kind].filter((f) => mapping.columns[f.name]);
  const items: Array<Record<string, unknown>> = [];
  const errors: string[] = [];
  const label = `Mapping "${mapping.name}"`;
  const usable = tables.filter((t) => t.length > 0);
  for (const table of usable) {
    const getters = fields.map((field) => ({
      field,
      column: mapping.columns[field.name],
      get: findColumn(table, mapping.columns[field.name]),
    }));
    const absent = getters.filter((g) => !g.get);
    if (absent.length > 0) {
      const names = table.columns.map((c) => c.name).join(', ');
      errors.push(
        `${label}: the result has no column ${absent.map((g) => `"${g.column}" (for ${g.field.name})`).join(', ')}; its columns are ${names || 'none'}. Choose the right columns in the data source settings.`
      );
      continue;
    }
    for (let row = 0; row < table.length; row++) {
      const item: Record<string, unknown> = mapping.kind === 'changes' ? {} : { source: SOURCE };
      for (const g of getters) {
        const value = convert(g.field, g.get!(row));
        if (value !== undefined) {
          setPath(item, g.field.name, value);
        }
      }
      if (item.id === undefined && ID_FROM[mapping.kind]) {
        item.id = `${SOURCE}:${mapping.name}:${ID_FROM[mapping.kind].map((k) => String(item[k] ?? '')).join('|')}`;
      }
      items.push(item);
    }
  }
  if (items.length === 0) {
    return { events: emptyEvents(), rows: 0, mapped: items, errors };
  }
  const parsed = parseEventsJson({ [mapping.kind]: items });
  for (const message of parsed.errors) {
    errors.push(rowMessage(message, mapping, label));
  }
  const events = parsed.events;
  delete events.catalog;
  return { events, rows: items.length, mapped: items, errors };
}

/** "deployments[3].sha is missing; ..." -> "Mapping "x", row 4: sha (column commit_sha) is missing; ...". */
function rowMessage(message: string, mapping: ResolvedMapping, label: string): string {
  const m = /^(\w+)\[(\d+)\]\.?([\w.]*)(.*)$/.exec(message);
  if (!m) {
    return `${label}: ${message}`;
  }
  const [, , index, path, rest] = m;
  const column = path ? mapping.columns[path] : undefined;
  const where = path ? `${path}${column ? ` (column ${column})` : ' (no column chosen)'}` : 'the row';
  return `${label}, row ${Number(index) + 1}: ${where}${rest}`;
}
