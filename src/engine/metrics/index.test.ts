import { EngineInputError } from '../attribution/inputError';
import { MetricId } from '../results';
import { computeMetric, METRIC_IDS } from './index';
import { at, attributed, change, deployment, incident, request } from './testing';

describe('computeMetric', () => {
  it('covers every metric id, each giving every bucket for empty input', () => {
    const expected: MetricId[] = [
      'deploymentCount',
      'deploymentsPerDay',
      'deploymentsPerWeek',
      'deploymentDaysPerWeek',
      'deploymentGap',
      'leadTime',
      'leadTimeCoding',
      'leadTimePickup',
      'leadTimeReview',
      'leadTimeDeploy',
      'changeFailRate',
      'deployAttemptFailureRate',
      'recoveryTime',
      'timeToRestore',
      'reworkRate',
      'timeToDetect',
      'timeToAcknowledge',
      'meanTimeBetweenFailures',
      'buildSuccessRate',
      'flakyRerunRate',
      'pipelineDuration',
      'deploymentDuration',
      'daysSinceLastDeployment',
      'errorBudgetAllowed',
      'errorBudgetConsumed',
      'errorBudgetRemaining',
    ];
    expect(METRIC_IDS.slice().sort()).toEqual(expected.slice().sort());
    for (const metric of METRIC_IDS) {
      const series = computeMetric(attributed(), request({ metric }));
      expect(series).toHaveLength(1);
      expect(series[0].metric).toBe(metric);
      expect(series[0].points).toHaveLength(7);
      const counts = series[0].valueKind === 'count' || series[0].valueKind === 'perPeriod';
      for (const point of series[0].points) {
        expect(point.value).toBe(counts ? 0 : null);
        expect(point.count).toBe(0);
      }
    }
  });

  it('gives one series per group, sorted by name', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(1), service: 'web' }),
        deployment({ finishedAt: at(1), service: 'api' }),
        deployment({ finishedAt: at(2), service: 'Zeta' }),
        deployment({ finishedAt: at(2), service: 'web' }),
      ],
    });
    const series = computeMetric(a, request({ metric: 'deploymentCount', bucket: 'range', groupBy: 'service' }));
    expect(series.map((s) => [s.group, s.points[0].value])).toEqual([
      ['Zeta', 1],
      ['api', 1],
      ['web', 2],
    ]);
  });

  it('filters by services, teams, environments and repositories before grouping; empty lists do not filter', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(1), service: 'web', environment: 'prod', team: 'front' }),
        deployment({ finishedAt: at(1), service: 'api', environment: 'prod', team: 'core' }),
        deployment({ finishedAt: at(1), service: 'api', environment: 'prod-eu', team: 'core' }),
        deployment({ finishedAt: at(1), service: 'batch', environment: 'prod', repo: 'acme/batch' }),
      ],
    });
    const count = (filters: object, groupBy: 'none' | 'team' = 'none') =>
      computeMetric(a, request({ metric: 'deploymentCount', bucket: 'range', groupBy, filters })).map((s) => [
        s.group,
        s.points[0].value,
      ]);
    expect(count({ services: ['api'] })).toEqual([['all', 2]]);
    expect(count({ services: ['api'], environments: ['prod'] })).toEqual([['all', 1]]);
    expect(count({ teams: ['core', 'front'] }, 'team')).toEqual([
      ['core', 2],
      ['front', 1],
    ]);
    expect(count({ repositories: ['acme/batch'] })).toEqual([['all', 1]]);
    expect(count({ services: [], teams: [] })).toEqual([['all', 4]]);
    // Items without a team are grouped and filtered as "(unknown)".
    expect(count({ teams: ['(unknown)'] }, 'team')).toEqual([['(unknown)', 1]]);
    expect(count({ services: ['nothing'] })).toEqual([['all', 0]]);
  });

  it('reads the bucket kind: auto from the panel interval', () => {
    const a = attributed({
      changes: [change({ deployedAt: at(1), leadTimeMs: 1000 })],
      incidents: [incident({ createdAt: at(1) })],
    });
    const days = computeMetric(a, request({ metric: 'leadTime', bucket: 'auto', intervalMs: 60000 }));
    expect(days[0].points).toHaveLength(7);
    const range = { from: at(0), to: at(400) };
    const weeks = computeMetric(a, request({ metric: 'leadTime', bucket: 'auto', intervalMs: 60000, range }));
    expect(weeks[0].points).toHaveLength(58);
  });

  it('rejects bad requests with messages naming the field, the value and the fix', () => {
    const bad = (overrides: object) => () =>
      computeMetric(attributed(), { ...request({ metric: 'leadTime' }), ...overrides });
    expect(bad({ metric: 'velocity' })).toThrow(EngineInputError);
    expect(bad({ metric: 'velocity' })).toThrow(/metric: "velocity".*deploymentCount/);
    expect(bad({ aggregation: 'p99' })).toThrow(/aggregation: "p99"/);
    expect(bad({ bucket: 'hour' })).toThrow(/bucket: "hour"/);
    expect(bad({ groupBy: 'owner' })).toThrow(/groupBy: "owner".*service, team/);
    expect(bad({ range: { from: at(2), to: at(1) } })).toThrow(/range\.to.*from < to/);
    expect(bad({ filters: { services: 'api' } })).toThrow(/filters\.services: "api".*array/);
    expect(bad({ intervalMs: 0 })).toThrow(/intervalMs: 0/);
    expect(bad({ zone: undefined })).toThrow(/zone/);
    expect(() => computeMetric({ deployments: [] } as never, request({ metric: 'leadTime' }))).toThrow(
      /attributed\.failedAttempts.*attribute\(events\)/
    );
  });
});
