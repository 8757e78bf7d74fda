/**
 * From a fake Grafana's annotations to frames: AnnotationsSource (+ the commits GitHub would give) -> attribute ->
 * computeScorecard -> frames, on the week of testing/annotations.ts. Every expected number is worked out by hand.
 */
import { attribute, Change, computeScorecard, UTC } from '../../engine';
import { scorecardFrame } from '../../frames/scorecardFrame';
import { nodeHttpClient } from '../testing/nodeHttp';
import { commit } from '../testing/changes';
import { BROWSER_GRAFANA_API } from '../grafanaApi';
import { AnnotationsSource } from './source';
import { at, SHA, shopAnnotations, T0 } from './testing/annotations';
import { FakeGrafanaAnnotations, startFakeGrafanaAnnotations } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const WEEK = { from: T0, to: T0 + 7 * DAY };

function commits(): Change[] {
  const c = (sha: string, parent: string | undefined, committedAt: number) =>
    commit('acme/checkout', sha, parent, committedAt);
  return [
    c(SHA.a, undefined, at(-4, 9)),
    c(SHA.b, SHA.a, at(1, 7)),
    c(SHA.c, SHA.b, at(2, 12)),
    c(SHA.d, SHA.c, at(3, 8)),
  ];
}

describe('Grafana annotations end to end: fake Grafana -> engine -> frames', () => {
  let fake: FakeGrafanaAnnotations;
  beforeAll(async () => {
    fake = await startFakeGrafanaAnnotations(shopAnnotations());
  });
  afterAll(() => fake.close());

  it('gives the hand-checked DORA numbers for the week', async () => {
    const source = new AnnotationsSource({
      http: nodeHttpClient(),
      grafana: { ...BROWSER_GRAFANA_API, base: fake.url },
      settings: { enabled: true, deploymentTags: 'deploy', incidentTags: 'incident', defaultRepo: 'acme/checkout' },
      now: () => WEEK.to,
    });
    const { events, notices } = await source.fetchEvents({ from: WEEK.from - 30 * DAY, to: WEEK.to });
    expect(notices).toEqual([]);
    events.changes = commits();
    const attributed = attribute(events, {}, WEEK.to);

    // Successful production deployments in the week: 102 b (T0+1d 10:00), 103 c (T0+2d 14:00) => 2
    //   (104 failed, 105 is staging, 101 is before the week).
    // Lead times: b 07:00 -> 10:00 = 180 min; c 12:00 -> 14:00 = 120 min => median 150 min.
    // Incident 201 names SHA c as its cause => 103 failed => change fail rate 1/2.
    // Recovery of 103: impact start T0+2d 15:00 -> resolved 16:30 = 90 min. Time to restore 201: 90 min.
    const [row] = computeScorecard(attributed, { groupBy: 'none', range: WEEK, zone: UTC });
    expect(row).toMatchObject({
      deployments: 2,
      leadTimeMedianMs: 150 * MIN,
      changeFailRate: 1 / 2,
      recoveryMedianMs: 90 * MIN,
      timeToRestoreMedianMs: 90 * MIN,
    });
    const frame = scorecardFrame([row], 'A', 'none');
    const value = (name: string) => frame.fields.find((f) => f.name === name)!.values[0];
    expect(value('Deployments')).toBe(2);
    expect(value('Lead time (median)')).toBe(150 * MIN);
    expect(value('Change fail rate')).toBe(0.5);
    expect(value('Recovery time (median)')).toBe(90 * MIN);
  });
});
