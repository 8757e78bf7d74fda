/**
 * From fake Jira answers to frames: JiraSource (+ the deployments of the same week) -> attribute -> scorecard and
 * metric frames, on testing/scenario.ts. The week is the one of PagerDuty's end-to-end test, so the hand-checked
 * numbers are the same: time to acknowledge 4, 10, 30 min (median 10), time to restore 50 and 120 min (median 85),
 * change fail rate 2 of 4 (dep-1 by the same-service window, dep-2 named by INC-2's cause field); the assignees are
 * the owners in the on-call dashboard's incidents table.
 */
import { nodeHttpClient } from '../testing/nodeHttp';
import { scoreWeek, WEEK } from '../testing/incidentWeek';
import { JiraSnapshots, JiraSource } from './source';
import { CAUSE, IMPACT_START, incidentWorld, PRIYA, SAM } from './testing/scenario';
import { FakeJira, startFakeJira } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;

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
    const { attributed, row, changeFailRateInFrame, medianAckInFrame, incidentsTable } = scoreWeek(incidents);
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
    expect(changeFailRateInFrame).toBe(0.5);
    expect(medianAckInFrame).toEqual([10 * MIN]);
    // Newest first; INC-2 is unassigned: an empty cell, which the column shows as "not reported".
    expect(incidentsTable(['Incident', 'Status', 'Owner'])).toEqual([
      ['jira:INC-3', 'acknowledged', SAM.displayName],
      ['jira:INC-2', 'resolved', ''],
      ['jira:INC-1', 'resolved', PRIYA.displayName],
    ]);
  });
});
