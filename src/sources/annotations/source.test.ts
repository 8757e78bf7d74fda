/**
 * @jest-environment node
 *
 * AnnotationsSource and its client against a fake of Grafana's annotations API on loopback: the requests
 * (tags, dashboard, range, paging), browser (session) and server (route + service account token) access, the
 * server without a token, errors as notices, and the health check.
 */
import { nodeHttpClient } from '../testing/nodeHttp';
import { BROWSER_GRAFANA_API, serverGrafanaApi } from '../grafanaApi';
import { PAGE_LIMIT } from './client';
import { AnnotationsSource } from './source';
import { annotation, at, SHA, shopAnnotations, T0 } from './testing/annotations';
import { FakeGrafanaAnnotations, startFakeGrafanaAnnotations } from './testing/server';

const DAY = 24 * 3600 * 1000;
const RANGE = { from: T0 - 30 * DAY, to: T0 + 7 * DAY };

describe('AnnotationsSource against a fake Grafana', () => {
  let fake: FakeGrafanaAnnotations;
  beforeEach(async () => {
    fake = await startFakeGrafanaAnnotations(shopAnnotations());
  });
  afterEach(() => fake.close());

  const source = (settings: Record<string, unknown> = {}, base?: string) =>
    new AnnotationsSource({
      http: nodeHttpClient(),
      grafana: { ...BROWSER_GRAFANA_API, base: base ?? fake.url },
      settings: { enabled: true, deploymentTags: 'deploy', incidentTags: 'incident', ...settings },
      now: () => T0 + 7 * DAY,
      sleep: () => Promise.resolve(),
    });

  it("asks Grafana's API for each kind's tags in the range, without any token", async () => {
    const { events, notices } = await source().fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(events.deployments.map((d) => d.id)).toEqual([
      'annotations:105',
      'annotations:104',
      'annotations:103',
      'annotations:102',
      'annotations:101',
    ]);
    expect(events.incidents.map((i) => i.id)).toEqual(['annotations:201']);
    const queries = fake.requests.map((r) => ({
      path: r.path,
      tags: r.query.getAll('tags'),
      from: Number(r.query.get('from')),
      to: Number(r.query.get('to')),
      type: r.query.get('type'),
      matchAny: r.query.get('matchAny'),
      authorization: r.headers.authorization,
    }));
    expect(queries).toEqual([
      {
        path: '/api/annotations',
        tags: ['deploy'],
        from: RANGE.from,
        to: RANGE.to,
        type: 'annotation',
        matchAny: 'false',
        authorization: undefined,
      },
      {
        path: '/api/annotations',
        tags: ['incident'],
        from: RANGE.from,
        to: RANGE.to,
        type: 'annotation',
        matchAny: 'false',
        authorization: undefined,
      },
    ]);
  });

  it('restricts to a dashboard when one is set', async () => {
    const { events } = await source({ dashboardUid: 'ops' }).fetchEvents(RANGE);
    expect(fake.requests.every((r) => r.query.get('dashboardUID') === 'ops')).toBe(true);
    expect(events.deployments).toEqual([]);
    expect(events.incidents).toHaveLength(1);
  });

  it('reads on past a full page by moving the end back, without repeating annotations', async () => {
    const many = Array.from({ length: PAGE_LIMIT + 250 }, (_, i) =>
      annotation(1000 + i, at(0, 0) + i * 60000, ['deploy', 'service:web', `sha:${SHA.a}`], '')
    );
    fake.annotations = many;
    const { events } = await source({ incidentTags: '' }).fetchEvents(RANGE);
    expect(events.deployments).toHaveLength(PAGE_LIMIT + 250);
    expect(new Set(events.deployments.map((d) => d.id)).size).toBe(PAGE_LIMIT + 250);
    expect(fake.requests).toHaveLength(2);
    expect(Number(fake.requests[1].query.get('to'))).toBe(at(0, 0) + 250 * 60000);
  });

  it('on the server it goes through the grafana route, and says so when no token is stored', async () => {
    await fake.close();
    fake = await startFakeGrafanaAnnotations(shopAnnotations(), '/grafana');
    const access = serverGrafanaApi(['grafanaTokenServer']);
    const server = source({}, `${fake.url}${access.base}`);
    expect((await server.fetchEvents(RANGE)).events.deployments).toHaveLength(5);
    expect(fake.requests[0].path).toBe('/grafana/api/annotations');

    const without = new AnnotationsSource({ http: nodeHttpClient(), grafana: serverGrafanaApi([]), settings: {} });
    const { notices } = await without.fetchEvents(RANGE);
    expect(notices).toEqual([
      { severity: 'error', text: expect.stringMatching(/needs a service account token.*"Grafana API"/) },
    ]);
    expect(await without.healthCheck()).toEqual([
      { source: 'annotations', status: 'error', message: expect.stringMatching(/service account token/) },
    ]);
  });

  it.each([
    [401, /rejected the request \(401\)/],
    [403, /not allowed to read them \(403: Forbidden\).*annotations:read/],
    [500, /Grafana answered 500 \(a Grafana-side error: failed\)\. Check the Grafana server's log and refresh later\./],
  ])('%i is an error notice per kind; the other kind still arrives', async (status, expected) => {
    fake.scripted.push({
      status,
      body: { message: status === 403 ? 'Forbidden' : 'failed' },
      times: 3,
      match: (r) => r.query.getAll('tags')[0] === 'deploy',
    });
    const { events, notices } = await source().fetchEvents(RANGE);
    expect(events.deployments).toEqual([]);
    expect(events.incidents).toHaveLength(1);
    expect(notices).toEqual([{ severity: 'error', text: expect.stringMatching(expected) }]);
  });

  it('invalid settings are a notice and nothing is requested', async () => {
    const { notices } = await source({ deploymentTags: '', incidentTags: '' }).fetchEvents(RANGE);
    expect(notices[0].text).toMatch(/^Grafana annotations settings are invalid: deploymentTags: no tags mark/);
    expect(fake.requests).toEqual([]);
  });

  it('health: readable and how many deployment annotations in 30 days, or a warning when none', async () => {
    expect(await source().healthCheck()).toEqual([
      {
        source: 'annotations',
        status: 'ok',
        message: "readable with the viewer's session, 5 annotations tagged deploy in the last 30 days",
      },
    ]);
    expect(await source({ deploymentTags: 'deployed' }).healthCheck()).toEqual([
      {
        source: 'annotations',
        status: 'warning',
        message: expect.stringMatching(/none is tagged deployed in the last 30 days/),
      },
    ]);
  });
});
