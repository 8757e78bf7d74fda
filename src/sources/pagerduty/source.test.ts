/**
 * @jest-environment node
 *
 * PagerDutySource against the fake PagerDuty on loopback, on the hand-made week (testing/scenario.ts): the incidents
 * it maps, the settings that select services and urgencies, notices per service, the unchanged refresh, on-call.
 */
import { PagerDutySettings } from '../../settings/model';
import { nodeHttpClient } from '../testing/nodeHttp';
import { SnapshotStore } from './snapshot';
import { PagerDutySource } from './source';
import { at, shopWorld, T0 } from './testing/scenario';
import { FakePagerDuty, startFakePagerDuty } from './testing/server';

const DAY = 24 * 3600 * 1000;
const NOW = T0 + 7 * DAY;
const RANGE = { from: T0 - 30 * DAY, to: NOW };

describe('PagerDutySource', () => {
  let fake: FakePagerDuty;
  let clock = NOW;
  const source = (settings: PagerDutySettings, snapshots = new SnapshotStore()) =>
    new PagerDutySource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, apiUrl: 'https://api.pagerduty.com', ...settings },
      now: () => clock,
      snapshots,
      sleep: async () => undefined,
    });

  beforeEach(async () => {
    fake = await startFakePagerDuty(shopWorld());
    clock = NOW;
  });
  afterEach(() => fake.close());

  it('maps every incident of all services, with acknowledgement, resolution, severity, labels and causes', async () => {
    const { events, notices } = await source({}).fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(events.incidents.map((i) => i.id)).toEqual(['pagerduty:I1', 'pagerduty:I2', 'pagerduty:I3', 'pagerduty:I4']);
    const [i1, i2, i3, i4] = events.incidents;
    expect(i1).toEqual({
      id: 'pagerduty:I1',
      service: 'Checkout API',
      title: 'Checkout errors above 5%',
      startedAt: Date.parse(at(1, 9, 50)),
      createdAt: Date.parse(at(1, 10)),
      acknowledgedAt: Date.parse(at(1, 10, 4)),
      resolvedAt: Date.parse(at(1, 10, 40)),
      severity: 'p1',
      url: 'https://acme.pagerduty.com/incidents/I1',
      source: 'pagerduty',
      labels: ['urgency:high', 'priority:P1', 'team:Payments', 'assignee:Ana Lopez'],
      owner: 'Ana Lopez',
    });
    expect(i2).toMatchObject({
      severity: 'p2',
      acknowledgedAt: Date.parse(at(3, 12, 10)),
      cause: { deploymentId: 'dep-2' },
    });
    // Open: acknowledged (from the incident's acknowledgement data and the log), not resolved; no priority -> urgency.
    expect(i3).toMatchObject({
      service: 'Search',
      severity: 'high',
      acknowledgedAt: Date.parse(at(4, 8, 30)),
      labels: ['urgency:high', 'team:Discovery', 'assignee:Chen Wei'],
    });
    expect(i3.resolvedAt).toBeUndefined();
    expect(i4).toMatchObject({ severity: 'low', labels: ['urgency:low', 'team:Payments'] });
    expect(i4.acknowledgedAt).toBeUndefined();
  });

  it('reads the listed services by name or ID, counts only the chosen urgencies and priorities', async () => {
    const high = await source({ serviceScope: 'services', services: 'checkout api', urgencies: 'high' }).fetchEvents(
      RANGE
    );
    expect(high.notices).toEqual([]);
    expect(high.events.incidents.map((i) => i.id)).toEqual(['pagerduty:I1', 'pagerduty:I2']);
    const urgencyParams = fake.requests
      .filter((r) => r.path.startsWith('/incidents?'))
      .map((r) => new URL(`http://x${r.path}`).searchParams);
    expect(
      urgencyParams.every(
        (p) => p.getAll('urgencies[]').join() === 'high' && p.getAll('service_ids[]').join() === 'PCHK'
      )
    ).toBe(true);
    const p1 = await source({ serviceScope: 'services', services: 'PCHK, PSRCH', priorities: 'P1' }).fetchEvents(RANGE);
    expect(p1.events.incidents.map((i) => i.id)).toEqual(['pagerduty:I1']);
    const bySeverity = await source({ severityFrom: 'urgency' }).fetchEvents(RANGE);
    expect(bySeverity.events.incidents.map((i) => i.severity)).toEqual(['high', 'high', 'high', 'low']);
  });

  it('reads the services of the listed teams', async () => {
    const { events, notices } = await source({ serviceScope: 'teams', teams: 'Discovery' }).fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(events.incidents.map((i) => i.id)).toEqual(['pagerduty:I3']);
  });

  it('names a listed service or team that does not exist, and still reads the others', async () => {
    const { events, notices } = await source({
      serviceScope: 'services',
      services: 'Checkout API\nBilling',
    }).fetchEvents(RANGE);
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/PagerDuty service "Billing" was not found/);
    expect(events.incidents.map((i) => i.id)).toEqual(['pagerduty:I1', 'pagerduty:I2', 'pagerduty:I4']);
    const teams = await source({ serviceScope: 'teams', teams: 'Nobody' }).fetchEvents(RANGE);
    expect(teams.notices.map((n) => n.text)).toEqual([expect.stringMatching(/PagerDuty team "Nobody" was not found/)]);
  });

  it.each([
    [401, /rejected the API key \(401\)/],
    [403, /may not read this \(403/],
    [404, /not found \(404\)/],
    [500, /answered 500 \(a PagerDuty-side error/],
  ])(
    'a %i on one group of services is a notice naming them; incidents of the others still arrive',
    async (status, text) => {
      fake.knobs.scripted.push({
        match: (p) => p.startsWith('/incidents?') && p.indexOf('service_ids%5B%5D=PSRCH') >= 0,
        status,
        times: 10,
        body: { error: { message: 'no', code: 2000 } },
      });
      // One service per request here, so the failure is the Search service's alone.
      const many = Array.from({ length: 24 }, (_, i) => `X${i}`);
      fake.world.services.push(
        ...many.map((id) => ({ id, name: `Extra ${id}`, policyId: 'EP9', policyName: 'x', teamIds: [] }))
      );
      const { events, notices } = await source({
        serviceScope: 'services',
        services: ['PCHK', ...many, 'PSRCH'].join(','),
      }).fetchEvents(RANGE);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ severity: 'error' });
      expect(notices[0].text).toMatch(/^PagerDuty incidents of service Search: /);
      expect(notices[0].text).toMatch(text);
      expect(events.incidents.map((i) => i.id)).toEqual(['pagerduty:I1', 'pagerduty:I2', 'pagerduty:I4']);
    }
  );

  it('log entries that cannot be read leave acknowledgements out and say so', async () => {
    fake.knobs.scripted.push({
      match: (p) => p.startsWith('/log_entries'),
      status: 403,
      body: { error: { message: 'Forbidden', code: 2010 } },
    });
    const { events, notices } = await source({}).fetchEvents(RANGE);
    expect(notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/^PagerDuty log entries: .*403.*acknowledgements and notes are missing/),
    ]);
    expect(events.incidents).toHaveLength(4);
    expect(events.incidents[0].acknowledgedAt).toBeUndefined();
  });

  it('an unchanged refresh asks only for new incidents, open ones and new log entries', async () => {
    const snapshots = new SnapshotStore();
    const first = await source({}, snapshots).fetchEvents(RANGE);
    const before = fake.requests.length;
    clock += 5 * 60 * 1000;
    const second = await source({}, snapshots).fetchEvents({ ...RANGE, to: clock });
    const paths = fake.requests.slice(before).map((r) => r.path.replace(/\?.*/, ''));
    expect(paths.sort()).toEqual(['/incidents', '/incidents', '/log_entries']);
    expect(second.events).toEqual(first.events);
  });

  it('a refresh sees an open incident resolved and a new one', async () => {
    const snapshots = new SnapshotStore();
    await source({}, snapshots).fetchEvents(RANGE);
    const i3 = fake.world.incidents.find((i) => i.id === 'I3')!;
    i3.status = 'resolved';
    i3.resolvedAt = at(6, 10);
    fake.world.incidents.push({
      ...i3,
      id: 'I5',
      number: 105,
      status: 'triggered',
      createdAt: at(7, 0, 2),
      resolvedAt: undefined,
    });
    clock += 5 * 60 * 1000;
    const { events } = await source({}, snapshots).fetchEvents({ ...RANGE, to: clock });
    expect(events.incidents.find((i) => i.id === 'pagerduty:I3')?.resolvedAt).toBe(Date.parse(at(6, 10)));
    expect(events.incidents.map((i) => i.id)).toContain('pagerduty:I5');
    expect(fake.requests.some((r) => r.path.startsWith('/incidents/I3?'))).toBe(true);
  });

  it('says who is on call now for each service, every escalation level', async () => {
    const { owners, notices } = await source({}).onCall();
    expect(notices).toEqual([]);
    expect(owners).toEqual([
      {
        service: 'Checkout API',
        escalationPolicy: 'Checkout on-call',
        level: 1,
        user: 'Ana Lopez',
        userUrl: 'https://acme.pagerduty.com/users/UANALOP',
        schedule: 'Payments primary',
        start: Date.parse(at(6, 9)),
        end: Date.parse(at(13, 9)),
        source: 'pagerduty',
      },
      {
        service: 'Checkout API',
        escalationPolicy: 'Checkout on-call',
        level: 2,
        user: 'Dana Smith',
        userUrl: 'https://acme.pagerduty.com/users/UDANASM',
        source: 'pagerduty',
      },
      expect.objectContaining({ service: 'Search', level: 1, user: 'Chen Wei' }),
    ]);
  });

  it('on-call errors are notices naming the services', async () => {
    fake.knobs.scripted.push({
      match: (p) => p.startsWith('/oncalls'),
      status: 403,
      body: { error: { message: 'Forbidden', code: 2010 } },
    });
    const { owners, notices } = await source({}).onCall();
    expect(owners).toEqual([]);
    expect(notices[0].text).toMatch(/^PagerDuty on-call of Checkout API, Search: the API key may not read this \(403/);
  });

  it('invalid settings are one error notice, and nothing is requested', async () => {
    const { events, notices } = await source({
      apiUrl: 'http://api.pagerduty.com',
      serviceScope: 'services',
    }).fetchEvents(RANGE);
    expect(events.incidents).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/apiUrl "http:\/\/api.pagerduty.com" is not an https API URL/);
    expect(notices[0].text).toMatch(/services: no service listed/);
    expect(fake.requests).toEqual([]);
  });

  it('sends requests only below the proxy route, never with a key of its own', async () => {
    await source({}).fetchEvents(RANGE);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.authorization === undefined)).toBe(true);
  });
});
