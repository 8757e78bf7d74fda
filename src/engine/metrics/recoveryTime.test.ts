import { HOUR_MS } from '../options';
import { computeMetric } from './index';
import { at, attributed, deployment, request } from './testing';

describe('failed deployment recovery time', () => {
  it('aggregates recovery of failed deployments in the bucket of the failed deployment, unrestored left out', () => {
    const a = attributed({
      deployments: [
        // Restored two days later: still counted on day 0.
        deployment({ finishedAt: at(0, 1), failed: true, recoveryMs: 48 * HOUR_MS }),
        deployment({ finishedAt: at(0, 2), failed: true, recoveryMs: 2 * HOUR_MS }),
        deployment({ finishedAt: at(0, 3), failed: true, recoveryMs: null }),
        deployment({ finishedAt: at(0, 4) }),
        deployment({ finishedAt: at(3, 4), failed: true, recoveryMs: HOUR_MS }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'recoveryTime' }));
    expect(series.points.map((p) => p.value)).toEqual([25 * HOUR_MS, null, null, HOUR_MS, null, null, null]);
    expect(series.points.map((p) => p.count)).toEqual([2, 0, 0, 1, 0, 0, 0]);
    const [p90] = computeMetric(a, request({ metric: 'recoveryTime', aggregation: 'p90', bucket: 'range' }));
    // [1, 2, 48] h: h = 1.8 -> 2 + 0.8 * 46 = 38.8 h
    expect(p90.points[0].value).toBeCloseTo(38.8 * HOUR_MS, 6);
  });
});
