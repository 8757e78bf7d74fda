/**
 * @jest-environment node
 *
 * JiraSource and JiraClient against the fake Jira on loopback: the field mapping, Cloud's nextPageToken and Data
 * Center's startAt paging with only the needed fields, the changelog only when status times are needed, 429 waited
 * out, errors as notices, cancellation, the unchanged refresh, and the health check.
 */
import { JiraSettings } from '../../settings/model';
import { nodeHttpClient } from '../testing/nodeHttp';
import { JiraSnapshots, JiraSource } from './source';
import { CAUSE, IMPACT_START, incidentWorld, jiraTime, PRIYA, T0 } from './testing/scenario';
import { FakeJira, startFakeJira } from './testing/server';

const DAY = 24 * 3600 * 1000;
const NOW = T0 + 7 * DAY;
const RANGE = { from: T0 - 30 * DAY, to: NOW };
const CLOUD: JiraSettings = {
  enabled: true,
  url: 'https://acme.atlassian.net',
  deployment: 'cloud',
  email: 'dora@acme.test',
  impactStartField: IMPACT_START,
  acknowledgedField: 'status',
  causeField: CAUSE,
};

describe('JiraSource', () => {
  let fake: FakeJira;
  let clock = NOW;
  const sleeps: number[] = [];
  const source = (settings: JiraSettings, snapshots = new JiraSnapshots()) =>
    new JiraSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings,
      now: () => clock,
      snapshots,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  const params = (i: number) => new URL(`http://x${fake.requests[i].path}`).searchParams;

  beforeEach(async () => {
    fake = await startFakeJira(incidentWorld());
    clock = NOW;
    sleeps.length = 0;
  });
  afterEach(() => fake.close());

  it('maps incidents by the field mapping: service, severity, impact start, acknowledgement, resolution, cause', async () => {
    const { events, notices } = await source(CLOUD).fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(events.incidents).toEqual([
      {
        id: 'jira:INC-1',
        title: 'Checkout errors above 5%',
        service: 'Checkout API',
        createdAt: Date.parse(jiraTime(1, 10).replace('+0000', 'Z')),
        startedAt: T0 + DAY + 9 * 3600000 + 50 * 60000,
        acknowledgedAt: T0 + DAY + 10 * 3600000 + 4 * 60000,
        resolvedAt: T0 + DAY + 10 * 3600000 + 40 * 60000,
        severity: 'highest',
        owner: PRIYA.displayName,
        url: 'https://acme.atlassian.net/browse/INC-1',
        source: 'jira',
        labels: ['customer-facing', 'priority:Highest', 'component:Checkout API', 'status:Done'],
      },
      expect.objectContaining({ id: 'jira:INC-2', severity: 'high', cause: { deploymentId: 'dep-2' } }),
      expect.objectContaining({ id: 'jira:INC-3', service: 'Search', acknowledgedAt: T0 + 4 * DAY + 8.5 * 3600000 }),
    ]);
    expect(events.incidents[2].resolvedAt).toBeUndefined();
    // One search with only the fields the mapping reads, the changelog (status times), the default JQL, widened a day.
    expect(fake.requests).toHaveLength(1);
    expect(params(0).get('jql')).toBe('(issuetype = Incident) AND created >= "2026-01-02" ORDER BY created ASC');
    expect(params(0).get('fields')).toBe(
      `summary,created,updated,status,priority,labels,components,issuelinks,resolutiondate,assignee,${IMPACT_START},${CAUSE}`
    );
    expect(params(0).get('expand')).toBe('changelog');
  });

  it('asks for no changelog when no status time is needed; service from labels or a custom field', async () => {
    const world = fake.world;
    world.issues[0].labels.push('service:checkout');
    world.issues[1].custom = { ...world.issues[1].custom, customfield_10070: { value: 'payments' } };
    const byLabel = await source({ ...CLOUD, acknowledgedField: undefined, serviceField: 'labels' }).fetchEvents(RANGE);
    expect(params(0).get('expand')).toBeNull();
    expect(byLabel.events.incidents.map((i) => i.service ?? null)).toEqual(['checkout', null, null]);
    const byField = await source({
      ...CLOUD,
      serviceField: 'customfield_10070',
      severityField: 'priority',
    }).fetchEvents(RANGE);
    expect(byField.events.incidents.map((i) => i.service ?? null)).toEqual([null, 'payments', null]);
  });

  it('pages with nextPageToken on Cloud and startAt on Data Center', async () => {
    fake.knobs.pageSize = 1;
    const cloud = await source(CLOUD).fetchEvents(RANGE);
    expect(cloud.events.incidents).toHaveLength(3);
    expect(fake.requests.map((r) => new URL(`http://x${r.path}`).searchParams.get('nextPageToken'))).toEqual([
      null,
      '1',
      '2',
    ]);
    fake.requests.length = 0;
    const dc = await source({
      ...CLOUD,
      deployment: 'datacenter',
      url: 'https://jira.acme.test',
      email: undefined,
    }).fetchEvents(RANGE);
    expect(dc.events.incidents.map((i) => i.url)).toEqual(
      [1, 2, 3].map((n) => `https://jira.acme.test/browse/INC-${n}`)
    );
    expect(fake.requests.map((r) => r.path.replace(/\?.*/, ''))).toEqual([
      '/rest/api/2/search',
      '/rest/api/2/search',
      '/rest/api/2/search',
    ]);
    expect(fake.requests.map((r) => new URL(`http://x${r.path}`).searchParams.get('startAt'))).toEqual(['0', '1', '2']);
  });

  it('waits out a 429 as Retry-After says', async () => {
    fake.knobs.scripted.push({ status: 429, headers: { 'retry-after': '5' } });
    const { events, notices } = await source(CLOUD).fetchEvents(RANGE);
    expect(notices).toEqual([]);
    expect(events.incidents).toHaveLength(3);
    expect(sleeps).toEqual([5000]);
  });

  it.each([
    [401, /rejected the credentials \(401\)/],
    [403, /may not read this \(403/],
    [400, /refused the query \(400: The value 'NOPE' does not exist/],
    [502, /answered 502/],
  ])('a %i mid-way is a notice naming the query; nothing half-read is kept', async (status, text) => {
    fake.knobs.pageSize = 1;
    fake.knobs.scripted.push({
      match: (p) => p.indexOf('nextPageToken=1') >= 0,
      status,
      times: 10,
      body: {
        errorMessages: status === 400 ? ["The value 'NOPE' does not exist for the field 'project'."] : ['no'],
        errors: {},
      },
    });
    const { events, notices } = await source(CLOUD).fetchEvents(RANGE);
    expect(events.incidents).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/^Jira incidents \(issuetype = Incident\): /);
    expect(notices[0].text).toMatch(text);
  });

  it('an unchanged refresh is one request for issues updated since the last read', async () => {
    const snapshots = new JiraSnapshots();
    const first = await source(CLOUD, snapshots).fetchEvents(RANGE);
    clock += 5 * 60000;
    const second = await source(CLOUD, snapshots).fetchEvents({ ...RANGE, to: clock });
    expect(fake.requests).toHaveLength(2);
    expect(params(1).get('jql')).toBe('(issuetype = Incident) AND updated >= "2026-02-08" ORDER BY created ASC');
    expect(second.events).toEqual(first.events);
  });

  it('cancellation ends a held search at once', async () => {
    fake.knobs.hold = () => true;
    const controller = new AbortController();
    const pending = source(CLOUD).fetchEvents(RANGE, controller.signal);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('invalid settings are one notice naming each field, and nothing is requested', async () => {
    const { notices } = await source({
      enabled: true,
      url: 'jira.acme',
      deployment: 'cloud',
      serviceField: 'team',
    }).fetchEvents(RANGE);
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/url "jira.acme" is not an https site URL/);
    expect(notices[0].text).toMatch(/email "" is not an email address/);
    expect(notices[0].text).toMatch(/serviceField "team" is not components, labels or a custom field id/);
    expect(fake.requests).toEqual([]);
  });

  it('health: signed-in user, JQL that runs, configured custom fields that exist (each named)', async () => {
    const ok = await source(CLOUD).healthCheck();
    expect(ok.map((i) => i.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(ok[0].message).toMatch(/as DORA reader/);
    const bad = await source({ ...CLOUD, jql: 'project = NOPE', causeField: 'customfield_99999' }).healthCheck();
    expect(bad.filter((i) => i.status === 'error').map((i) => i.message)).toEqual([
      expect.stringMatching(
        /^Jira JQL "project = NOPE": Jira refused the query \(400: The value 'NOPE' does not exist/
      ),
      expect.stringMatching(/^cause field customfield_99999 does not exist/),
    ]);
    fake.knobs.scripted.push({ status: 401, body: { errorMessages: ['Unauthorized'] } });
    const denied = await source(CLOUD).healthCheck();
    expect(denied).toEqual([
      {
        source: 'jira',
        status: 'error',
        message: expect.stringMatching(/^Jira credentials: Jira rejected the credentials/),
      },
    ]);
  });

  it('sends no credentials of its own (the proxy route adds them)', async () => {
    await source(CLOUD).fetchEvents(RANGE);
    expect(fake.requests.every((r) => r.authorization === undefined)).toBe(true);
  });
});
