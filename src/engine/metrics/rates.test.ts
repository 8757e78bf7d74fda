/** Change failure rate, rework rate and deploy attempt failure rate. */
import { computeMetric } from './index';
import { at, attributed, deployment, failedAttempt, request } from './testing';

const values = (s: { points: Array<{ value: number | null }> }) => s.points.map((p) => p.value);

describe('change failure rate', () => {
  it('is failed / deployments per bucket of the finish, null (not 0) without deployments', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(0, 1), failed: true, incidentIds: ['i1', 'i2', 'i3'] }),
        deployment({ finishedAt: at(0, 2) }),
        deployment({ finishedAt: at(0, 3) }),
        deployment({ finishedAt: at(0, 4) }),
        deployment({ finishedAt: at(2, 4) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'changeFailRate' }));
    expect(series.valueKind).toBe('rate');
    // A deployment with three incidents still counts once.
    expect(values(series)).toEqual([0.25, null, 0, null, null, null, null]);
    expect(series.points.map((p) => p.count)).toEqual([4, 0, 1, 0, 0, 0, 0]);
  });

  it('ignores the aggregation', () => {
    const a = attributed({
      deployments: [deployment({ finishedAt: at(0), failed: true }), deployment({ finishedAt: at(1) })],
    });
    const [series] = computeMetric(a, request({ metric: 'changeFailRate', aggregation: 'p90', bucket: 'range' }));
    expect(values(series)).toEqual([0.5]);
  });
});

describe('rework rate', () => {
  it('is rework deployments / deployments', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(1), isRework: true }),
        deployment({ finishedAt: at(1) }),
        deployment({ finishedAt: at(1) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'reworkRate', bucket: 'range' }));
    expect(series.points[0]).toMatchObject({ value: 1 / 3, count: 3 });
    const [empty] = computeMetric(attributed(), request({ metric: 'reworkRate', bucket: 'range' }));
    expect(empty.points[0]).toMatchObject({ value: null, count: 0 });
  });
});

describe('deploy attempt failure rate', () => {
  it('is failed attempts / (failed attempts + deployments), cancelled attempts left out', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(1) }),
        deployment({ finishedAt: at(1) }),
        deployment({ finishedAt: at(1) }),
      ],
      failedAttempts: [
        failedAttempt({ finishedAt: at(1) }),
        failedAttempt({ finishedAt: at(1), status: 'cancelled' }),
        failedAttempt({ finishedAt: at(9) }),
        failedAttempt({ finishedAt: at(2), service: 'other' }),
      ],
    });
    const [all] = computeMetric(a, request({ metric: 'deployAttemptFailureRate', bucket: 'range' }));
    expect(all.points[0]).toMatchObject({ value: 2 / 5, count: 5 });
    const byService = computeMetric(
      a,
      request({ metric: 'deployAttemptFailureRate', bucket: 'range', groupBy: 'service' })
    );
    expect(byService.map((s) => [s.group, s.points[0].value])).toEqual([
      ['checkout', 0.25],
      ['other', 1],
    ]);
  });
});
