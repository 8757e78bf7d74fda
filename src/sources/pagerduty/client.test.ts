/**
 * @jest-environment node
 *
 * PagerDutyClient and the incident reader against the fake PagerDuty on loopback: offset paging, windows split to
 * PagerDuty's 6-month limit and halved at its 10,000-item paging limit, 429 waited out (Retry-After, ratelimit-reset,
 * or backoff) within the deadline, errors mid-way, cancellation.
 */
import { nodeHttpClient } from '../testing/nodeHttp';
import { PagerDutyClient } from './client';
import { PagerDutyHttpError, PagerDutyRateLimitError } from './errors';
import { readIncidentState, windows } from './fetchIncidents';
import { IncidentsPage, PdIncident } from './apiTypes';
import { FakePagerDuty, startFakePagerDuty } from './testing/server';
import { FakeIncident, emptyWorld } from './testing/world';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-03-01T00:00:00Z');

function incidents(n: number, from: number, stepMs: number): FakeIncident[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `Q${i}`,
    number: i + 1,
    title: `Incident ${i}`,
    serviceId: 'PCHK',
    createdAt: new Date(from + i * stepMs).toISOString(),
    status: 'resolved' as const,
    urgency: 'high' as const,
    resolvedAt: new Date(from + i * stepMs + 60000).toISOString(),
    assignees: [],
    teamIds: [],
  }));
}

describe('PagerDutyClient', () => {
  let fake: FakePagerDuty;
  const sleeps: number[] = [];
  const client = (maxOffset?: number) =>
    new PagerDutyClient({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      now: () => NOW,
      maxOffset,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

  beforeEach(async () => {
    const world = emptyWorld();
    world.services = [{ id: 'PCHK', name: 'Checkout API', policyId: 'EP1', policyName: 'EP', teamIds: [] }];
    world.incidents = incidents(250, NOW - 10 * DAY, 1800 * 1000);
    fake = await startFakePagerDuty(world);
    sleeps.length = 0;
  });
  afterEach(() => fake.close());

  it('pages with offset and limit until more is false', async () => {
    const seen: string[] = [];
    const c = client();
    await c.pages<IncidentsPage, PdIncident>(
      '/incidents',
      { since: new Date(NOW - 11 * DAY).toISOString(), until: new Date(NOW).toISOString() },
      (p) => p.incidents,
      (items) => {
        seen.push(...items.map((i) => i.id));
        return 'continue';
      }
    );
    expect(seen).toHaveLength(250);
    expect(fake.requests.map((r) => new URL(`http://x${r.path}`).searchParams.get('offset'))).toEqual([
      '0',
      '100',
      '200',
    ]);
    expect(c.requestCount).toBe(3);
  });

  it('stops paging when the caller has enough', async () => {
    await client().pages<IncidentsPage, PdIncident>(
      '/incidents',
      { since: new Date(NOW - 11 * DAY).toISOString(), until: new Date(NOW).toISOString() },
      (p) => p.incidents,
      () => 'stop'
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('splits a long range into windows PagerDuty accepts (at most 6 months each)', async () => {
    const w = windows(NOW - 400 * DAY, NOW);
    expect(w.map((x) => Math.round((x.to - x.from) / DAY))).toEqual([180, 180, 40]);
    fake.world.incidents = incidents(3, NOW - 390 * DAY, 150 * DAY);
    const read = await readIncidentState(
      client(),
      { urgencies: ['high', 'low'] },
      'k',
      NOW - 400 * DAY,
      NOW,
      undefined,
      {}
    );
    expect(read.failures).toEqual([]);
    expect(Object.keys(read.state.incidents).sort()).toEqual(['Q0', 'Q1', 'Q2']);
    // The fake answers 400 to a span over 6 months: none was sent.
    expect(fake.requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(fake.requests.filter((r) => r.path.startsWith('/incidents?'))).toHaveLength(3);
  });

  it('halves a window that holds more than offset paging reaches (10,000; 1,000 here)', async () => {
    fake.knobs.maxOffset = 1000;
    fake.world.incidents = incidents(1050, NOW - 10 * DAY, 10 * 60 * 1000);
    const read = await readIncidentState(
      client(1000),
      { urgencies: ['high', 'low'] },
      'k',
      NOW - 11 * DAY,
      NOW,
      undefined,
      {}
    );
    expect(read.failures).toEqual([]);
    expect(read.truncated).toEqual([]);
    expect(Object.keys(read.state.incidents)).toHaveLength(1050);
    expect(fake.requests.filter((r) => r.status !== 200)).toEqual([]);
  });

  it('waits out a 429 for as long as Retry-After says, then goes on', async () => {
    fake.knobs.scripted.push({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { error: { message: 'Rate Limit Exceeded', code: 2020 } },
    });
    const answer = await client().get<{ abilities: string[] }>('/abilities');
    expect(answer.abilities).toEqual(['teams', 'urgencies']);
    expect(sleeps).toEqual([7000]);
  });

  it('uses ratelimit-reset, else backs off, on 429s', async () => {
    fake.knobs.scripted.push({ status: 429, headers: { 'ratelimit-reset': '12' } }, { status: 429 }, { status: 429 });
    await client().get('/abilities');
    expect(sleeps).toEqual([12000, 20000, 40000]);
  });

  it('gives up on a 429 it cannot wait out before the deadline, saying when the limit resets', async () => {
    fake.knobs.scripted.push({ status: 429, headers: { 'retry-after': '60' } });
    const error = await client()
      .get('/abilities', {}, { deadline: NOW + 30000 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PagerDutyRateLimitError);
    expect((error as PagerDutyRateLimitError).resetAt).toBe(NOW + 60000);
    expect(sleeps).toEqual([]);
  });

  it('retries 5xx with backoff and reports the status when they persist', async () => {
    fake.knobs.scripted.push({ status: 502, times: 2 });
    await client().get('/abilities');
    expect(sleeps).toEqual([1000, 2000]);
    fake.knobs.scripted.push({
      status: 503,
      times: 10,
      body: { error: { message: 'Service Unavailable', code: 2000 } },
    });
    const error = await client()
      .get('/abilities')
      .catch((e) => e);
    expect(error).toBeInstanceOf(PagerDutyHttpError);
    expect((error as PagerDutyHttpError).kind).toBe('server');
  });

  it('an error on a later page fails the list with the status and PagerDuty message', async () => {
    fake.knobs.scripted.push({
      match: (p) => p.indexOf('offset=100') >= 0,
      status: 403,
      body: { error: { message: 'Access Denied', code: 2010, errors: ['Not authorised for this service'] } },
    });
    const read = await readIncidentState(
      client(),
      { serviceIds: ['PCHK'], urgencies: ['high', 'low'] },
      'k',
      NOW - 11 * DAY,
      NOW,
      undefined,
      {}
    );
    expect(read.failures).toHaveLength(1);
    expect(read.failures[0]).toMatchObject({ list: 'incidents', serviceIds: ['PCHK'] });
    expect((read.failures[0].error as PagerDutyHttpError).detail).toBe(
      'Access Denied (Not authorised for this service)'
    );
    // What came before the failure is kept in the state (the caller does not keep an incomplete state).
    expect(Object.keys(read.state.incidents)).toHaveLength(100);
  });

  it('cancellation ends a held request at once, and the request itself is closed', async () => {
    fake.knobs.hold = (p) => p.startsWith('/abilities');
    const controller = new AbortController();
    const pending = client().get('/abilities', {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.held()).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.held()).toBe(0);
  });

  it('identical concurrent requests share one', async () => {
    const c = client();
    await Promise.all([c.get('/abilities'), c.get('/abilities'), c.get('/abilities')]);
    expect(fake.requests).toHaveLength(1);
  });
});
