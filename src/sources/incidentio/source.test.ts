/**
 * @jest-environment node
 *
 * IncidentIoSource against the fake incident.io on loopback: the requests it sends (filters, paging stopped at the
 * look-back start, a refresh asking only for updated incidents), bad answers (401, 403, 404, 429, 5xx) as notices
 * naming the fix with what was read kept, on-call from schedules, and the health check.
 */
import { SnapshotStore } from '../lists';
import { nodeHttpClient } from '../testing/nodeHttp';
import { IncidentIoSettings } from '../../settings/model';
import { IncidentIoSource } from './source';
import { CAUSE_FIELD, incidentWorld, ioTime, T0 } from './testing/scenario';
import { errorBody, FakeIncidentIo, startFakeIncidentIo } from './testing/server';

const DAY = 24 * 3600 * 1000;
const NOW = T0 + 7 * DAY;
const RANGE = { from: T0 - 30 * DAY, to: NOW };

describe('IncidentIoSource', () => {
  let fake: FakeIncidentIo;
  let now = NOW;
  beforeEach(async () => {
    now = NOW;
    fake = await startFakeIncidentIo(incidentWorld());
  });
  afterEach(() => fake.close());

  const source = (
    settings: IncidentIoSettings = { enabled: true },
    pageSize?: number,
    sleep: (ms: number) => Promise<void> = () => Promise.resolve()
  ) =>
    new IncidentIoSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings,
      now: () => now,
      snapshots: new SnapshotStore(),
      sleep,
      pageSize,
    });
  const incidentRequests = () => fake.requests.filter((r) => r.path === '/incidentio/api/v2/incidents');

  it('asks for the modes and a day before the look-back start, newest first, and stops paging at it', async () => {
    const s = source({ enabled: true }, 2);
    const { events, notices } = await s.fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(events.incidents.map((i) => i.id)).toEqual(['incidentio:INC-41', 'incidentio:INC-42', 'incidentio:INC-43']);
    const [first] = incidentRequests();
    expect(first.query.getAll('mode[one_of]')).toEqual(['standard', 'retrospective']);
    expect(first.query.get('created_at[gte]')).toBe('2026-01-02');
    expect(first.query.get('sort_by')).toBe('created_at_newest_first');
    // 4 incidents of the modes since 2026-01-02 (the declined one included) at 2 a page: the second page is the last.
    expect(incidentRequests().map((r) => r.query.get('after'))).toEqual([null, '01HQ0000000000000000000003']);
  });

  it('stops paging at the first incident older than the look-back start that the date filter lets through', async () => {
    // Look-back from 12:00: the date filter (2026-01-02) lets through incidents of that morning, older than it.
    const from = T0 - 30 * DAY + 12 * 3600 * 1000;
    fake.world.incidents[0].createdAt = ioTime(-31, 6);
    fake.world.incidents.push({
      ...fake.world.incidents[0],
      id: '01HP0000000000000000000000',
      createdAt: ioTime(-31, 3),
    });
    const { events } = await source({ enabled: true }, 1).fetchEvents({ from, to: NOW });
    expect(events.incidents).toHaveLength(3);
    // INC-44, 43, 42, 41, then the first too old: no request for the one after it.
    expect(incidentRequests()).toHaveLength(5);
  });

  it('a refresh asks only for incidents updated since the last read and keeps the rest', async () => {
    const s = source();
    await s.fetchEvents(RANGE);
    fake.world.incidents[3].status = { name: 'Closed', category: 'closed' };
    fake.world.incidents[3].updatedAt = ioTime(7, 0, 30);
    fake.world.incidents[3].timestamps = { 'Acknowledged at': ioTime(4, 8, 30), 'Resolved at': ioTime(6, 9) };
    now = NOW + 3600 * 1000;
    const { events } = await s.fetchEvents({ ...RANGE, to: now });
    const last = incidentRequests().pop()!;
    expect([last.query.get('updated_at[gte]'), last.query.get('created_at[gte]')]).toEqual(['2026-02-08', null]);
    expect(events.incidents.map((i) => [i.id, i.resolvedAt ?? null])).toEqual([
      ['incidentio:INC-41', Date.parse(ioTime(1, 10, 40))],
      ['incidentio:INC-42', Date.parse(ioTime(3, 14))],
      ['incidentio:INC-43', Date.parse(ioTime(6, 9))],
    ]);
  });

  it.each([
    [401, 'authentication_error', /rejected the API key \(401\).*Set a valid API key.*incident\.io section/],
    [403, 'authorization_error', /may not read this \(403: Not allowed\).*Viewer role/],
    [404, 'not_found', /not found \(404: Not allowed\)/],
    [500, 'internal_error', /answered 500 \(an incident\.io-side error: Not allowed\) after retries/],
  ])('an answer %i becomes a notice naming the fix', async (status, type, text) => {
    fake.scripted.push({ status, body: errorBody(status, type, 'code', 'Not allowed'), times: 10 });
    const { events, notices } = await source().fetchEvents(RANGE);
    expect(events.incidents).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ severity: 'error' });
    expect(notices[0].text).toMatch(/^incident\.io incidents: /);
    expect(notices[0].text).toMatch(text);
  });

  it('a 429 is waited out as Retry-After says; one that outlasts the timeout keeps what was read and says when to retry', async () => {
    fake.scripted.push({
      status: 429,
      headers: { 'Retry-After': '2' },
      body: errorBody(429, 'rate_limited', 'x', 'Slow down'),
    });
    const waited: number[] = [];
    const s = source({ enabled: true }, undefined, (ms) => {
      waited.push(ms);
      return Promise.resolve();
    });
    expect((await s.fetchEvents(RANGE)).events.incidents).toHaveLength(3);
    expect(waited).toEqual([2000]);

    const partial = source({ enabled: true, timeoutSeconds: 5 }, 2);
    fake.scripted.push({
      match: (r) => r.query.get('after') !== null,
      status: 429,
      headers: { 'Retry-After': '120' },
      body: errorBody(429, 'rate_limited', 'x', 'Slow down'),
    });
    const { events, notices } = await partial.fetchEvents(RANGE);
    expect(events.incidents.map((i) => i.id)).toEqual(['incidentio:INC-43']);
    expect(notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/data is incomplete, incident\.io's API rate limit \(429\).*resets at .* \(in 2 min\)/),
    ]);
  });

  it('invalid settings are a notice, not a request', async () => {
    const { notices } = await source({ enabled: true, modes: 'drill', timeoutSeconds: 0 }).fetchEvents(RANGE);
    expect(notices.map((n) => n.text)).toEqual([
      'incident.io settings are invalid: modes: mode "drill" is unknown; use standard, retrospective, test, tutorial (default standard, retrospective). timeoutSeconds: timeoutSeconds 0 must be between 1 and 600.',
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('filters by severity and type; the type can be the service; test incidents only when their mode is read', async () => {
    const severe = await source({ enabled: true, severities: 'critical' }).fetchEvents(RANGE);
    expect(severe.events.incidents.map((i) => i.id)).toEqual(['incidentio:INC-41']);
    const typed = await source({ enabled: true, incidentTypes: 'Security', serviceFrom: 'incidentType' }).fetchEvents(
      RANGE
    );
    expect(typed.events.incidents.map((i) => [i.id, i.service])).toEqual([['incidentio:INC-43', 'Security']]);
    const tests = await source({ enabled: true, modes: 'test' }).fetchEvents(RANGE);
    expect(tests.events.incidents.map((i) => [i.id, i.labels])).toEqual([
      ['incidentio:INC-45', ['status:Closed', 'mode:test', 'Affected services:Checkout API']],
    ]);
  });

  it('on call: the current shifts of the listed schedules, a missing schedule named', async () => {
    now = T0 + 6 * DAY + 10 * 3600 * 1000;
    const { owners, notices } = await source({ enabled: true, schedules: 'checkout api, Nope' }).onCall();
    expect(owners).toEqual([
      {
        service: 'Checkout API',
        level: 1,
        user: 'Ana Lopez',
        schedule: 'Checkout API',
        start: Date.parse(ioTime(6, 9)),
        end: Date.parse(ioTime(7, 9)),
        source: 'incidentio',
      },
    ]);
    expect(notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/^incident\.io schedule "Nope" was not found.*Fix the schedule list/),
    ]);
    const all = await source().onCall();
    expect(all.owners.map((o) => [o.service, o.user])).toEqual([
      ['Checkout API', 'Ana Lopez'],
      ['Search primary', 'Ben Okafor'],
      ['Search primary', 'Chen Wei'],
    ]);
  });

  it('on call: schedules that cannot be read are a notice', async () => {
    fake.scripted.push({
      status: 403,
      body: errorBody(403, 'authorization_error', 'x', 'Missing scope schedules_reader'),
    });
    const { owners, notices } = await source().onCall();
    expect(owners).toEqual([]);
    expect(notices[0].text).toMatch(/^incident\.io schedules: the API key may not read this \(403: Missing scope/);
  });

  it('health: the key and its roles, incidents, and each named field, timestamp, severity, type and schedule', async () => {
    const items = await source({
      enabled: true,
      causeField: CAUSE_FIELD,
      severities: 'Critical, Sev0',
      resolvedTimestamps: 'Fixed',
      schedules: 'Checkout API',
    }).healthCheck();
    expect(items.map((i) => [i.status, i.message])).toEqual([
      ['ok', 'API key "Grafana DORA (read-only)" is valid (roles: viewer, schedules_reader).'],
      ['ok', 'Incidents can be read (modes standard, retrospective).'],
      ['ok', 'service field: custom field "Affected services" exists.'],
      ['ok', 'cause field: custom field "Caused by" exists.'],
      ['ok', 'impact start timestamp: timestamp "Impact started" exists.'],
      ['ok', 'acknowledged timestamp: timestamp "Acknowledged" exists.'],
      [
        'warning',
        'resolved timestamp: no timestamp is named "Fixed"; type the name as incident.io shows it in Settings (incident.io section of the data source settings).',
      ],
      ['ok', 'severity: severity "critical" exists.'],
      [
        'warning',
        'severity: no severity is named "sev0"; type the name as incident.io shows it in Settings (incident.io section of the data source settings).',
      ],
      ['ok', 'schedules Checkout API exist.'],
    ]);
  });

  it('health: a rejected key stops there; a key that can write is a warning', async () => {
    fake.scripted.push({ status: 401, body: errorBody(401, 'authentication_error', 'x', 'Invalid key') });
    expect((await source().healthCheck()).map((i) => [i.status, i.message])).toEqual([
      ['error', expect.stringMatching(/^incident\.io API key: incident\.io rejected the API key \(401\)/)],
    ]);
    fake.world.key.roles = ['viewer', 'incident_editor'];
    const [key] = await source().healthCheck();
    expect(key.status).toBe('warning');
    expect(key.message).toMatch(/may change incident\.io \(incident_editor\).*only the Viewer role/);
  });

  it('never puts the API key anywhere: the proxy adds it', async () => {
    await source().fetchEvents(RANGE);
    expect(fake.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });
});
