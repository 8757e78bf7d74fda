/**
 * Query results as Grafana sends them, for the bridge's tests and fakes. The answers of POST /api/ds/query are
 * DataFrameJSON (schema.fields with name, type and typeInfo; data.values column by column; time as epoch ms) as
 * Grafana's SQL data sources return a table-format query; ../table.test.ts decodes each with Grafana's own
 * dataFrameFromJSON to check them. The week: Monday T0 = 2026-03-02 00:00 UTC.
 */
import { FrameJson } from '../table';

export const T0 = Date.parse('2026-03-02T00:00:00Z');
const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;

export function at(day: number, hh: number, mm = 0): number {
  return T0 + day * DAY + (hh * 60 + mm) * MIN;
}

type FieldType = 'time' | 'number' | 'string' | 'boolean';
const GO_TYPES: Record<FieldType, string> = { time: 'time.Time', number: 'float64', string: 'string', boolean: 'bool' };

/** A table-format SQL answer: one frame, columns in order, values nullable. */
export function sqlFrame(
  refId: string,
  sql: string,
  columns: Array<[string, FieldType, unknown[]]>
): FrameJson & Record<string, unknown> {
  return {
    schema: {
      refId,
      meta: { typeVersion: [0, 0], executedQueryString: sql },
      fields: columns.map(([name, type]) => ({ name, type, typeInfo: { frame: GO_TYPES[type], nullable: true } })),
    },
    data: { values: columns.map(([, , values]) => values) },
  } as FrameJson & Record<string, unknown>;
}

export const SHA = {
  a: 'a1'.repeat(20),
  b: 'b2'.repeat(20),
  c: 'c3'.repeat(20),
  d: 'd4'.repeat(20),
};

export const DEPLOYMENTS_SQL =
  'SELECT finished_at, service, env, repository, commit_sha, outcome FROM deployments WHERE finished_at BETWEEN $__timeFrom() AND $__timeTo()';

/** A warehouse table of deployments (one failed, one in staging, one before the week). */
export function deploymentsFrame(refId = 'M0'): FrameJson {
  return sqlFrame(refId, DEPLOYMENTS_SQL, [
    ['finished_at', 'time', [at(-5, 10), at(1, 10), at(2, 14), at(2, 16), at(3, 11), at(3, 12)]],
    ['service', 'string', ['checkout', 'checkout', 'checkout', 'checkout', 'checkout', 'checkout']],
    ['env', 'string', ['production', 'production', 'production', 'production', 'production', 'staging']],
    [
      'repository',
      'string',
      ['acme/checkout', 'acme/checkout', 'acme/checkout', 'acme/checkout', 'acme/checkout', 'acme/checkout'],
    ],
    ['commit_sha', 'string', [SHA.a, SHA.b, SHA.c, SHA.d, SHA.d, SHA.d]],
    ['outcome', 'string', ['success', 'success', 'success', 'failure', 'success', 'success']],
  ]);
}

/** Commits with their parents as text, and a commit time in epoch seconds (a warehouse's integer column). */
export function changesFrame(refId = 'M1'): FrameJson {
  return sqlFrame(refId, 'SELECT sha, repo, committed_at, parents FROM commits', [
    ['sha', 'string', [SHA.a, SHA.b, SHA.c, SHA.d]],
    ['repo', 'string', ['acme/checkout', 'acme/checkout', 'acme/checkout', 'acme/checkout']],
    ['committed_at', 'number', [at(-6, 9) / 1000, at(1, 8) / 1000, at(2, 11) / 1000, at(3, 9) / 1000]],
    ['parents', 'string', ['', SHA.a, SHA.b, SHA.c]],
  ]);
}

/** Incidents with an ISO text start and a cause SHA; one row has no creation time (a bad row). */
export function incidentsFrame(refId = 'M2'): FrameJson {
  return sqlFrame(refId, 'SELECT * FROM incidents', [
    ['incident_id', 'string', ['INC-7', 'INC-8']],
    ['service', 'string', ['checkout', 'checkout']],
    ['opened', 'string', ['2026-03-04T15:00:00Z', null]],
    ['closed', 'time', [at(2, 16, 15), null]],
    ['caused_by', 'string', [SHA.c, null]],
  ]);
}
