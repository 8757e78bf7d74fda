/**
 * @jest-environment node
 *
 * The PagerDuty health check against the fake: key, services (each missing one named), and permissions.
 */
import { PagerDutySettings } from '../../settings/model';
import { nodeHttpClient } from '../testing/nodeHttp';
import { SnapshotStore } from './snapshot';
import { PagerDutySource } from './source';
import { shopWorld, T0 } from './testing/scenario';
import { FakePagerDuty, startFakePagerDuty } from './testing/server';

describe('PagerDuty health check', () => {
  let fake: FakePagerDuty;
  const check = (settings: PagerDutySettings) =>
    new PagerDutySource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, apiUrl: 'https://api.pagerduty.com', ...settings },
      now: () => T0,
      snapshots: new SnapshotStore(),
      sleep: async () => undefined,
    }).healthCheck();

  beforeEach(async () => {
    fake = await startFakePagerDuty(shopWorld());
  });
  afterEach(() => fake.close());

  it('is OK with a valid key and readable services, and reminds to use a read-only key', async () => {
    const items = await check({});
    expect(items.map((i) => i.status)).toEqual(['ok', 'ok']);
    expect(items[0].message).toMatch(/use a read-only API key/);
    expect(items[1].message).toBe('2 services readable: Checkout API, Search.');
  });

  it('names every configured service that does not exist', async () => {
    const items = await check({ serviceScope: 'services', services: 'Checkout API, Billing, PNOPE' });
    expect(items.filter((i) => i.status === 'error').map((i) => i.message)).toEqual([
      expect.stringMatching(/^service "Billing" was not found/),
      expect.stringMatching(/^service "PNOPE" was not found/),
    ]);
    expect(items.find((i) => i.status === 'ok' && /readable/.test(i.message))?.message).toBe(
      '1 service readable: Checkout API.'
    );
  });

  it('an invalid key is one error that says how to fix it', async () => {
    fake.knobs.scripted.push({ status: 401, times: 5, body: { error: { message: 'Unauthorized', code: 2006 } } });
    const items = await check({});
    expect(items).toEqual([
      {
        source: 'pagerduty',
        status: 'error',
        message: expect.stringMatching(
          /PagerDuty API key: PagerDuty rejected the API key \(401\)\. Set a valid read-only REST API key/
        ),
      },
    ]);
  });

  it('a key that may not read log entries or on-calls is a warning naming them', async () => {
    fake.knobs.scripted.push(
      {
        match: (p) => p.startsWith('/log_entries'),
        status: 403,
        body: { error: { message: 'Forbidden', code: 2010 } },
      },
      { match: (p) => p.startsWith('/oncalls'), status: 403, body: { error: { message: 'Forbidden', code: 2010 } } }
    );
    const items = await check({});
    expect(items.filter((i) => i.status === 'warning').map((i) => i.message)).toEqual([
      expect.stringMatching(/^PagerDuty log entries \(acknowledgements, notes\): the API key may not read this \(403/),
      expect.stringMatching(/^PagerDuty on-calls: the API key may not read this \(403/),
    ]);
  });

  it('teams scope on an account without the teams ability is an error', async () => {
    fake.world.abilities = ['urgencies'];
    const items = await check({ serviceScope: 'teams', teams: 'Payments' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'error', message: expect.stringMatching(/no "teams" ability/) });
  });
});
