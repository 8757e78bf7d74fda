/**
 * Golden frames: the real query() path (registry -> demo source -> cache -> engine -> framers) on the demo
 * data with a fixed clock and seed, compared to committed JSON under __golden__/. After an intended change,
 * regenerate with `UPDATE_GOLDEN=1 npx jest src/frames/golden.test.ts` and review the diff.
 *
 * Hand-checked against the raw demo events (the "hand checks" block below re-derives them on every run,
 * without the engine):
 * - the weekly deployment count of the week of Monday 2026-05-04 = production, successful demo deployments
 *   finishing that week, one per (pipeline run, service);
 * - the deployments table lists exactly those deployments of the whole range;
 * - an incident's time to restore = resolved - started;
 * - a change's lead time = the finish of the deployment the table names - the commit time.
 */
import { DataFrame, DataQueryResponse, FieldType } from '@grafana/data';
import * as fs from 'fs';
import * as path from 'path';
import { firstValueFrom } from 'rxjs';
import { DataSource } from '../datasource/DataSource';
import { instanceSettings, queryRequest } from '../datasource/testing';
import { Deployment, DoraEvents } from '../engine';
import { DemoSource } from '../sources/demo';
import { DoraQuery } from '../query/model';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => jest.requireActual('../datasource/testing').fakeTemplateSrv(),
  getBackendSrv: () => {
    throw new Error('the demo source never reaches the network');
  },
}));

// The engine and demo generator are CPU-bound; on a shared machine a suite can take a while.
jest.setTimeout(120000);

const SEED = 42;
const NOW = Date.UTC(2026, 5, 1);
const FROM = Date.UTC(2026, 2, 1);
const DAY = 24 * 3600 * 1000;
const MAX_ROWS = 12;
const GOLDEN_DIR = path.join(__dirname, '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: Array<[string, DoraQuery]> = [
  [
    'metric-deployment-count-weekly',
    { refId: 'A', kind: 'metric', metric: 'deploymentCount', interval: 'week', groupBy: 'none' },
  ],
  [
    'metric-lead-time-median-weekly-by-team',
    { refId: 'A', kind: 'metric', metric: 'leadTime', aggregation: 'median', interval: 'week', groupBy: 'team' },
  ],
  [
    'metric-change-fail-rate-monthly-by-service',
    { refId: 'A', kind: 'metric', metric: 'changeFailRate', interval: 'month', groupBy: 'service' },
  ],
  [
    'metric-deployments-per-week-range-by-team',
    { refId: 'A', kind: 'metric', metric: 'deploymentsPerWeek', interval: 'range', groupBy: 'team' },
  ],
  ['scorecard-by-team', { refId: 'S', kind: 'scorecard', groupBy: 'team' }],
  ['events-deployments', { refId: 'E', kind: 'events', entity: 'deployments' }],
  ['events-changes', { refId: 'E', kind: 'events', entity: 'changes' }],
  ['events-incidents', { refId: 'E', kind: 'events', entity: 'incidents' }],
  ['events-pipeline-runs', { refId: 'E', kind: 'events', entity: 'pipelineRuns' }],
  ['data-quality', { refId: 'Q', kind: 'dataQuality' }],
];

function demoDataSource(): DataSource {
  return new DataSource(instanceSettings({ demoSeed: SEED }), { now: () => NOW });
}

function runQuery(ds: DataSource, query: DoraQuery): Promise<DataQueryResponse> {
  return firstValueFrom(ds.query(queryRequest([query], FROM, NOW, { intervalMs: DAY })));
}

describe('golden frames on the demo data', () => {
  const ds = demoDataSource();

  it.each(CASES)('%s', async (name, query) => {
    const response = await runQuery(ds, query);
    expect(response.errors).toBeUndefined();
    const actual = JSON.parse(JSON.stringify({ query, ...snapshot(response) }));
    const file = path.join(GOLDEN_DIR, `${name}.json`);
    if (UPDATE) {
      fs.mkdirSync(GOLDEN_DIR, { recursive: true });
      fs.writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      return;
    }
    if (!fs.existsSync(file)) {
      throw new Error(`No golden file ${file}; run UPDATE_GOLDEN=1 npx jest src/frames/golden.test.ts and review it.`);
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
  });
});

describe('hand checks against the raw demo events', () => {
  const ds = demoDataSource();
  let raw: DoraEvents;

  beforeAll(async () => {
    raw = (await new DemoSource({ seed: SEED, now: () => NOW }).fetchEvents({ from: FROM - 30 * DAY, to: NOW })).events;
  });

  /** Production, successful deployments finishing in [from, to); jobs of one pipeline run count once, at the last finish. */
  function productionDeployments(from: number, to: number): Deployment[] {
    const last = new Map<string, Deployment>();
    for (const d of raw.deployments) {
      if (!/^(prod|production)$/i.test(d.environment) || d.status !== 'success') {
        continue;
      }
      const key = d.pipelineRunId ? `${d.pipelineRunId}|${d.service}` : d.id;
      const known = last.get(key);
      if (!known || known.finishedAt <= d.finishedAt) {
        last.set(key, d);
      }
    }
    return Array.from(last.values()).filter((d) => d.finishedAt >= from && d.finishedAt < to);
  }

  it('counts the deployments of the week of Monday 2026-05-04', async () => {
    const week = Date.UTC(2026, 4, 4);
    const expected = productionDeployments(week, week + 7 * DAY).length;
    expect(expected).toBeGreaterThan(0);
    const frame = (await runQuery(ds, CASES[0][1])).data[0] as DataFrame;
    const index = frame.fields[0].values.indexOf(week);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(frame.fields[1].values[index]).toBe(expected);
  });

  it('lists exactly the production deployments of the range', async () => {
    const expected = productionDeployments(FROM, NOW)
      .map((d) => d.id)
      .sort();
    const frame = (await runQuery(ds, CASES[5][1])).data[0] as DataFrame;
    const ids = (frame.fields.find((f) => f.name === 'Deployment')!.values as string[]).slice().sort();
    expect(ids).toEqual(expected);
  });

  it("computes an incident's time to restore as resolved - started", async () => {
    const frame = (await runQuery(ds, CASES[7][1])).data[0] as DataFrame;
    const ids = frame.fields.find((f) => f.name === 'Incident')!.values as string[];
    const ttr = frame.fields.find((f) => f.name === 'Time to restore')!.values as Array<number | null>;
    const incident = raw.incidents.find((i) => i.id === ids[0] && i.resolvedAt !== undefined)!;
    expect(incident).toBeDefined();
    expect(ttr[0]).toBeCloseTo(incident.resolvedAt! - (incident.startedAt ?? incident.createdAt), 3);
  });

  it("computes a change's lead time as its deployment's finish - its commit time", async () => {
    const frame = (await runQuery(ds, CASES[6][1])).data[0] as DataFrame;
    const column = (name: string) => frame.fields.find((f) => f.name === name)!.values;
    for (const row of [0, Math.floor(frame.length / 2), frame.length - 1]) {
      const sha = column('SHA')[row] as string;
      const change = raw.changes.find((c) => c.sha === sha)!;
      const deployment = raw.deployments.find((d) => d.id === column('Deployment')[row])!;
      expect(column('Deployed')[row]).toBe(deployment.finishedAt);
      expect(column('Lead time')[row]).toBeCloseTo(deployment.finishedAt - change.committedAt, 3);
    }
  });

  it('lists the pipeline runs of the range with their durations, and a failure as flaky when a later run passed', async () => {
    const frame = (await runQuery(ds, CASES[8][1])).data[0] as DataFrame;
    const column = (name: string) => frame.fields.find((f) => f.name === name)!.values;
    // A run counts at its finish, else (still running) its start.
    const inRange = raw.pipelineRuns.filter((r) => {
      const t = r.finishedAt ?? r.startedAt;
      return t >= FROM && t < NOW;
    });
    expect(frame.length).toBe(inRange.length);
    const same = (a: (typeof inRange)[number], b: (typeof inRange)[number]) =>
      a.repo === b.repo && a.workflow === b.workflow && a.sha === b.sha;
    const flaky = inRange.filter(
      (r) =>
        r.conclusion === 'failure' &&
        raw.pipelineRuns.some(
          (later) => same(r, later) && later.conclusion === 'success' && later.startedAt > r.startedAt
        )
    );
    expect(flaky.length).toBeGreaterThan(0);
    expect((column('Flaky') as boolean[]).filter(Boolean).length).toBe(flaky.length);
    for (const row of [0, Math.floor(frame.length / 2), frame.length - 1]) {
      const url = column('URL')[row] as string;
      const source = inRange.find((r) => r.url === url)!;
      expect(column('Attempt')[row]).toBe(source.attempt);
      expect(column('Duration')[row]).toBe(source.finishedAt! - source.startedAt);
    }
  });
});

/** A readable, stable picture of a response: field configs, the row count and the first rows. */
function snapshot(response: DataQueryResponse) {
  return {
    frames: (response.data as DataFrame[]).map((frame) => ({
      refId: frame.refId,
      name: frame.name,
      meta: frame.meta ?? null,
      length: frame.length,
      fields: frame.fields.map((f) => ({ name: f.name, type: f.type, labels: f.labels ?? null, config: f.config })),
      rows: Array.from({ length: Math.min(frame.length, MAX_ROWS) }, (_, row) =>
        frame.fields.map((f) => readable(f.type, f.values[row]))
      ),
    })),
  };
}

function readable(type: FieldType, value: unknown): unknown {
  if (typeof value !== 'number') {
    return value ?? null;
  }
  if (type === FieldType.time) {
    return new Date(value).toISOString();
  }
  return Math.round(value * 1000) / 1000;
}
