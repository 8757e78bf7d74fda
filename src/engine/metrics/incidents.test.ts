/** Time to restore, detect and acknowledge: incident durations by the incident's start (else creation). */
import { HOUR_MS, DAY_MS } from '../options';
import { computeMetric } from './index';
import { at, attributed, deployment, incident, request } from './testing';

const MIN = 60 * 1000;

describe('time to restore', () => {
  it('measures resolved - started (or created) over all incidents, unresolved left out', () => {
    const a = attributed({
      incidents: [
        incident({ startedAt: at(0, 1), createdAt: at(0, 2), resolvedAt: at(0, 5) }), // 4 h
        incident({ createdAt: at(0, 10), resolvedAt: at(0, 12) }), // 2 h from creation
        incident({ createdAt: at(0, 20) }), // unresolved
        // Started on day 1 but created on day 2: bucketed by the start.
        incident({ startedAt: at(1, 23), createdAt: at(2, 1), resolvedAt: at(2, 2) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'timeToRestore' }));
    expect(series.points.slice(0, 3).map((p) => [p.value, p.count])).toEqual([
      [3 * HOUR_MS, 2],
      [3 * HOUR_MS, 1],
      [null, 0],
    ]);
  });
});

describe('time to detect', () => {
  it('measures created - started where the start is known, with the share within an SLA', () => {
    const a = attributed({
      incidents: [
        incident({ startedAt: at(0, 1), createdAt: at(0, 1) + 5 * MIN }),
        incident({ startedAt: at(0, 2), createdAt: at(0, 2) + 20 * MIN }),
        incident({ startedAt: at(0, 3), createdAt: at(0, 3) + 60 * MIN }),
        incident({ createdAt: at(0, 4) }), // no start: not measurable
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'timeToDetect', bucket: 'range', slaMs: 15 * MIN }));
    expect(series.points[0]).toEqual({ time: at(0), value: 20 * MIN, count: 3, shareWithinSla: 1 / 3 });
  });
});

describe('time to acknowledge', () => {
  it('gives the median and the share within the SLA; no share without an SLA', () => {
    const a = attributed({
      incidents: [
        incident({ createdAt: at(1), acknowledgedAt: at(1) + 2 * MIN }),
        incident({ createdAt: at(1, 1), acknowledgedAt: at(1, 1) + 4 * MIN }),
        incident({ createdAt: at(1, 2), acknowledgedAt: at(1, 2) + 30 * MIN }),
        incident({ createdAt: at(1, 3) }),
      ],
    });
    const [withSla] = computeMetric(a, request({ metric: 'timeToAcknowledge', slaMs: 5 * MIN }));
    expect(withSla.points[1]).toMatchObject({ value: 4 * MIN, count: 3 });
    expect(withSla.points[1].shareWithinSla).toBeCloseTo(2 / 3, 12);
    expect(withSla.points[0].shareWithinSla).toBeNull();
    const [plain] = computeMetric(a, request({ metric: 'timeToAcknowledge' }));
    expect(plain.points[1]).not.toHaveProperty('shareWithinSla');
  });

  it('rejects a bad SLA with a clear message', () => {
    expect(() => computeMetric(attributed(), request({ metric: 'timeToAcknowledge', slaMs: -1 }))).toThrow(
      /slaMs: -1.*milliseconds/
    );
  });
});

describe('incident grouping', () => {
  it('takes environment and repository from the linked deployment, else from the service', () => {
    const linked = deployment({ finishedAt: at(-1), service: 'api', environment: 'prod-eu', repo: 'acme/api' });
    const home = deployment({ finishedAt: at(-2), service: 'web', environment: 'prod-us', repo: 'acme/web' });
    const a = attributed({
      deployments: [linked, home],
      incidents: [
        incident({ createdAt: at(1), resolvedAt: at(1, 1), service: 'api', deploymentId: linked.deployment.id }),
        incident({ createdAt: at(1), resolvedAt: at(1, 3), service: 'web' }),
        incident({ createdAt: at(1), resolvedAt: at(1, 5), service: 'nobody-knows' }),
      ],
    });
    const byEnv = computeMetric(a, request({ metric: 'timeToRestore', bucket: 'range', groupBy: 'environment' }));
    expect(byEnv.map((s) => [s.group, s.points[0].value])).toEqual([
      ['(unknown)', 5 * HOUR_MS],
      ['prod-eu', HOUR_MS],
      ['prod-us', 3 * HOUR_MS],
    ]);
    const byRepo = computeMetric(
      a,
      request({
        metric: 'timeToRestore',
        bucket: 'range',
        groupBy: 'repository',
        filters: { repositories: ['acme/web'] },
      })
    );
    expect(byRepo.map((s) => s.group)).toEqual(['acme/web']);
  });

  it('never exceeds the window in MTBF even with day-long incidents', () => {
    const a = attributed({ incidents: [incident({ createdAt: at(0), resolvedAt: at(3) })] });
    const [series] = computeMetric(a, request({ metric: 'meanTimeBetweenFailures', bucket: 'range' }));
    expect(series.points[0].value).toBe(4 * DAY_MS);
  });
});
