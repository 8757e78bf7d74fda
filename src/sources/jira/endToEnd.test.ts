/**
 * From fake Jira answers to frames: JiraSource (+ the deployments of the same week) -> attribute -> scorecard and
 * metric frames, on testing/scenario.ts. The week is the one of PagerDuty's end-to-end test, so the hand-checked
 * numbers are the same: time to acknowledge 4, 10, 30 min (median 10), time to restore 50 and 120 min (median 85),
 * change fail rate 2 of 4 (dep-1 by the same-service window, dep-2 named by INC-2's cause field).
 */
import { attribute, computeMetric, computeScorecard, Deployment, mergeEvents, ServiceCatalog, UTC } from '../../engine';
import { metricFrames } from '../../frames/metricFrames';
import { scorecardFrame } from '../../frames/scorecardFrame';
import { nodeHttpClient } from '../testing/nodeHttp';
import { JiraSnapshots, JiraSource } from './source';
import { CAUSE, IMPACT_START, incidentWorld, T0 } from './testing/scenario';
import { FakeJira, startFakeJira } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const WEEK = { from: T0, to: T0 + 7 * DAY };

function deployments(): Deployment[] {
  return [1, 2, 3, 4].map((day) => ({
    id: `dep-${day}`,
    service: 'checkout',
    environment: 'production',
    repo: 'acme/shop',
    sha: `${day}`.repeat(7),
    finishedAt: T0 + day * DAY + 9 * 60 * MIN,
    status: 'success' as const,
    source: 'json',
  }));
}

const CATALOG: ServiceCatalog = {
  services: [{ name: 'checkout', team: 'payments', incidentServices: ['Checkout API'] }],
};

describe('Jira end to end: fake Jira -> engine -> frames', () => {
  let fake: FakeJira;
  beforeAll(async () => {
    fake = await startFakeJira(incidentWorld());
  });
  afterAll(() => fake.close());

  it('gives the hand-checked time to acknowledge, time to restore and change fail rate', async () => {
    const source = new JiraSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: {
        enabled: true,
        url: 'https://acme.atlassian.net',
        deployment: 'cloud',
        email: 'dora@acme.test',
        impactStartField: IMPACT_START,
        acknowledgedField: 'status',
        causeField: CAUSE,
      },
      now: () => WEEK.to,
      snapshots: new JiraSnapshots(),
    });
    const { events: incidents, notices } = await source.fetchEvents({ from: WEEK.from - 30 * DAY, to: WEEK.to });
    expect(notices).toEqual([]);
    const events = mergeEvents(
      [incidents, { deployments: deployments(), changes: [], incidents: [], pipelineRuns: [] }],
      CATALOG
    );
    const attributed = attribute(events, {}, WEEK.to);
    const [row] = computeScorecard(attributed, { groupBy: 'none', range: WEEK, zone: UTC });
    expect(row).toMatchObject({
      deployments: 4,
      changeFailRate: 0.5,
      timeToRestoreMedianMs: 85 * MIN,
      recoveryMedianMs: 85 * MIN,
    });
    expect(
      attributed.incidents.map((i) => [i.incident.id, i.link.deploymentId, i.link.method, i.incident.severity])
    ).toEqual([
      ['jira:INC-1', 'dep-1', 'service-window', 'highest'],
      ['jira:INC-2', 'dep-2', 'explicit', 'high'],
      ['jira:INC-3', null, 'none', 'high'],
    ]);
    const frame = scorecardFrame([row], 'A', 'none');
    expect(frame.fields.find((f) => f.name === 'Change fail rate')!.values[0]).toBe(0.5);
    const ack = computeMetric(attributed, {
      metric: 'timeToAcknowledge',
      aggregation: 'median',
      bucket: 'range',
      groupBy: 'none',
      range: WEEK,
      zone: UTC,
    });
    expect(metricFrames(ack, { refId: 'B', groupBy: 'none', aggregation: 'median' })[0].fields[1].values).toEqual([
      10 * MIN,
    ]);
  });
});
