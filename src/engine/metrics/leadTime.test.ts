import { DAY_MS, HOUR_MS } from '../options';
import { computeMetric } from './index';
import { at, attributed, change, request } from './testing';

const values = (s: { points: Array<{ value: number | null }> }) => s.points.map((p) => p.value);

describe('lead time', () => {
  const changes = [
    change({ deployedAt: at(0, 12), leadTimeMs: 1 * HOUR_MS }),
    change({ deployedAt: at(0, 13), leadTimeMs: 2 * HOUR_MS }),
    change({ deployedAt: at(0, 14), leadTimeMs: 3 * HOUR_MS }),
    change({ deployedAt: at(0, 15), leadTimeMs: 10 * HOUR_MS }),
    change({ deployedAt: at(2, 1), leadTimeMs: DAY_MS }),
    change({ deployedAt: at(2, 2), leadTimeMs: null }), // dropped by attribution (<= 0)
  ];

  it('takes the median of the changes deployed in each bucket; empty buckets are null', () => {
    const [series] = computeMetric(attributed({ changes }), request({ metric: 'leadTime' }));
    expect(series.valueKind).toBe('duration');
    expect(values(series)).toEqual([2.5 * HOUR_MS, null, DAY_MS, null, null, null, null]);
    expect(series.points.map((p) => p.count)).toEqual([4, 0, 1, 0, 0, 0, 0]);
  });

  it('computes p75 and p90 by linear interpolation', () => {
    // Day 0 values in hours [1, 2, 3, 10]: p75 h=2.25 -> 3 + 0.25*7 = 4.75; p90 h=2.7 -> 3 + 0.7*7 = 7.9
    const [p75] = computeMetric(attributed({ changes }), request({ metric: 'leadTime', aggregation: 'p75' }));
    const [p90] = computeMetric(attributed({ changes }), request({ metric: 'leadTime', aggregation: 'p90' }));
    expect(p75.points[0].value).toBeCloseTo(4.75 * HOUR_MS, 6);
    expect(p90.points[0].value).toBeCloseTo(7.9 * HOUR_MS, 6);
  });

  it('gives means and counts on request', () => {
    const [mean] = computeMetric(
      attributed({ changes }),
      request({ metric: 'leadTime', aggregation: 'mean', bucket: 'range' })
    );
    expect(mean.points[0].value).toBe((16 * HOUR_MS + DAY_MS) / 5);
    const [count] = computeMetric(
      attributed({ changes }),
      request({ metric: 'leadTime', aggregation: 'count', bucket: 'range' })
    );
    expect(count.valueKind).toBe('count');
    expect(count.points[0].value).toBe(5);
  });

  it('breaks lead time down into stages where pull request data exists', () => {
    const withPr = [
      change({
        deployedAt: at(1),
        leadTimeMs: DAY_MS,
        breakdown: { codingMs: 4 * HOUR_MS, pickupMs: 2 * HOUR_MS, reviewMs: HOUR_MS, deployMs: 3 * HOUR_MS },
      }),
      change({ deployedAt: at(1, 1), leadTimeMs: DAY_MS, breakdown: { codingMs: 6 * HOUR_MS, pickupMs: -HOUR_MS } }),
      change({ deployedAt: at(1, 2), leadTimeMs: DAY_MS }),
    ];
    const a = attributed({ changes: withPr });
    const stage = (metric: 'leadTimeCoding' | 'leadTimePickup' | 'leadTimeReview' | 'leadTimeDeploy') =>
      computeMetric(a, request({ metric, bucket: 'range' }))[0].points[0];
    expect(stage('leadTimeCoding')).toMatchObject({ value: 5 * HOUR_MS, count: 2 });
    // A negative stage is not a duration: left out.
    expect(stage('leadTimePickup')).toMatchObject({ value: 2 * HOUR_MS, count: 1 });
    expect(stage('leadTimeReview')).toMatchObject({ value: HOUR_MS, count: 1 });
    expect(stage('leadTimeDeploy')).toMatchObject({ value: 3 * HOUR_MS, count: 1 });
  });

  it('groups changes by the deploying service, team and environment and by their repository', () => {
    const a = attributed({
      changes: [
        change({ deployedAt: at(1), leadTimeMs: HOUR_MS, service: 'api', team: 'core', repo: 'acme/mono' }),
        change({ deployedAt: at(1), leadTimeMs: 3 * HOUR_MS, service: 'web', team: 'core', repo: 'acme/mono' }),
        change({ deployedAt: at(1), leadTimeMs: 5 * HOUR_MS, service: 'web', team: '', repo: 'acme/web' }),
      ],
      teams: { web: 'front' },
    });
    const byTeam = computeMetric(a, request({ metric: 'leadTime', bucket: 'range', groupBy: 'team' }));
    expect(byTeam.map((s) => [s.group, s.points[0].value])).toEqual([
      ['core', 2 * HOUR_MS],
      ['front', 5 * HOUR_MS], // team from the catalog when attribution left it empty
    ]);
    const byRepo = computeMetric(a, request({ metric: 'leadTime', bucket: 'range', groupBy: 'repository' }));
    expect(byRepo.map((s) => s.group)).toEqual(['acme/mono', 'acme/web']);
  });
});
