/**
 * The backend's entry: the plugin's own pipeline (sources, engine, framers, notices, redaction) behind two
 * functions the Go backend calls in its JavaScript runtime, with JSON in and out (src/server/README.md).
 * Nothing here imports Grafana, React or the DOM; the host object is the only way out.
 *
 *   dora.query(requestJson, signal?)       -> { results: { [refId]: { frames, error?, status? } } }
 *   dora.checkHealth(settingsJson, signal?) -> { status: "OK" | "WARNING" | "ERROR", message, details? }
 *
 * The signal (the host's) aborts when Grafana's request ends; requests in flight are then cancelled.
 */
import { QueryRunner } from '../datasource/queryRunner';
import { createRedactor } from '../datasource/redact';
import { isComplete, ValidQuery, validateQuery } from '../query/validate';
import { FrameDescription } from '../frames/frame';
import { BoundedMap } from '../sources/boundedMap';
import { createSourceSetup } from '../sources/registry';
import { DoraJsonData } from '../settings/model';
import { DoraQuery } from '../query/model';
import { VARIABLE_VALUE_OPTIONS } from '../query/vocabulary';
import { Filters } from '../engine';
import { currentHost, errorMessage } from './host';
import { HostHttpClient } from './hostHttp';
import { eventTextChecker, settingsPatternProblems } from './patterns';
import { serverTimeZone } from './zone';
import { reusingAttribute } from './attributionReuse';

type InstanceSettings = Parameters<typeof createSourceSetup>[0];

interface ServerSettings {
  jsonData?: DoraJsonData;
  /** Names of the secure keys the instance holds (never their values). */
  secureKeys?: string[];
}

interface ServerQuery {
  refId: string;
  query?: Partial<DoraQuery> & { timezone?: string };
  from: number;
  to: number;
  intervalMs?: number;
  maxDataPoints?: number;
}

interface ServerRequest {
  settings?: ServerSettings;
  queries?: ServerQuery[];
  fromAlert?: boolean;
  /** Tests fix the clock; absent: the host's. */
  now?: number;
}

interface QueryResult {
  frames: FrameDescription[];
  error?: string;
  status?: number;
}

interface Instance {
  runner: QueryRunner;
  /** Settings the server refuses (patterns it would read differently), reported on every query. */
  refused: string[];
}

/** Runners per settings, so caches (events, attribution) serve every user and alert rule of an instance. */
const instances = new BoundedMap<string, Instance>(8);
/** The clock of the request being served (a test's fixed "now", else the host's). */
let fixedNow: number | undefined;

function now(): number {
  return fixedNow ?? currentHost().now();
}

function instanceFor(settings: ServerSettings | undefined): Instance {
  const jsonData = settings?.jsonData ?? {};
  const secureKeys = (settings?.secureKeys ?? []).slice().sort();
  const key = JSON.stringify([jsonData, secureKeys]);
  let instance = instances.touch(key);
  if (!instance) {
    const secureJsonFields: Record<string, boolean> = {};
    for (const k of secureKeys) {
      // A server-mode key (githubTokenServer) stands for the key the routes name (githubToken).
      secureJsonFields[k.replace(/Server$/, '')] = true;
    }
    // The parts of Grafana's instance settings the registry reads; routes hang below an empty base URL.
    const instanceSettings = { url: '', jsonData, secureJsonFields } as unknown as InstanceSettings;
    const setup = createSourceSetup(instanceSettings, new HostHttpClient(currentHost), { now });
    instance = {
      runner: new QueryRunner({
        setup,
        now,
        redact: createRedactor(jsonData),
        refuseEvents: eventTextChecker(),
        attribute: reusingAttribute(),
      }),
      refused: settingsPatternProblems(jsonData),
    };
    instances.set(key, instance);
  }
  return instance;
}

async function query(requestJson: string, signal?: AbortSignal): Promise<string> {
  let request: ServerRequest;
  try {
    request = JSON.parse(requestJson) as ServerRequest;
  } catch (e) {
    return JSON.stringify({ results: {}, error: `The request is not valid JSON: ${errorMessage(e)}` });
  }
  fixedNow = typeof request.now === 'number' ? request.now : undefined;
  const results: Record<string, QueryResult> = {};
  const queries = Array.isArray(request.queries) ? request.queries : [];
  let instance: Instance;
  try {
    instance = instanceFor(request.settings);
  } catch (e) {
    for (const q of queries) {
      results[q.refId] = { frames: [], error: `Query ${q.refId}: ${errorMessage(e)}`, status: 500 };
    }
    return JSON.stringify({ results });
  }
  const runner = instance.runner;
  // Queries of one range (and zone and interval) run together: one fetch and attribution serve them all.
  const groups = new Map<string, { first: ServerQuery; zoneName?: string; valid: ValidQuery[] }>();
  for (const q of queries) {
    const refId = typeof q.refId === 'string' && q.refId !== '' ? q.refId : 'A';
    results[refId] = { frames: [] };
    const problem = refusal(q, instance, request.fromAlert === true);
    if (problem) {
      results[refId] = { frames: [], error: runner.redact(problem), status: 400 };
      continue;
    }
    if ((q.query as { kind?: unknown }).kind === 'values') {
      results[refId] = await variableValuesResult(runner, q, refId, signal);
      continue;
    }
    const checked = validateQuery({ ...(q.query as DoraQuery), refId });
    if (!checked.ok) {
      results[refId] = { frames: [], error: runner.redact(checked.message), status: 400 };
      continue;
    }
    const zoneName = q.query?.timezone;
    const key = `${q.from}|${q.to}|${q.intervalMs ?? ''}|${zoneName ?? ''}`;
    const group = groups.get(key) ?? { first: q, zoneName, valid: [] };
    group.valid.push(checked.query);
    groups.set(key, group);
  }
  for (const group of Array.from(groups.values())) {
    try {
      const zone = serverTimeZone(group.zoneName, currentHost());
      const outcome = await runner.run(
        {
          queries: group.valid,
          range: { from: group.first.from, to: group.first.to },
          zone,
          intervalMs: group.first.intervalMs,
        },
        signal ?? new AbortController().signal
      );
      for (const frame of outcome.frames) {
        results[frame.refId ?? group.valid[0].refId].frames.push(frame);
      }
      for (const error of outcome.errors) {
        results[error.refId] = { frames: [], error: error.message, status: 500 };
      }
    } catch (e) {
      for (const q of group.valid) {
        results[q.refId] = { frames: [], error: runner.redact(`Query ${q.refId}: ${errorMessage(e)}`), status: 500 };
      }
    }
  }
  return JSON.stringify({ results });
}

/** Server mode's template variables: `{ kind: "values", values: "services", filters }` -> one text field. */
async function variableValuesResult(
  runner: QueryRunner,
  q: ServerQuery,
  refId: string,
  signal?: AbortSignal
): Promise<QueryResult> {
  const model = q.query as { values?: unknown; filters?: unknown };
  const choice = VARIABLE_VALUE_OPTIONS.find((o) => o.value === model.values);
  if (!choice) {
    const known = VARIABLE_VALUE_OPTIONS.map((o) => o.value).join(', ');
    return {
      frames: [],
      error: `Variable query: values ${JSON.stringify(model.values ?? null)} is not known. Use one of: ${known}.`,
      status: 400,
    };
  }
  const filters = (model.filters && typeof model.filters === 'object' ? model.filters : {}) as Filters;
  try {
    const values = await runner.values(
      choice.value,
      filters,
      { from: q.from, to: q.to },
      signal ?? new AbortController().signal
    );
    return { frames: [{ refId, name: 'Values', fields: [{ name: 'value', type: 'string', values }] }] };
  } catch (e) {
    return { frames: [], error: runner.redact(`Variable query: ${errorMessage(e)}`), status: 500 };
  }
}

/** Why the server will not run this query, or undefined. */
function refusal(q: ServerQuery, instance: Instance, fromAlert: boolean): string | undefined {
  const refId = q.refId;
  if (!q.query || typeof q.query !== 'object' || Array.isArray(q.query)) {
    return `Query ${refId}: the query model is missing; it must be an object such as { "kind": "metric", "metric": "changeFailRate" }.`;
  }
  if (!isComplete(q.query)) {
    return `Query ${refId}: the query is incomplete; choose its kind (and the metric or the events to list) in the query editor.`;
  }
  if (!(typeof q.from === 'number' && typeof q.to === 'number' && q.from < q.to)) {
    return `Query ${refId}: the time range ${JSON.stringify([q.from, q.to])} is not a range of epoch milliseconds.`;
  }
  if (instance.refused.length > 0) {
    return `Query ${refId}: ${instance.refused.join(' ')}`;
  }
  if (fromAlert) {
    const variable = firstVariable(q.query);
    if (variable) {
      return (
        `Query ${refId}: ${variable.path} "${variable.value}" is a dashboard variable, and alert rules run ` +
        'without dashboards; write the names themselves (e.g. "checkout"), or group by service instead.'
      );
    }
  }
  return undefined;
}

/** A text of the query that still names a template variable ("$service", "${team}", "[[env]]"). */
function firstVariable(value: unknown, path = ''): { path: string; value: string } | undefined {
  if (typeof value === 'string') {
    return /\$\w|\$\{|\[\[/.test(value) ? { path: path || 'value', value } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstVariable(value[i], `${path}[${i}]`);
      if (found) {
        return found;
      }
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const found = firstVariable((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

const HEALTH_STATUS = { success: 'OK', warning: 'WARNING', error: 'ERROR' } as const;

async function checkHealth(settingsJson: string, _signal?: AbortSignal): Promise<string> {
  try {
    fixedNow = undefined;
    const settings = JSON.parse(settingsJson) as ServerSettings;
    const instance = instanceFor(settings);
    const health = await instance.runner.health();
    const refused = instance.refused.map((text) => instance.runner.redact(text));
    const status = refused.length > 0 ? 'ERROR' : HEALTH_STATUS[health.status];
    const message = refused.length > 0 ? `${refused.join(' ')} ${health.message}` : health.message;
    return JSON.stringify({ status, message, details: health.details });
  } catch (e) {
    return JSON.stringify({ status: 'ERROR', message: `The health check could not run: ${errorMessage(e)}` });
  }
}

export { query, checkHealth };
