import fc from 'fast-check';
import { DAY_MS, HOUR_MS } from '../options';
import { MetricSeries } from '../results';
import { computeMetric } from './index';
import { at, attributed, deployment, failedAttempt, request, T0 } from './testing';

const values = (s: MetricSeries) => s.points.map((p) => p.value);
const byGroup = (series: MetricSeries[]) => series.map((s) => [s.group, s.points[s.points.length - 1].value]);

describe('days since the last deployment', () => {
  it('measures from the last deployment to the end of each bucket, the last one as of the end of the range', () => {
    const a = attributed({
      deployments: [deployment({ finishedAt: at(1, 12) }), deployment({ finishedAt: at(3) })],
    });
    const [series] = computeMetric(a, request({ metric: 'daysSinceLastDeployment' }));
    expect(series.valueKind).toBe('days');
    // Day 0 ends before any deployment; day 1 ends 12 h after the first; day 3 ends a day after the second.
    expect(values(series)).toEqual([null, 0.5, 1.5, 1, 2, 3, 4]);
    expect(series.points.map((p) => p.count)).toEqual([0, 1, 1, 1, 1, 1, 1]);
    const [range] = computeMetric(a, request({ metric: 'daysSinceLastDeployment', bucket: 'range' }));
    expect(values(range)).toEqual([4]);
    expect(range.notes).toBeUndefined();
  });

  it('reaches back before the range (the look-back) and ignores deployments after its end', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(-10) }),
        deployment({ finishedAt: at(7) }),
        deployment({ finishedAt: at(9) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'daysSinceLastDeployment', bucket: 'range' }));
    expect(values(series)).toEqual([17]);
  });

  it('clips the last bucket to the range: a range ending mid-day measures to its end', () => {
    const a = attributed({ deployments: [deployment({ finishedAt: at(0, 6) })] });
    const range = { from: T0, to: at(2, 18) };
    const [series] = computeMetric(a, request({ metric: 'daysSinceLastDeployment', range }));
    expect(values(series)).toEqual([0.75, 1.75, 2.5]);
  });

  it('says "no deployment" (null and a note), never 0, for a service whose attempts all failed', () => {
    const a = attributed({
      deployments: [deployment({ finishedAt: at(2), service: 'web' })],
      failedAttempts: [failedAttempt({ finishedAt: at(1), service: 'api' })],
    });
    const series = computeMetric(
      a,
      request({ metric: 'daysSinceLastDeployment', bucket: 'range', groupBy: 'service' })
    );
    expect(byGroup(series)).toEqual([
      ['api', null],
      ['web', 5],
    ]);
    expect(series[0].points[0].count).toBe(0);
    expect(series[0].notes?.[0]).toMatch(/^api: no production deployment before 2024-01-08 00:00 UTC/);
    expect(series[0].notes?.[0]).toMatch(/not 0/);
    expect(series[1].notes).toBeUndefined();
  });

  it('lists the services and teams of the catalog that never deployed', () => {
    const a = attributed({
      deployments: [deployment({ finishedAt: at(6), service: 'web', team: 'front' })],
      teams: { web: 'front', ledger: 'money', vault: 'money' },
    });
    const services = computeMetric(
      a,
      request({ metric: 'daysSinceLastDeployment', bucket: 'range', groupBy: 'service' })
    );
    expect(byGroup(services)).toEqual([
      ['ledger', null],
      ['vault', null],
      ['web', 1],
    ]);
    const teams = computeMetric(a, request({ metric: 'daysSinceLastDeployment', bucket: 'range', groupBy: 'team' }));
    expect(byGroup(teams)).toEqual([
      ['front', 1],
      ['money', null],
    ]);
    // Grouped by environment, a service seen only in the catalog has no environment: not an "(unknown)" group.
    const envs = computeMetric(
      a,
      request({ metric: 'daysSinceLastDeployment', bucket: 'range', groupBy: 'environment' })
    );
    expect(byGroup(envs)).toEqual([['production', 1]]);
    // Filters apply to catalog services too.
    const money = computeMetric(
      a,
      request({ metric: 'daysSinceLastDeployment', bucket: 'range', groupBy: 'service', filters: { teams: ['money'] } })
    );
    expect(money.map((s) => s.group)).toEqual(['ledger', 'vault']);
  });

  it('groups per source, so a source that stopped reporting stands out', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(1), service: 'web', source: 'gitlab' }),
        deployment({ finishedAt: at(6), service: 'web', source: 'argocd' }),
        deployment({ finishedAt: at(5), service: 'api', source: 'argocd' }),
      ],
      teams: { web: 'front' },
    });
    const series = computeMetric(a, request({ metric: 'daysSinceLastDeployment', bucket: 'range', groupBy: 'source' }));
    expect(byGroup(series)).toEqual([
      ['argocd', 1],
      ['gitlab', 6],
    ]);
  });

  it('gives the all series a note when nothing deployed at all', () => {
    const [series] = computeMetric(attributed(), request({ metric: 'daysSinceLastDeployment', bucket: 'week' }));
    expect(series.group).toBe('all');
    expect(values(series)).toEqual([null]);
    expect(series.notes).toHaveLength(1);
  });

  it('is the minimum over the services of a group (property)', () => {
    const serviceArb = fc.constantFrom('a', 'b', 'c');
    const depArb = fc.record({ service: serviceArb, finish: fc.integer({ min: -20 * 24, max: 8 * 24 }) });
    fc.assert(
      fc.property(fc.array(depArb, { maxLength: 30 }), (specs) => {
        const a = attributed({
          deployments: specs.map((s) => deployment({ finishedAt: T0 + s.finish * HOUR_MS, service: s.service })),
        });
        const base = { metric: 'daysSinceLastDeployment' as const };
        const [all] = computeMetric(a, request(base));
        const perService = computeMetric(a, request({ ...base, groupBy: 'service' }));
        all.points.forEach((point, b) => {
          const known = perService.map((s) => s.points[b].value).filter((v): v is number => v !== null);
          expect(point.value).toEqual(known.length === 0 ? null : Math.min(...known));
          // Never negative, never more than the time from the earliest deployment.
          if (point.value !== null) {
            expect(point.value).toBeGreaterThan(0);
            expect(point.value).toBeLessThanOrEqual(28 + 1 / 24);
          }
        });
        // From one day bucket to the next a value grows by exactly one day, or drops (a deployment in between),
        // and once known it stays known.
        for (const s of perService) {
          for (let b = 1; b < s.points.length; b++) {
            const prev = s.points[b - 1].value;
            const cur = s.points[b].value;
            if (prev !== null) {
              expect(cur).not.toBeNull();
              expect(cur as number).toBeLessThanOrEqual(prev + 1 + 1e-9);
              const deployedInBucket = specs.some(
                (d) => d.service === s.group && T0 + d.finish * HOUR_MS >= at(b) && T0 + d.finish * HOUR_MS < at(b + 1)
              );
              if (!deployedInBucket) {
                expect(cur as number).toBeCloseTo(prev + 1, 9);
              }
            }
          }
        }
      })
    );
  });

  it('counts in days, so a 12-hour gap is 0.5', () => {
    const a = attributed({ deployments: [deployment({ finishedAt: at(6, 12) })] });
    const [series] = computeMetric(a, request({ metric: 'daysSinceLastDeployment', bucket: 'range' }));
    expect((series.points[0].value as number) * DAY_MS).toBe(12 * HOUR_MS);
  });
});
