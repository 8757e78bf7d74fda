/**
 * @jest-environment node
 *
 * ArgoCdSource and its client against the fake Argo CD on loopback: what is asked (route, projects), what comes
 * back, errors as notices naming the fix, retries of 5xx, cancellation, and the health check.
 */
import { nodeHttpClient } from '../testing/nodeHttp';
import { ArgoCdSource } from './source';
import { runtimeError } from './testing/applications';
import { SHA, shopApps, T0 } from './testing/scenario';
import { FakeArgoCd, startFakeArgoCd } from './testing/server';

const DAY = 24 * 3600 * 1000;
const RANGE = { from: T0 - 30 * DAY, to: T0 + 7 * DAY };
const noSleep = () => Promise.resolve();

describe('ArgoCdSource against a fake Argo CD', () => {
  let fake: FakeArgoCd;
  beforeEach(async () => {
    fake = await startFakeArgoCd(shopApps());
  });
  afterEach(() => fake.close());

  const source = (settings: Record<string, unknown> = {}) =>
    new ArgoCdSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, url: 'https://argocd.example.com', ...settings },
      now: () => T0 + 7 * DAY,
      sleep: noSleep,
    });

  it('reads every application through the argocd route in one request', async () => {
    const { events, notices } = await source({ environmentFrom: 'label', environmentLabel: 'env' }).fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /argocd/api/v1/applications']);
    expect(events.deployments).toHaveLength(8);
    expect(events.changes).toEqual([]);
  });

  it('asks Argo CD for the configured projects, and filters names by the pattern itself', async () => {
    const byProject = await source({ applications: 'projects', projects: 'billing' }).fetchEvents(RANGE);
    expect(fake.requests[0].query.getAll('projects')).toEqual(['billing']);
    expect(byProject.events.deployments.map((d) => d.title)).toEqual(['billing-prod']);

    const byName = await source({ applications: 'pattern', namePattern: 'staging$' }).fetchEvents(RANGE);
    expect(byName.events.deployments.map((d) => d.title)).toEqual(['checkout-staging']);
  });

  it('leaves out deployments after the range end', async () => {
    const { events } = await source().fetchEvents({ from: RANGE.from, to: T0 + 2 * DAY });
    expect(events.deployments.map((d) => d.sha)).toEqual([SHA.a1, SHA.b2, SHA.a1]);
  });

  it('retries a 5xx and then answers', async () => {
    fake.scripted.push({ status: 503, body: runtimeError(14, 'upstream connect error'), times: 2 });
    const { events, notices } = await source().fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(events.deployments).toHaveLength(8);
    expect(fake.requests).toHaveLength(3);
  });

  it.each([
    [401, 'invalid session: token is expired', /rejected the token \(401\)\. Generate a token for a read-only account/],
    [400, 'Authentication to data source failed', /rejected the token \(400\)/],
    [403, 'permission denied', /may not read applications \(403: permission denied\).*role:readonly/],
    [404, 'Not Found', /answered 404 .*Check the Argo CD URL/],
    [500, 'boom', /answered 500 \(a server-side error: boom\) after retries/],
  ])('%i becomes an error notice naming the fix', async (status, message, expected) => {
    fake.scripted.push({ status, body: runtimeError(16, message), times: 5 });
    const { events, notices } = await source().fetchEvents(RANGE);
    expect(events.deployments).toEqual([]);
    expect(notices).toEqual([{ severity: 'error', text: expect.stringMatching(expected) }]);
  });

  it('invalid settings are a notice, and nothing is requested', async () => {
    const { notices } = await source({ url: 'not a url' }).fetchEvents(RANGE);
    expect(notices).toEqual([
      { severity: 'error', text: expect.stringMatching(/^Argo CD settings are invalid: url:/) },
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('a cancelled query rejects with AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(source().fetchEvents(RANGE, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an unreachable server is a notice naming the URL setting', async () => {
    await fake.close();
    const { notices } = await source().fetchEvents(RANGE);
    expect(notices[0].text).toMatch(/Argo CD could not be reached .*Check the Argo CD URL/);
    fake = await startFakeArgoCd([]);
  });

  describe('health check', () => {
    it('reports the account and the applications, and that the token is read-only', async () => {
      // checkout-prod is OutOfSync after its failed sync; the other two are Synced.
      expect(await source().healthCheck()).toEqual([
        { source: 'argocd', status: 'ok', message: 'reachable as grafana, 3 applications (2 synced)' },
      ]);
      expect(fake.requests.map((r) => r.path)).toEqual([
        '/argocd/api/v1/session/userinfo',
        '/argocd/api/v1/applications',
        '/argocd/api/v1/account/can-i/applications/sync/*/*',
        '/argocd/api/v1/account/can-i/applications/delete/*/*',
        '/argocd/api/v1/account/can-i/applications/update/*/*',
      ]);
    });

    it('warns when the token may sync or delete, and when no application is visible', async () => {
      fake.allowed = ['get', 'sync', 'delete'];
      const items = await source({ applications: 'projects', projects: 'nothing' }).healthCheck();
      expect(items).toEqual([
        {
          source: 'argocd',
          status: 'warning',
          message: expect.stringMatching(/sees no application in project nothing/),
        },
        {
          source: 'argocd',
          status: 'warning',
          message: expect.stringMatching(/may sync, delete applications.*read-only account/),
        },
      ]);
    });

    it('a rejected token is an error; invalid settings too', async () => {
      fake.scripted.push({ status: 401, body: runtimeError(16, 'no session information') });
      expect(await source().healthCheck()).toEqual([
        { source: 'argocd', status: 'error', message: expect.stringMatching(/rejected the token/) },
      ]);
      expect(await source({ url: '' }).healthCheck()).toEqual([
        { source: 'argocd', status: 'error', message: expect.stringMatching(/url is empty/) },
      ]);
    });
  });
});
