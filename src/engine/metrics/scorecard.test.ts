import { HOUR_MS } from '../options';
import { fixedOffset, UTC } from '../time';
import { computeScorecard, ScorecardRequest } from './scorecard';
import { at, attributed, change, deployment, incident, T0 } from './testing';

const MIN = 60 * 1000;
const week: ScorecardRequest = { groupBy: 'service', range: { from: T0, to: at(7) }, zone: UTC };

function fixture() {
  const a = [0, 1, 2, 3, 4, 5, 6].map((d) =>
    deployment({
      finishedAt: at(d, 10),
      service: 'a',
      team: 'core',
      failed: d === 0,
      recoveryMs: d === 0 ? 30 * MIN : undefined,
      isRework: d === 1,
    })
  );
  const b = deployment({ finishedAt: at(3, 12), service: 'b', team: 'core' });
  return attributed({
    deployments: [...a, b, deployment({ finishedAt: at(8), service: 'a' })],
    changes: [
      change({ deployedAt: at(0, 10), leadTimeMs: HOUR_MS, service: 'a', team: 'core' }),
      change({ deployedAt: at(1, 10), leadTimeMs: 2 * HOUR_MS, service: 'a', team: 'core' }),
      change({ deployedAt: at(2, 10), leadTimeMs: 3 * HOUR_MS, service: 'a', team: 'core' }),
      change({ deployedAt: at(2, 10), leadTimeMs: null, service: 'a', team: 'core' }),
      change({ deployedAt: at(-2), leadTimeMs: 99 * HOUR_MS, service: 'a', team: 'core' }),
    ],
    incidents: [
      incident({ createdAt: at(3, 13), resolvedAt: at(3, 15), service: 'b', team: 'core' }),
      incident({ createdAt: at(4), resolvedAt: at(4, 1), service: 'c', team: 'ops' }),
    ],
  });
}

describe('computeScorecard', () => {
  it('computes one row per group with the four keys, levels and scores (hand-computed)', () => {
    const rows = computeScorecard(fixture(), week);
    expect(rows.map((r) => r.group)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = rows;
    expect(a).toMatchObject({
      deployments: 7,
      deploymentsPerDay: 1,
      deploymentsPerWeek: 7,
      deploymentDaysPerWeek: 7,
      leadTimeMedianMs: 2 * HOUR_MS,
      changeFailRate: 1 / 7,
      recoveryMedianMs: 30 * MIN,
      timeToRestoreMedianMs: null,
      reworkRate: 1 / 7,
      levels: { deploymentFrequency: 'elite', leadTime: 'elite', changeFailRate: 'medium', recoveryTime: 'elite' },
      notes: [],
    });
    // throughput: lead time 2 h -> 8, 1 a day -> 10, recovery 30 min -> 10; instability: 10 - 14.29/10 twice
    expect(a.score.throughput).toBeCloseTo(28 / 3, 12);
    expect(a.score.instability).toBeCloseTo(10 - 100 / 7 / 10, 12);
    expect(b).toMatchObject({
      deployments: 1,
      deploymentsPerWeek: 1,
      deploymentDaysPerWeek: 1,
      leadTimeMedianMs: null,
      changeFailRate: 0,
      recoveryMedianMs: null,
      timeToRestoreMedianMs: 2 * HOUR_MS,
      levels: { deploymentFrequency: 'high', leadTime: null, changeFailRate: 'elite', recoveryTime: null },
      score: { throughput: 6, instability: 10 },
    });
    // A service with incidents but no deployments: a row with null rates, not zeros.
    expect(c).toMatchObject({ deployments: 0, changeFailRate: null, reworkRate: null, timeToRestoreMedianMs: HOUR_MS });
    expect(c.levels.deploymentFrequency).toBe('low');
  });

  it('gives one row named all without grouping', () => {
    const [all, ...rest] = computeScorecard(fixture(), { ...week, groupBy: 'none' });
    expect(rest).toEqual([]);
    expect(all).toMatchObject({
      group: 'all',
      deployments: 8,
      changeFailRate: 1 / 8,
      timeToRestoreMedianMs: 1.5 * HOUR_MS,
    });
    // deployment days: days 0..6 all have one -> 7 in the single week
    expect(all.deploymentDaysPerWeek).toBe(7);
    const [empty] = computeScorecard(attributed(), { ...week, groupBy: 'none' });
    expect(empty).toMatchObject({ group: 'all', deployments: 0, leadTimeMedianMs: null, changeFailRate: null });
    expect(empty.score).toEqual({ throughput: 0, instability: null });
  });

  it('groups by team and filters like the metrics', () => {
    const rows = computeScorecard(fixture(), { ...week, groupBy: 'team', filters: { services: ['a', 'c'] } });
    expect(rows.map((r) => [r.group, r.deployments, r.timeToRestoreMedianMs])).toEqual([
      ['core', 7, null],
      ['ops', 0, HOUR_MS],
    ]);
  });

  it('takes the median of deployment days over the Monday weeks of the range in the zone', () => {
    // UTC, two weeks: week 1 deploys on Mon, Tue, Wed; week 2 on nothing -> median of [3, 0] = 1.5.
    const a = attributed({ deployments: [0, 1, 2].map((d) => deployment({ finishedAt: at(d, 5) })) });
    const [row] = computeScorecard(a, { groupBy: 'none', range: { from: T0, to: at(14) }, zone: UTC });
    expect(row.deploymentDaysPerWeek).toBe(1.5);
    // In UTC-8 05:00Z is 21:00 the day before: local Sun Dec 31, Mon Jan 1, Tue Jan 2. The range
    // overlaps three local Monday weeks: Dec 25-31 (1 day), Jan 1-7 (2 days), Jan 8-14 (0) -> median 1.
    const [shifted] = computeScorecard(a, {
      groupBy: 'none',
      range: { from: T0, to: at(14) },
      zone: fixedOffset(-480),
    });
    expect(shifted.deploymentDaysPerWeek).toBe(1);
  });

  it('adds the year notes: 2024 change fail rate uses 2023 cut-offs', () => {
    const [row] = computeScorecard(fixture(), { ...week, groupBy: 'none', benchmarkYear: 2024 });
    expect(row.notes.join(' ')).toMatch(/2024 change fail rate cut-offs are not monotonic.*2023 cut-offs used/);
    const [old] = computeScorecard(fixture(), { ...week, groupBy: 'none', benchmarkYear: 2022 });
    expect(old.levels.leadTime).toBe('high');
  });

  it('rejects bad requests with clear messages', () => {
    expect(() => computeScorecard(fixture(), { ...week, range: { from: at(1), to: at(1) } })).toThrow(/range\.to/);
    expect(() => computeScorecard(fixture(), { ...week, benchmarkYear: 2020 as never })).toThrow(/benchmarkYear: 2020/);
    expect(() => computeScorecard(fixture(), { ...week, groupBy: 'org' as never })).toThrow(/groupBy: "org"/);
  });
});
