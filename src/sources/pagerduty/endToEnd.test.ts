/**
 * From fake PagerDuty answers to frames: PagerDutySource (+ a week of deployments of the same service) -> attribute
 * -> computeScorecard / computeMetric -> frames, on the hand-made week of testing/scenario.ts. Every expected number
 * is worked out by hand below. Runs in jest's default jsdom environment (the frames need it).
 */
import { nodeHttpClient } from '../testing/nodeHttp';
import { scoreWeek, WEEK } from '../testing/incidentWeek';
import { SnapshotStore } from './snapshot';
import { PagerDutySource } from './source';
import { shopWorld } from './testing/scenario';
import { FakePagerDuty, startFakePagerDuty } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;

describe('PagerDuty end to end: fake PagerDuty -> engine -> frames', () => {
  let fake: FakePagerDuty;
  beforeAll(async () => {
    fake = await startFakePagerDuty(shopWorld());
  });
  afterAll(() => fake.close());

  it('gives the hand-checked time to acknowledge, time to restore and change fail rate', async () => {
    const source = new PagerDutySource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      // Low-urgency incidents do not count: I4 is left out.
      settings: { enabled: true, apiUrl: 'https://api.pagerduty.com', urgencies: 'high' },
      now: () => WEEK.to,
      snapshots: new SnapshotStore(),
    });
    const { events: incidents, notices } = await source.fetchEvents({ from: WEEK.from - 30 * DAY, to: WEEK.to });
    expect(notices).toEqual([]);
    // The week (../testing/incidentWeek.ts): checkout deploys at 09:00 Tuesday to Friday (dep-1 .. dep-4);
    // PagerDuty's "Checkout API" is the catalog's checkout, Search is not in the catalog.
    const { attributed, row, changeFailRateInFrame, medianAckInFrame } = scoreWeek(incidents);

    // Incidents: I1 (Checkout API -> checkout) impact 09:50 Tue, created 10:00, acked 10:04 (first of two log
    // acknowledgements), resolved 10:40; I2 (checkout) created Thu 12:00, acked 12:10, resolved 14:00, a note names
    // dep-2; I3 (Search, open) created Fri 08:00, acked 08:30.
    // Time to acknowledge: 4, 10, 30 min -> median 10 min.
    // Time to restore (resolved - impact start, else created): I1 50 min, I2 120 min (I3 open) -> median 85 min.
    // Change fail rate: dep-1 failed (I1, same service, 50 min after it), dep-2 failed (I2 names it) -> 2 of 4.
    // Recovery: dep-1 09:50 -> 10:40 = 50 min; dep-2: its failure starts with I2 (12:00 Thu) -> 14:00 = 120 min.
    expect(row).toMatchObject({
      deployments: 4,
      changeFailRate: 0.5,
      timeToRestoreMedianMs: 85 * MIN,
      recoveryMedianMs: 85 * MIN,
    });
    const links = attributed.incidents.map((i) => [i.incident.id, i.link.deploymentId, i.link.method]);
    expect(links).toEqual([
      ['pagerduty:I1', 'dep-1', 'service-window'],
      ['pagerduty:I2', 'dep-2', 'explicit'],
      ['pagerduty:I3', null, 'none'],
    ]);

    expect(changeFailRateInFrame).toBe(0.5);
    expect(medianAckInFrame).toEqual([10 * MIN]);

    // Severity carries through to the attributed incidents (what severity filters and grouping read).
    const bySeverity = attributed.incidents.map((i) => [i.incident.severity, i.timeToRestoreMs]);
    expect(bySeverity).toEqual([
      ['p1', 50 * MIN],
      ['p2', 120 * MIN],
      ['high', null],
    ]);
    expect(attributed.incidents.map((i) => i.timeToAcknowledgeMs)).toEqual([4 * MIN, 10 * MIN, 30 * MIN]);
  });
});
