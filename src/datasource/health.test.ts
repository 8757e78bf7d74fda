import { DataSource } from './DataSource';
import { fakeTemplateSrv, instanceSettings } from './testing';
import { checkHealth, countItem } from './health';
import { createRedactor } from './redact';
import { Deployment, DoraEvents, emptyEvents, TimeRange } from '../engine';
import { HttpClient } from '../sources/http';
import { EventSource, HealthCheckItem, SourceResult } from '../sources/types';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1);
const noHttp: HttpClient = { request: () => Promise.reject(new Error('no HTTP in this test')) };
const keep = (text: string) => text;

function deployment(id: string, at: number, status: Deployment['status'] = 'success'): Deployment {
  return {
    id,
    service: 'checkout',
    environment: 'production',
    repo: 'acme/checkout',
    sha: id,
    finishedAt: at,
    status,
    source: 'test',
  };
}

function events(parts: Partial<DoraEvents>): DoraEvents {
  return { ...emptyEvents(), ...parts };
}

/** A source whose fetch and (optional) health check are scripted; it records the ranges it was asked for. */
class ScriptedSource implements EventSource {
  ranges: TimeRange[] = [];
  healthCheck?: () => Promise<HealthCheckItem[]>;
  constructor(
    readonly name: string,
    private readonly fetch: () => Promise<SourceResult>,
    health?: () => Promise<HealthCheckItem[]>
  ) {
    if (health) {
      this.healthCheck = health;
    }
  }
  fetchEvents(range: TimeRange): Promise<SourceResult> {
    this.ranges.push(range);
    return this.fetch();
  }
}

const working = () =>
  new ScriptedSource('github', () =>
    Promise.resolve({
      events: events({
        deployments: [
          deployment('d1', NOW - DAY),
          deployment('d2', NOW - 2 * DAY),
          deployment('d3', NOW - DAY, 'failure'),
        ],
        changes: [{ sha: 'c1', repo: 'acme/checkout', committedAt: NOW - 3 * DAY }],
      }),
      notices: [],
    })
  );

function dataSource(sources: EventSource[] | undefined, jsonData = {}) {
  return new DataSource(instanceSettings(jsonData), {
    http: noHttp,
    now: () => NOW,
    templateSrv: fakeTemplateSrv(),
    sources,
  });
}

describe('testDatasource', () => {
  it('reports a working source with its counts of the last 7 days', async () => {
    const source = working();
    const result = await dataSource([source]).testDatasource();
    expect(source.ranges).toEqual([{ from: NOW - 7 * DAY, to: NOW }]);
    expect(result).toEqual({
      status: 'success',
      message: 'Data source is working: github.',
      details: {
        message:
          'github: OK: reachable, 2 deployments (and 1 failed attempt), 1 change, 0 incidents in the last 7 days.',
        verboseMessage:
          'github: OK: reachable, 2 deployments (and 1 failed attempt), 1 change, 0 incidents in the last 7 days.',
      },
    });
  });

  it('fails when one source fails, and still reports the working one on its own line', async () => {
    const broken = new ScriptedSource('gitlab', () => Promise.reject(new Error('HTTP 502 from the proxy')));
    const result = await dataSource([working(), broken]).testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toBe(
      '1 problem to fix. gitlab: HTTP 502 from the proxy. Check the gitlab section of the data source settings and that Grafana can reach the API.'
    );
    expect(String(result.details?.verboseMessage).split('\n')).toEqual([
      'github: OK: reachable, 2 deployments (and 1 failed attempt), 1 change, 0 incidents in the last 7 days.',
      'gitlab: error: HTTP 502 from the proxy. Check the gitlab section of the data source settings and that Grafana can reach the API.',
    ]);
  });

  it("runs the source's own check first, and does not count events when it reports an error", async () => {
    const rejected = new ScriptedSource(
      'github',
      () => Promise.reject(new Error('must not be called')),
      () =>
        Promise.resolve([
          {
            source: 'github',
            status: 'error',
            message: 'GitHub token: GitHub rejected the token (401). Set a valid personal access token.',
          },
        ])
    );
    const result = await dataSource([rejected]).testDatasource();
    expect(rejected.ranges).toEqual([]);
    expect(result.status).toBe('error');
    expect(result.message).toContain('GitHub rejected the token (401)');
  });

  it('warns when a token can write, and still counts the events', async () => {
    const writable = new ScriptedSource(
      'github',
      () => Promise.resolve({ events: events({ deployments: [deployment('d1', NOW - DAY)] }), notices: [] }),
      () =>
        Promise.resolve([
          { source: 'github', status: 'warning', message: 'The token (of octocat) can write: scopes repo.' },
          { source: 'github', status: 'ok', message: 'GitHub acme/checkout: readable, production branch main.' },
        ])
    );
    const result = await dataSource([writable]).testDatasource();
    expect(result.status).toBe('warning');
    expect(result.message).toBe('Working, with 1 warning. github: The token (of octocat) can write: scopes repo.');
    expect(String(result.details?.verboseMessage).split('\n')).toEqual([
      'github: warning: The token (of octocat) can write: scopes repo.',
      'github: OK: GitHub acme/checkout: readable, production branch main.',
      'github: OK: reachable, 1 deployment, 0 changes, 0 incidents in the last 7 days.',
    ]);
  });

  it("passes on the fetch's notices, each with its severity", async () => {
    const partial = new ScriptedSource('github', () =>
      Promise.resolve({
        events: events({ deployments: [deployment('d1', NOW - DAY)] }),
        notices: [{ severity: 'error', text: 'GitHub acme/gone: not found (404). Check the repository name.' }],
      })
    );
    const result = await dataSource([partial]).testDatasource();
    expect(result.status).toBe('error');
    expect(result.details?.verboseMessage).toContain('github: error: GitHub acme/gone: not found (404).');
  });

  it('reports settings problems on lines of their own', async () => {
    const result = await dataSource(undefined, {
      github: { enabled: true, repositories: 'acme/app' },
      catalogYaml: 'services: [',
    }).testDatasource();
    // The GitHub source starts (no HTTP is made before a fetch), so the catalog is the only settings problem.
    expect(result.details?.verboseMessage).toMatch(
      /settings: warning: Data source settings: Service catalog, line \d+: Catalog YAML is not valid/
    );
  });

  it('serves the demo health check and counts when no provider is configured', async () => {
    const result = await dataSource(undefined).testDatasource();
    expect(result.status).toBe('success');
    const lines = String(result.details?.verboseMessage).split('\n');
    expect(lines[0]).toMatch(/^demo: OK: built-in demo data: 8 services in 4 teams/);
    expect(lines[1]).toMatch(
      /^demo: OK: reachable, \d+ deployments.*, \d+ changes?, \d+ incidents? in the last 7 days\.$/
    );
  });
});

describe('checkHealth', () => {
  it('masks tokens in every message', async () => {
    const leaky = new ScriptedSource('github', () =>
      Promise.reject(new Error('upstream said: Authorization: Bearer ghp_abcdefghijklmnopqrstuvwxyz0123456789'))
    );
    const result = await checkHealth([leaky], [], NOW, createRedactor({}));
    expect(JSON.stringify(result)).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(result.message).toContain('[redacted]');
  });

  it('fails when a provider cannot start (a settings error), even with a working source', async () => {
    const notice = { severity: 'error' as const, text: 'Source gitlab could not start: no URL. Check its section.' };
    const result = await checkHealth([working()], [notice], NOW, keep);
    expect(result.status).toBe('error');
    expect(result.message).toBe(
      '1 problem to fix. settings: Source gitlab could not start: no URL. Check its section.'
    );
  });

  it('fails without any source, naming the fix', async () => {
    const result = await checkHealth([], [], NOW, keep);
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('No source is configured') });
  });
});

describe('countItem', () => {
  it('counts only the events of the window (sources also return older history)', () => {
    const week = { from: NOW - 7 * DAY, to: NOW };
    const old = events({
      deployments: [deployment('old', NOW - 9 * DAY), deployment('new', NOW - DAY)],
      changes: [
        { sha: 'c0', repo: 'acme/app', committedAt: NOW - 30 * DAY },
        { sha: 'c1', repo: 'acme/app', committedAt: NOW - DAY, parent: 'c0' },
      ],
      incidents: [{ id: 'i1', createdAt: NOW - DAY, startedAt: NOW - 8 * DAY, source: 'test' }],
    });
    expect(countItem('github', old, week).message).toBe(
      'reachable, 1 deployment, 1 change, 0 incidents in the last 7 days.'
    );
  });

  it('warns about a source without events, and about changes without deployments', () => {
    const week = { from: NOW - 7 * DAY, to: NOW };
    expect(countItem('github', emptyEvents(), week)).toMatchObject({
      status: 'warning',
      message: expect.stringContaining('no deployments, changes or incidents in the last 7 days'),
    });
    const changesOnly = events({ changes: [{ sha: 'c1', repo: 'acme/app', committedAt: NOW - DAY }] });
    expect(countItem('github', changesOnly, week)).toMatchObject({
      status: 'warning',
      message: expect.stringContaining('changes but no successful production deployment'),
    });
  });
});
