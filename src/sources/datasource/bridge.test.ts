/**
 * The data source bridge: frames decoded as Grafana decodes them, rows to events with bad values reported by
 * mapping, row and field, query models per data source type, settings problems, and the source through both
 * runners (a fake of Grafana's data source service; Grafana's query API on loopback), server mode without token.
 */
import { DataFrameJSON, dataFrameFromJSON } from '@grafana/data';
import { parentsOf } from '../../engine';
import { nodeHttpClient } from '../testing/nodeHttp';
import { BROWSER_GRAFANA_API, serverGrafanaApi } from '../grafanaApi';
import { Loopback } from '../testing/loopback';
import { DataSourceServiceRunner } from './browserRunner';
import { bridgeQuery, interpolateRange, queryProperty } from './queryModel';
import { rowsToEvents } from './rows';
import { QueryApiRunner } from './runner';
import { resolveBridgeSettings, validateBridgeSettings } from '../../settings/datasourceBridge';
import { DataSourceBridgeSource } from './source';
import { tableFromFrame, tableFromJson } from './table';
import {
  at,
  changesFrame,
  deploymentsFrame,
  DEPLOYMENTS_SQL,
  incidentsFrame,
  SHA,
  sqlFrame,
  T0,
} from './testing/frames';
import { Answers, fakeDataSourceService } from './testing/dataSourceSrv';
import { startFakeQueryApi } from './testing/services';
import { ANSWERS, MAPPINGS, PG } from './testing/mappings';

const DAY = 24 * 3600 * 1000;
const RANGE = { from: T0 - 30 * DAY, to: T0 + 7 * DAY };
describe('tables', () => {
  it("decode the query API's frames as Grafana's own dataFrameFromJSON does", () => {
    for (const json of [deploymentsFrame(), changesFrame(), incidentsFrame()]) {
      expect(tableFromJson(json)).toEqual(tableFromFrame(dataFrameFromJSON(json as DataFrameJSON)));
    }
  });

  it('NaN/Inf/undefined entities become null', () => {
    const frame = sqlFrame('A', '', [['n', 'number', [1, null, 3]]]);
    frame.data!.entities = [{ NaN: [2] }];
    expect(tableFromJson(frame).columns[0].values).toEqual([1, null, null]);
  });
});

describe('rowsToEvents', () => {
  const mappings = resolveBridgeSettings({ mappings: MAPPINGS }).mappings;

  it('maps rows to events: time columns, epoch seconds, parent lists, ISO text, nested cause', () => {
    const deployments = rowsToEvents([tableFromJson(deploymentsFrame())], mappings[0]);
    expect(deployments.errors).toEqual([]);
    expect(deployments.events.deployments[1]).toEqual({
      id: `datasource:Deployments:checkout|production|${SHA.b}|2026-03-03T10:00:00.000Z`,
      service: 'checkout',
      environment: 'production',
      repo: 'acme/checkout',
      sha: SHA.b,
      finishedAt: at(1, 10),
      status: 'success',
      source: 'datasource',
    });
    const changes = rowsToEvents([tableFromJson(changesFrame())], mappings[1]);
    expect(changes.events.changes.map((c) => [c.sha, parentsOf(c), c.committedAt])).toEqual([
      [SHA.a, [], at(-6, 9)],
      [SHA.b, [SHA.a], at(1, 8)],
      [SHA.c, [SHA.b], at(2, 11)],
      [SHA.d, [SHA.c], at(3, 9)],
    ]);
  });

  it('reports bad rows by mapping, row, field and column, and keeps the valid ones', () => {
    const incidents = rowsToEvents([tableFromJson(incidentsFrame())], mappings[2]);
    expect(incidents.events.incidents).toEqual([
      expect.objectContaining({ id: 'INC-7', createdAt: at(2, 15), resolvedAt: at(2, 16, 15), cause: { sha: SHA.c } }),
    ]);
    expect(incidents.errors).toEqual([
      'Mapping "Incidents", row 2: createdAt (column opened) is missing; add an ISO-8601 instant, e.g. "2024-03-01T10:00:00Z" or "2024-03-01T12:00:00+02:00"',
    ]);
    const bad = sqlFrame('M0', '', [
      ['finished_at', 'string', ['2026-03-03 10:00:00', '2026-03-03T10:00:00Z']],
      ['service', 'string', ['checkout', 'checkout']],
      ['env', 'string', ['production', 'production']],
      ['repository', 'string', ['acme/checkout', 'acme/checkout']],
      ['commit_sha', 'string', [SHA.a, SHA.b]],
      ['outcome', 'string', ['success', 'done']],
    ]);
    const result = rowsToEvents([tableFromJson(bad)], mappings[0]);
    expect(result.events.deployments).toEqual([]);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Mapping "Deployments", row 1: finishedAt \(column finished_at\): "2026-03-03 10:00:00" has no time zone/
      ),
      expect.stringMatching(
        /^Mapping "Deployments", row 2: status \(column outcome\): "done" is not one of success, failure, cancelled, in_progress/
      ),
    ]);
  });

  it('names a column the result does not have, and the columns it has', () => {
    const result = rowsToEvents([tableFromJson(changesFrame())], mappings[0]);
    expect(result.errors[0]).toMatch(
      /^Mapping "Deployments": the result has no column "service" \(for service\).*"finished_at" \(for finishedAt\).*its columns are sha, repo, committed_at, parents\. Choose/
    );
  });

  it('reads a property of an object column (Loki labels)', () => {
    const frame = sqlFrame('A', '', [
      ['labels', 'string', [{ service: 'web', sha: SHA.a }]],
      ['Time', 'time', [at(1, 1)]],
    ]);
    const mapping = resolveBridgeSettings({
      mappings: [
        {
          kind: 'deployments',
          datasource: { uid: 'loki', type: 'loki' },
          query: '{job="deploy"}',
          columns: {
            service: 'labels.service',
            sha: 'labels.sha',
            repo: 'labels.service',
            environment: 'labels.service',
            finishedAt: 'Time',
            status: 'labels.status',
          },
        },
      ],
    }).mappings[0];
    const result = rowsToEvents([tableFromJson(frame)], mapping);
    expect(result.errors).toEqual([expect.stringMatching(/row 1: status \(column labels.status\) is missing/)]);
  });
});

describe('query models and settings', () => {
  it('puts the text where each data source reads it, with the range in ${__from}/${__to}', () => {
    expect(queryProperty('grafana-postgresql-datasource')).toBe('rawSql');
    expect(queryProperty('loki')).toBe('expr');
    expect(queryProperty('elasticsearch')).toBe('query');
    expect(queryProperty('some-other-datasource')).toBe('query');
    expect(interpolateRange('t > ${__from} and t < $__to and $__timeFrom()', { from: 1, to: 2 })).toBe(
      't > 1 and t < 2 and $__timeFrom()'
    );
    const mapping = resolveBridgeSettings({
      mappings: [{ ...MAPPINGS[0], queryModel: '{"format": "time_series", "extra": 1}' }],
    }).mappings[0];
    expect(bridgeQuery(mapping, 'M0', RANGE)).toEqual({
      refId: 'M0',
      datasource: PG,
      rawSql: DEPLOYMENTS_SQL,
      rawQuery: true,
      format: 'time_series',
      editorMode: 'code',
      extra: 1,
    });
  });

  it.each([
    [{ mappings: [] }, /no mapping yet/],
    [
      { mappings: [{ name: 'x' }] },
      /Mapping "x": choose what its rows are.*choose the data source.*the query is empty/,
    ],
    [
      { mappings: [{ ...MAPPINGS[0], columns: { sha: 'commit_sha' } }] },
      /choose the column of service, environment, repo, finishedAt, status \(required for deployments\)/,
    ],
    [
      { mappings: [{ ...MAPPINGS[0], columns: { ...MAPPINGS[0].columns, shaa: 'x' } }] },
      /shaa is not a field of deployments/,
    ],
    [{ mappings: [{ ...MAPPINGS[0], queryModel: '{bad' }] }, /the query model is not valid JSON/],
    [{ mappings: [{ ...MAPPINGS[0], queryModel: '[1]' }] }, /the query model is not a JSON object/],
    [{ mappings: [MAPPINGS[0], MAPPINGS[0]] }, /Mapping "Deployments" is named twice/],
  ])('%j is refused', (settings, message) => {
    expect(
      validateBridgeSettings(settings as never)
        .map((p) => p.message)
        .join(' ')
    ).toMatch(message);
  });
});

describe('DataSourceBridgeSource', () => {
  it("runs each mapping through Grafana's data source service with the range, and maps the frames", async () => {
    const service = fakeDataSourceService(ANSWERS, ['warehouse']);
    const source = new DataSourceBridgeSource({
      runner: new DataSourceServiceRunner(() => service),
      grafana: BROWSER_GRAFANA_API,
      settings: { mappings: MAPPINGS },
    });
    const { events, notices } = await source.fetchEvents(RANGE);
    expect(events.deployments).toHaveLength(6);
    expect(events.changes).toHaveLength(4);
    expect(events.incidents).toHaveLength(1);
    expect(notices).toEqual([
      {
        severity: 'warning',
        text: expect.stringMatching(
          /^Mapping "Incidents" \(incidents from data source warehouse\): 1 of 2 rows left out\. Mapping "Incidents", row 2: createdAt \(column opened\) is missing/
        ),
      },
    ]);
    const first = service.requests[0];
    expect(first.uid).toBe('warehouse');
    expect(first.request.range.from.valueOf()).toBe(RANGE.from);
    expect(first.request.range.to.valueOf()).toBe(RANGE.to);
    expect(first.request.targets[0]).toMatchObject({ refId: 'M0', rawSql: DEPLOYMENTS_SQL, format: 'table' });
  });

  it('a failing mapping is a notice; the other mappings still arrive', async () => {
    const answers: Answers = [
      { contains: 'FROM deployments', error: 'pq: relation "deployments" does not exist' },
      ...ANSWERS.slice(1),
    ];
    const service = fakeDataSourceService(answers, ['warehouse']);
    const mappings = [...MAPPINGS, { ...MAPPINGS[1], name: 'Elsewhere', datasource: { uid: 'gone' } }];
    const source = new DataSourceBridgeSource({
      runner: new DataSourceServiceRunner(() => service),
      grafana: BROWSER_GRAFANA_API,
      settings: { mappings },
    });
    const { events, notices } = await source.fetchEvents(RANGE);
    expect(events.deployments).toEqual([]);
    expect(events.changes).toHaveLength(4);
    expect(notices.filter((n) => n.severity === 'error').map((n) => n.text)).toEqual([
      'Mapping "Deployments" (deployments from data source warehouse): pq: relation "deployments" does not exist. Check the query in the data source settings.',
      'Mapping "Elsewhere" (changes from data source gone): Data source with uid gone not found. Check the query in the data source settings.',
    ]);
  });

  describe("through Grafana's query API (server mode)", () => {
    let api: Loopback;
    beforeAll(async () => {
      api = await startFakeQueryApi(ANSWERS, '/grafana');
    });
    afterAll(() => api.close());

    it('posts every mapping in one request with the range, and maps the DataFrameJSON answers', async () => {
      const grafana = serverGrafanaApi(['grafanaToken']);
      const runner = new QueryApiRunner(nodeHttpClient(), `${api.url}${grafana.base}`);
      const source = new DataSourceBridgeSource({ runner, grafana, settings: { mappings: MAPPINGS } });
      const { events } = await source.fetchEvents(RANGE);
      expect(events.deployments).toHaveLength(6);
      expect(api.requests).toHaveLength(1);
      expect(api.requests[0].path).toBe('/grafana/api/ds/query');
      expect(api.requests[0].body).toMatchObject({
        from: String(RANGE.from),
        to: String(RANGE.to),
        queries: [{ refId: 'M0' }, { refId: 'M1' }, { refId: 'M2' }],
      });
    });

    it('without a service account token it says so and sends nothing', async () => {
      const count = api.requests.length;
      const source = new DataSourceBridgeSource({
        runner: new QueryApiRunner(nodeHttpClient(), api.url),
        grafana: serverGrafanaApi([]),
        settings: { mappings: MAPPINGS },
      });
      expect((await source.fetchEvents(RANGE)).notices[0].text).toMatch(/needs a service account token/);
      expect(await source.healthCheck()).toEqual([
        { source: 'datasource', status: 'error', message: expect.stringMatching(/service account token/) },
      ]);
      expect(api.requests.length).toBe(count);
    });
  });

  it('health: rows and valid events per mapping in the last 7 days', async () => {
    const service = fakeDataSourceService(ANSWERS, ['warehouse']);
    const source = new DataSourceBridgeSource({
      runner: new DataSourceServiceRunner(() => service),
      grafana: BROWSER_GRAFANA_API,
      settings: { mappings: MAPPINGS },
      now: () => T0 + 7 * DAY,
    });
    expect(await source.healthCheck()).toEqual([
      {
        source: 'datasource',
        status: 'ok',
        message: 'mapping "Deployments": 6 rows in the last 7 days, 6 valid deployments',
      },
      { source: 'datasource', status: 'ok', message: 'mapping "Commits": 4 rows in the last 7 days, 4 valid changes' },
      {
        source: 'datasource',
        status: 'warning',
        message: expect.stringMatching(
          /mapping "Incidents": 2 rows in the last 7 days, 1 valid incidents; first problem: .*row 2/
        ),
      },
    ]);
  });
});
