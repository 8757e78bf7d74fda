/**
 * Template variables in queries. Every string field is interpolated (so a dashboard variable may choose the
 * metric or the group-by); every filter entry expands to all the values of a multi-value variable; a
 * variable set to All (or whose All value is '*', '.*' or '$__all') removes that filter.
 */
import { ScopedVars } from '@grafana/data';
import { Filters } from '../engine';
import { DoraQuery } from '../query/model';

/** The part of Grafana's TemplateSrv used here. */
export interface TemplateSrvLike {
  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string;
  getVariables?(): Array<{ name: string; current?: { value?: unknown } }>;
}

const ALL_VALUES = ['$__all', 'All', '*', '.*'];
/** Joins multi-value variables so the values can be split apart again; never appears in real names. */
const SEPARATOR = '\u001f';
/** Fields that identify a query rather than describe it. */
const NOT_INTERPOLATED = new Set(['refId', 'key', 'datasource']);
const FILTER_KEYS: Array<keyof Filters> = ['services', 'teams', 'environments', 'repositories', 'severities', 'labels'];
const SINGLE_VARIABLE = /^\s*(?:\$(\w+)|\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\])\s*$/;

export function interpolateQuery(query: DoraQuery, scopedVars: ScopedVars, templateSrv: TemplateSrvLike): DoraQuery {
  const out: Record<string, unknown> = { ...query };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (typeof value === 'string' && !NOT_INTERPOLATED.has(key)) {
      out[key] = templateSrv.replace(value, scopedVars);
    }
  }
  if (query.filters) {
    out.filters = interpolateFilters(query.filters, scopedVars, templateSrv);
  }
  return out as unknown as DoraQuery;
}

export function interpolateFilters(filters: Filters, scopedVars: ScopedVars, templateSrv: TemplateSrvLike): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const entries = filters[key];
    if (!Array.isArray(entries)) {
      continue;
    }
    const values = expandEntries(entries, scopedVars, templateSrv);
    if (values) {
      out[key] = values;
    }
  }
  return out;
}

/** The filter's values, or undefined when an entry means "all" (no filter). */
function expandEntries(entries: unknown[], scopedVars: ScopedVars, templateSrv: TemplateSrvLike): string[] | undefined {
  const values: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      continue;
    }
    if (selectsAll(entry, scopedVars, templateSrv)) {
      return undefined;
    }
    const replaced = templateSrv.replace(entry, scopedVars, joinValues);
    for (const value of replaced.split(SEPARATOR)) {
      const trimmed = value.trim();
      if (ALL_VALUES.indexOf(trimmed) >= 0) {
        return undefined;
      }
      if (trimmed !== '' && values.indexOf(trimmed) < 0) {
        values.push(trimmed);
      }
    }
  }
  return values.length > 0 ? values : undefined;
}

function joinValues(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(SEPARATOR) : String(value ?? '');
}

/** A lone variable whose current selection is All (repeated panels' scoped values win). */
function selectsAll(entry: string, scopedVars: ScopedVars, templateSrv: TemplateSrvLike): boolean {
  const match = SINGLE_VARIABLE.exec(entry);
  if (!match) {
    return false;
  }
  const name = match[1] ?? match[2] ?? match[3];
  const scoped = scopedVars?.[name];
  if (scoped) {
    return isAll(scoped.value);
  }
  const variable = templateSrv.getVariables?.().find((v) => v.name === name);
  return variable ? isAll(variable.current?.value) : false;
}

function isAll(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some((v) => v === '$__all');
  }
  return value === '$__all';
}
