/**
 * From fake incident.io answers to frames: IncidentIoSource -> attribute -> scorecard and metric frames, on
 * testing/scenario.ts and the deployments of ../testing/incidentWeek.ts. The week is the one of the PagerDuty and
 * Jira end-to-end tests, so the hand-checked numbers are the same: time to acknowledge 4 min (INC-41's
 * "Acknowledged at"), 10 min (INC-42's "Accepted at"), 30 min (INC-43), median 10; time to restore 50 min (impact
 * started 09:50, resolved 10:40) and 120 min, median 85; change fail rate 2 of 4 (dep-1 by the same-service window,
 * dep-2 named by INC-42's "Caused by" field). The declined, the test and the 45-day-old incident do not count.
 */
import { SnapshotStore } from '../lists';
import { nodeHttpClient } from '../testing/nodeHttp';
import { scoreWeek, WEEK } from '../testing/incidentWeek';
import { IncidentIoSource } from './source';
import { CAUSE_FIELD, incidentWorld } from './testing/scenario';
import { FakeIncidentIo, startFakeIncidentIo } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;

describe('incident.io end to end: fake incident.io -> engine -> frames', () => {
  let fake: FakeIncidentIo;
  beforeAll(async () => {
    fake = await startFakeIncidentIo(incidentWorld());
  });
  afterAll(() => fake.close());

  it('gives the hand-checked time to acknowledge, time to restore and change fail rate', async () => {
    const source = new IncidentIoSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, causeField: CAUSE_FIELD },
      now: () => WEEK.to,
      snapshots: new SnapshotStore(),
    });
    const { events, notices } = await source.fetchEvents({ from: WEEK.from - 30 * DAY, to: WEEK.to });
    expect(notices).toEqual([]);
    const week = scoreWeek(events);
    expect(week.row).toMatchObject({
      deployments: 4,
      changeFailRate: 0.5,
      timeToRestoreMedianMs: 85 * MIN,
      recoveryMedianMs: 85 * MIN,
    });
    expect(
      week.attributed.incidents.map((i) => [
        i.incident.id,
        i.link.deploymentId,
        i.link.method,
        i.incident.severity,
        i.incident.owner ?? null,
      ])
    ).toEqual([
      ['incidentio:INC-41', 'dep-1', 'service-window', 'critical', 'Ana Lopez'],
      ['incidentio:INC-42', 'dep-2', 'explicit', 'major', 'Ben Okafor'],
      ['incidentio:INC-43', null, 'none', 'major', null],
    ]);
    expect(week.changeFailRateInFrame).toBe(0.5);
    expect(week.medianAckInFrame).toEqual([10 * MIN]);
  });
});
