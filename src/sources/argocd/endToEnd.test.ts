/**
 * From fake Argo CD answers to frames: ArgoCdSource (+ the commits GitHub would give for the same repository)
 * -> attribute -> computeScorecard / computeMetric -> frames, on the hand-made week of testing/scenario.ts.
 * Every expected number is worked out by hand below.
 */
import { attribute, computeMetric, computeScorecard, UTC } from '../../engine';
import { metricFrames } from '../../frames/metricFrames';
import { scorecardFrame } from '../../frames/scorecardFrame';
import { nodeHttpClient } from '../testing/nodeHttp';
import { ArgoCdSource } from './source';
import { checkoutChanges, shopApps, T0 } from './testing/scenario';
import { FakeArgoCd, startFakeArgoCd } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const WEEK = { from: T0, to: T0 + 7 * DAY };

describe('Argo CD end to end: fake Argo CD -> engine -> frames', () => {
  let fake: FakeArgoCd;
  beforeAll(async () => {
    fake = await startFakeArgoCd(shopApps());
  });
  afterAll(() => fake.close());

  it('gives the hand-checked DORA numbers for the scenario week', async () => {
    const source = new ArgoCdSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: {
        enabled: true,
        url: 'https://argocd.example.com',
        applications: 'projects',
        projects: 'payments',
        serviceFrom: 'label',
        serviceLabel: 'service',
        environmentFrom: 'label',
        environmentLabel: 'env',
      },
      now: () => WEEK.to,
    });
    const { events, notices } = await source.fetchEvents({ from: WEEK.from - 30 * DAY, to: WEEK.to });
    expect(notices).toEqual([]);
    // Commits come from GitHub, met on repository (acme/checkout, from the repoURL) and SHA.
    events.changes = checkoutChanges();
    const attributed = attribute(events, {}, WEEK.to);

    // Production deployments of checkout finishing in the week: #2 b2 (T0+1d 10:00), #3 c3 (T0+2d 14:00),
    // #4 b2 again (T0+2d 15:00, a rollback of #3), #5 d4 (T0+3d 11:00) => 4. checkout-staging is not production.
    // Lead times (commit -> first production deployment containing it): b2 08:00 -> 10:00 = 120 min,
    //   c3 12:00 -> 14:00 = 120 min, d4 08:00 -> 11:00 = 180 min (#5 ships d4 only: c3 was shipped by #3)
    //   => median 120 min. a1 was shipped by #1 before the week.
    // #3 was rolled back by #4 => change fail rate 1/4; recovery #3 14:00 -> rollback finished 15:00 = 60 min.
    // Rework: the rollback #4 => 1/4. Deploy attempts: 4 successes + the failed sync of e5 (T0+4d 09:02) => 1/5.
    const [row] = computeScorecard(attributed, { groupBy: 'none', range: WEEK, zone: UTC });
    expect(row).toMatchObject({
      deployments: 4,
      deploymentsPerWeek: 4,
      leadTimeMedianMs: 120 * MIN,
      changeFailRate: 1 / 4,
      recoveryMedianMs: 60 * MIN,
      reworkRate: 1 / 4,
    });

    const frame = scorecardFrame([row], 'A', 'none');
    const value = (name: string) => frame.fields.find((f) => f.name === name)!.values[0];
    expect(value('Deployments')).toBe(4);
    expect(value('Lead time (median)')).toBe(120 * MIN);
    expect(value('Change fail rate')).toBeCloseTo(0.25, 10);
    expect(value('Recovery time (median)')).toBe(60 * MIN);

    const attempts = computeMetric(attributed, {
      metric: 'deployAttemptFailureRate',
      aggregation: 'count',
      bucket: 'range',
      groupBy: 'none',
      range: WEEK,
      zone: UTC,
    });
    const [rate] = metricFrames(attempts, { refId: 'B', groupBy: 'none', aggregation: 'count' });
    expect(rate.fields[1].values).toEqual([0.2]);

    // Deployments per day: Tuesday 1, Wednesday 2 (c3 and its rollback), Thursday 1.
    const series = computeMetric(attributed, {
      metric: 'deploymentCount',
      aggregation: 'count',
      bucket: 'day',
      groupBy: 'none',
      range: WEEK,
      zone: UTC,
    });
    const [perDay] = metricFrames(series, { refId: 'C', groupBy: 'none', aggregation: 'count' });
    const times = perDay.fields[0].values as number[];
    const counts = perDay.fields[1].values as Array<number | null>;
    expect(times.map((t, i) => [(t - T0) / DAY, counts[i]]).filter(([, c]) => c)).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
    ]);
  });
});
