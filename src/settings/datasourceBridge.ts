/**
 * Settings of the data source bridge: mappings, each a query to one Grafana data source and which result column
 * fills which event field, for one event kind. Validation is shared by the source and the config editor.
 */
import { SettingsProblem, settingsError } from './settingsProblem';
import { EVENT_KINDS, EventKind, FIELDS, requiredFields } from './bridgeFields';

export interface BridgeMapping {
  /** Shown in notices and the editor, e.g. "Deployments from the warehouse". */
  name?: string;
  kind?: EventKind;
  /** The Grafana data source to query. */
  datasource?: { uid?: string; type?: string; name?: string };
  /** The query text (SQL, LogQL, ...), with $__timeFrom() / $__timeTo() or ${__from} / ${__to}. */
  query?: string;
  /** More of the data source's query model as JSON, merged over the defaults (e.g. an Infinity query). */
  queryModel?: string;
  /** Event field ("sha", "pullRequest.mergedAt") -> result column ("commit_sha", "labels.service"). */
  columns?: Record<string, string>;
}

export interface DataSourceBridgeSettings {
  enabled?: boolean;
  mappings?: BridgeMapping[];
  timeoutSeconds?: number;
}

export interface ResolvedMapping {
  name: string;
  kind: EventKind;
  datasource: { uid: string; type?: string };
  query: string;
  model: Record<string, unknown>;
  columns: Record<string, string>;
}

export interface ResolvedBridgeSettings {
  mappings: ResolvedMapping[];
  timeoutMs: number;
}

export function mappingName(m: BridgeMapping, index: number): string {
  return m.name?.trim() || `mapping ${index + 1}`;
}

function parseModel(text: string | undefined): { model?: Record<string, unknown>; problem?: string } {
  if (!text || text.trim() === '') {
    return { model: {} };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { model: parsed as Record<string, unknown> };
    }
    return { problem: 'is not a JSON object; write e.g. {"format": "table"}' };
  } catch (e) {
    return { problem: `is not valid JSON (${(e as Error).message})` };
  }
}

/** The problems of one mapping, with fields "mappings[i].query" etc. */
export function mappingProblems(m: BridgeMapping, index: number): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const where = `mappings[${index}]`;
  const label = `Mapping "${mappingName(m, index)}"`;
  if (!m.kind || EVENT_KINDS.indexOf(m.kind) < 0) {
    problems.push({
      field: `${where}.kind`,
      message: `${label}: choose what its rows are (${EVENT_KINDS.join(', ')}).`,
    });
  }
  if (!m.datasource?.uid) {
    problems.push({ field: `${where}.datasource`, message: `${label}: choose the data source to query.` });
  }
  if (!m.query || m.query.trim() === '') {
    problems.push({
      field: `${where}.query`,
      message: `${label}: the query is empty; write the query that returns one row per event.`,
    });
  }
  const parsed = parseModel(m.queryModel);
  if (parsed.problem) {
    problems.push({ field: `${where}.queryModel`, message: `${label}: the query model ${parsed.problem}.` });
  }
  if (m.kind && EVENT_KINDS.indexOf(m.kind) >= 0) {
    const columns = m.columns ?? {};
    const missing = requiredFields(m.kind).filter((field) => !columns[field] || columns[field].trim() === '');
    if (missing.length > 0) {
      problems.push({
        field: `${where}.columns`,
        message: `${label}: choose the column of ${missing.join(', ')} (required for ${m.kind}).`,
      });
    }
    const known = FIELDS[m.kind].map((x) => x.name);
    const unknown = Object.keys(columns).filter((field) => columns[field] && known.indexOf(field) < 0);
    if (unknown.length > 0) {
      problems.push({
        field: `${where}.columns`,
        message: `${label}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${m.kind}; remove ${unknown.length === 1 ? 'it' : 'them'}.`,
      });
    }
  }
  return problems;
}

export function validateBridgeSettings(s: DataSourceBridgeSettings | undefined): SettingsProblem[] {
  const mappings = s?.mappings ?? [];
  const problems: SettingsProblem[] = [];
  if (mappings.length === 0) {
    problems.push({
      field: 'mappings',
      message: 'no mapping yet; add one: a data source, its query and which columns fill which event fields.',
    });
  }
  const names: Record<string, boolean> = {};
  mappings.forEach((m, i) => {
    problems.push(...mappingProblems(m, i));
    const name = mappingName(m, i).toLowerCase();
    if (names[name]) {
      problems.push({
        field: `mappings[${i}].name`,
        message: `Mapping "${mappingName(m, i)}" is named twice; give each mapping its own name.`,
      });
    }
    names[name] = true;
  });
  const timeout = s?.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > 600)) {
    problems.push({ field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` });
  }
  return problems;
}

/**
 * One mapping as the source runs it (trimmed columns, the query model parsed), without validating it: the
 * editor's column picker runs a mapping whose columns are not chosen yet.
 */
export function resolveMapping(m: BridgeMapping, index: number): ResolvedMapping {
  const columns: Record<string, string> = {};
  for (const [field, column] of Object.entries(m.columns ?? {})) {
    if (column && column.trim() !== '') {
      columns[field] = column.trim();
    }
  }
  return {
    name: mappingName(m, index),
    kind: m.kind as EventKind,
    datasource: { uid: m.datasource?.uid ?? '', type: m.datasource?.type },
    query: m.query ?? '',
    model: parseModel(m.queryModel).model ?? {},
    columns,
  };
}

export function resolveBridgeSettings(s: DataSourceBridgeSettings | undefined): ResolvedBridgeSettings {
  const problems = validateBridgeSettings(s);
  if (problems.length > 0) {
    throw settingsError('Data source bridge', problems);
  }
  return {
    mappings: (s?.mappings ?? []).map(resolveMapping),
    timeoutMs: (s?.timeoutSeconds ?? 30) * 1000,
  };
}
