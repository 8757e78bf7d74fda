/**
 * Checks a query (after template interpolation) and fills in defaults. A bad field is reported with the
 * field, the value and the fix; it never reaches the engine.
 */
import { Aggregation, BucketKind, FILTER_KEYS, Filters, GroupBy, isFacetGroupBy, LeadTimeStart, MetricId } from '../engine';
import {
  AGGREGATION_OPTIONS,
  Choice,
  ENTITY_OPTIONS,
  FORMAT_OPTIONS,
  GROUP_BY_OPTIONS,
  INTERVAL_OPTIONS,
  KIND_OPTIONS,
  LEAD_TIME_START_OPTIONS,
  METRIC_OPTIONS,
  isAnnotated,
  OUTCOME_OPTIONS,
  SCORECARD_GROUP_BY_OPTIONS,
} from './vocabulary';
import { DeploymentOutcome, DoraQuery, EventEntity, EventsFormat } from './model';

interface Base {
  refId: string;
  filters: Filters;
}

export interface ValidMetricQuery extends Base {
  kind: 'metric';
  metric: MetricId;
  aggregation: Aggregation;
  interval: BucketKind;
  groupBy: GroupBy;
  leadTimeStart?: LeadTimeStart;
}

export interface ValidScorecardQuery extends Base {
  kind: 'scorecard';
  groupBy: GroupBy;
  leadTimeStart?: LeadTimeStart;
}

export interface ValidEventsQuery extends Base {
  kind: 'events';
  entity: EventEntity;
  outcome?: DeploymentOutcome;
  format: EventsFormat;
}

export interface ValidDataQualityQuery extends Base {
  kind: 'dataQuality';
}

export interface ValidOnCallQuery extends Base {
  kind: 'onCall';
}

export type ValidQuery =
  ValidMetricQuery | ValidScorecardQuery | ValidEventsQuery | ValidDataQualityQuery | ValidOnCallQuery;

export type Validation = { ok: true; query: ValidQuery } | { ok: false; message: string };

/** Whether a query has what it needs to run; incomplete queries (still being edited) are skipped silently. */
export function isComplete(query: Partial<DoraQuery> | undefined): boolean {
  const q = (query ?? {}) as Record<string, unknown>;
  if (typeof q.kind !== 'string' || q.kind === '') {
    return false;
  }
  if (q.kind === 'metric') {
    return typeof q.metric === 'string' && q.metric !== '';
  }
  if (q.kind === 'events') {
    return typeof q.entity === 'string' && q.entity !== '';
  }
  return true;
}

class QueryError extends Error {}

export function validateQuery(query: DoraQuery): Validation {
  try {
    return { ok: true, query: validate(query) };
  } catch (e) {
    if (e instanceof QueryError) {
      return { ok: false, message: `Query ${query.refId}: ${e.message}` };
    }
    throw e;
  }
}

function validate(query: DoraQuery): ValidQuery {
  const q = query as unknown as Record<string, unknown>;
  const kind = pick(q, 'kind', KIND_OPTIONS, undefined);
  const base: Base = { refId: query.refId, filters: filters(q.filters) };
  switch (kind) {
    case 'metric':
      return {
        ...base,
        kind,
        metric: pick(q, 'metric', METRIC_OPTIONS, undefined),
        aggregation: pick(q, 'aggregation', AGGREGATION_OPTIONS, 'median'),
        interval: pick(q, 'interval', INTERVAL_OPTIONS, 'auto'),
        groupBy: pick(q, 'groupBy', GROUP_BY_OPTIONS, 'none'),
        leadTimeStart: optional(q, 'leadTimeStart', LEAD_TIME_START_OPTIONS),
      };
    case 'scorecard':
      return {
        ...base,
        kind,
        groupBy: scorecardGroupBy(q),
        leadTimeStart: optional(q, 'leadTimeStart', LEAD_TIME_START_OPTIONS),
      };
    case 'events':
      return events(q, base);
    case 'dataQuality':
    case 'onCall':
      return { ...base, kind };
  }
}

/** A scorecard is a row per group of every kind of item: severity and label (some kinds only) do not apply. */
function scorecardGroupBy(q: Record<string, unknown>): GroupBy {
  const groupBy = pick(q, 'groupBy', GROUP_BY_OPTIONS, 'service');
  if (isFacetGroupBy(groupBy)) {
    throw new QueryError(
      `groupBy "${groupBy}" does not apply to a scorecard: only incidents have a severity and only changes have ` +
        `labels. Group the scorecard by one of ${SCORECARD_GROUP_BY_OPTIONS.map((o) => o.value).join(', ')}, or ` +
        `use a metric query grouped by ${groupBy} (e.g. time to restore by severity).`
    );
  }
  return groupBy;
}

function events(q: Record<string, unknown>, base: Base): ValidEventsQuery {
  const entity = pick(q, 'entity', ENTITY_OPTIONS, undefined);
  const outcome = optional(q, 'outcome', OUTCOME_OPTIONS);
  const format = pick(q, 'format', FORMAT_OPTIONS, 'table');
  if (outcome && entity !== 'deployments') {
    throw new QueryError(`outcome "${outcome}" applies to deployments only; remove it or list deployments.`);
  }
  if (format === 'annotations' && entity === 'changes') {
    throw new QueryError(
      'format "annotations" shows deployments or incidents; changes are listed in deployments\' text.'
    );
  }
  if (format === 'annotations' && !isAnnotated(entity)) {
    throw new QueryError(
      `format "annotations" shows deployments or incidents; list ${entity} as a table (remove format).`
    );
  }
  return { ...base, kind: 'events', entity, outcome, format };
}

function pick<T extends string>(
  q: Record<string, unknown>,
  field: string,
  options: Array<Choice<T>>,
  fallback: T | undefined
): T {
  const value = q[field];
  if ((value === undefined || value === '' || value === null) && fallback !== undefined) {
    return fallback;
  }
  const found = options.find((o) => o.value === value);
  if (!found) {
    const problem =
      value === undefined || value === '' || value === null ? 'is missing' : `${describe(value)} is not known`;
    throw new QueryError(
      `${field} ${problem}. Use one of: ${options.map((o) => o.value).join(', ')}` +
        ' (pick it in the query editor, or check the dashboard variable that sets it).'
    );
  }
  return found.value;
}

function optional<T extends string>(
  q: Record<string, unknown>,
  field: string,
  options: Array<Choice<T>>
): T | undefined {
  const value = q[field];
  return value === undefined || value === '' || value === null ? undefined : pick(q, field, options, undefined);
}

function filters(value: unknown): Filters {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new QueryError(`filters ${describe(value)} must be an object such as { "services": ["checkout"] }.`);
  }
  const out: Filters = {};
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (FILTER_KEYS.indexOf(key as keyof Filters) < 0) {
      throw new QueryError(`filters.${key} is not a filter. Use ${FILTER_KEYS.join(', ')}.`);
    }
    const list = record[key];
    if (list === undefined || list === null) {
      continue;
    }
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) {
      throw new QueryError(`filters.${key} ${describe(list)} must be a list of names, e.g. ["checkout"].`);
    }
    if (list.length > 0) {
      out[key as keyof Filters] = list as string[];
    }
  }
  return out;
}

/** A value quoted for a message, cut short when long. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  return `"${text.length > 60 ? text.slice(0, 57) + '...' : text}"`;
}
