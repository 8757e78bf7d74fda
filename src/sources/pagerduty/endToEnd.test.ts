/**
 * From fake PagerDuty answers to frames: PagerDutySource (+ a week of deployments of the same service) -> attribute
 * -> computeScorecard / computeMetric -> frames, on the hand-made week of testing/scenario.ts. Every expected number
 * is worked out by hand below. Runs in jest's default jsdom environment (the frames need it).
 */
import { attribute, computeMetric, computeScorecard, Deployment, mergeEvents, ServiceCatalog, UTC } from '../../engine';
import { metricFrames } from '../../frames/metricFrames';
import { scorecardFrame } from '../../frames/scorecardFrame';
import { nodeHttpClient } from '../testing/nodeHttp';
import { SnapshotStore } from './snapshot';
import { PagerDutySource } from './source';
import { at, shopWorld, T0 } from './testing/scenario';
import { FakePagerDuty, startFakePagerDuty } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const WEEK = { from: T0, to: T0 + 7 * DAY };

/** Production deployments of checkout at 09:00 on Tuesday to Friday: dep-1 .. dep-4. */
function deployments(): Deployment[] {
  return [1, 2, 3, 4].map((day) => ({
    id: `dep-${day}`,
    service: 'checkout',
    environment: 'production',
    repo: 'acme/shop',
    sha: `${day}`.repeat(7),
    finishedAt: Date.parse(at(day, 9)),
    status: 'success' as const,
    source: 'json',
  }));
}

/** PagerDuty's "Checkout API" is the catalog's checkout; Search is not in the catalog. */
const CATALOG: ServiceCatalog = {
  services: [{ name: 'checkout', team: 'payments', incidentServices: ['Checkout API'] }],
};

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
    const events = mergeEvents(
      [incidents, { deployments: deployments(), changes: [], incidents: [], pipelineRuns: [] }],
      CATALOG
    );
    const attributed = attribute(events, {}, WEEK.to);

    // Incidents: I1 (Checkout API -> checkout) impact 09:50 Tue, created 10:00, acked 10:04 (first of two log
    // acknowledgements), resolved 10:40; I2 (checkout) created Thu 12:00, acked 12:10, resolved 14:00, a note names
    // dep-2; I3 (Search, open) created Fri 08:00, acked 08:30.
    // Time to acknowledge: 4, 10, 30 min -> median 10 min.
    // Time to restore (resolved - impact start, else created): I1 50 min, I2 120 min (I3 open) -> median 85 min.
    // Change fail rate: dep-1 failed (I1, same service, 50 min after it), dep-2 failed (I2 names it) -> 2 of 4.
    // Recovery: dep-1 09:50 -> 10:40 = 50 min; dep-2: its failure starts with I2 (12:00 Thu) -> 14:00 = 120 min.
    const [row] = computeScorecard(attributed, { groupBy: 'none', range: WEEK, zone: UTC });
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

    const frame = scorecardFrame([row], 'A', 'none');
    const value = (name: string) => frame.fields.find((f) => f.name === name)!.values[0];
    expect(value('Change fail rate')).toBe(0.5);

    const ack = computeMetric(attributed, {
      metric: 'timeToAcknowledge',
      aggregation: 'median',
      bucket: 'range',
      groupBy: 'none',
      range: WEEK,
      zone: UTC,
    });
    const [ackFrame] = metricFrames(ack, { refId: 'B', groupBy: 'none', aggregation: 'median' });
    expect(ackFrame.fields[1].values).toEqual([10 * MIN]);

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
