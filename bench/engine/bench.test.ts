/** @jest-environment node */
import { parentsOf } from '../../src/engine';
import { parseArgs } from './args';
import { compareFigures } from './compare';
import { generateOrg, scaledCounts } from './generate';
import { allocatedFromGcTrace, peakFromGcTrace } from './heap';
import { fakeSha, seededRandom } from './random';
import { median } from './timing';

describe('generator', () => {
  it('is deterministic for a seed and exact in its counts', () => {
    const a = generateOrg({ scale: 0.002, seed: 3 });
    const b = generateOrg({ scale: 0.002, seed: 3 });
    const c = generateOrg({ scale: 0.002, seed: 4 });
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    expect(JSON.stringify(a.events)).not.toBe(JSON.stringify(c.events));
    const counts = scaledCounts(0.002);
    expect(a.events.changes).toHaveLength(counts.changes);
    expect(a.events.deployments).toHaveLength(counts.deployments);
    expect(a.events.incidents).toHaveLength(counts.incidents);
  });

  it('makes SHA-shaped, unique commit ids whose parents exist in the same repository', () => {
    const { events } = generateOrg({ scale: 0.005, seed: 9 });
    const shas = new Set(events.changes.map((c) => `${c.repo}@${c.sha}`));
    expect(shas.size).toBe(events.changes.length);
    for (const c of events.changes) {
      expect(c.sha).toMatch(/^[0-9a-f]{40}$/);
      for (const p of parentsOf(c)) {
        expect(shas.has(`${c.repo}@${p}`)).toBe(true);
      }
    }
    for (const d of events.deployments) {
      expect(shas.has(`${d.repo}@${d.sha}`)).toBe(true);
    }
  });

  it('rejects a scale outside (0, 10] with the fix', () => {
    expect(() => generateOrg({ scale: 0, seed: 1 })).toThrow(/scale must be in \(0, 10\], got 0; use 1/);
  });

  it('random helpers: ids differ, values stay in bounds', () => {
    expect(fakeSha(1, 5)).not.toBe(fakeSha(2, 5));
    const rnd = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const n = rnd.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });
});

describe('harness helpers', () => {
  it('reads the peak heap from a V8 GC trace', () => {
    const trace = [
      '[123:0x55]   196 ms: Scavenge 39.0 (55.7) -> 35.6 (56.5) MB, 34.31 / 0.00 ms  (average mu = 1.000) allocation failure;',
      '[123:0x55]   495 ms: Mark-Compact 964.6 (984.5) -> 27.9 (61.4) MB, 176.19 / 0.00 ms  (+ 0.4 ms in 2 steps)',
      '[123:0x55]   693 ms: Scavenge 67.8 (85.0) -> 56.9 (80.6) MB, 62.45 / 0.00 ms',
      'unrelated output 999.0 MB',
    ].join('\n');
    expect(peakFromGcTrace(trace)).toBe(964.6);
    expect(peakFromGcTrace('')).toBe(0);
  });

  it('sums the heap allocated between collections of the main isolate, ignoring other isolates', () => {
    const trace = [
      '[123:0x55]   196 ms: Scavenge 40.0 (55.7) -> 35.0 (56.5) MB, 34.31 / 0.00 ms',
      '[123:0x7f01]   200 ms: Mark-Compact (reduce) 4.2 (6.0) -> 4.0 (5.2) MB, 66.43 / 0.00 ms',
      '[123:0x55]   495 ms: Mark-Compact (reduce) 60.0 (984.5) -> 20.0 (61.4) MB, 176.19 / 0.00 ms',
    ].join('\n');
    // Started at 30: 10 until the scavenge, 25 until the mark-compact, 5 after it (ending at 25).
    expect(allocatedFromGcTrace(trace, 30, 25)).toBe(40);
    expect(peakFromGcTrace(trace)).toBe(60);
    expect(allocatedFromGcTrace('', 30, 32)).toBe(2);
  });

  it('parses scales, seed and repeat, and names a bad value', () => {
    expect(parseArgs([]).scales).toEqual([0.01, 0.1, 1]);
    expect(parseArgs([], { BENCH_SCALE: '0.05' }).scales).toEqual([0.05]);
    expect(parseArgs(['--scale', '0.01,0.1', '--seed', '7', '--repeat', '2'])).toEqual({
      scales: [0.01, 0.1],
      scale: 0.1,
      seed: 7,
      repeat: 2,
      sqlAncestry: 'loop',
      out: undefined,
    });
    expect(() => parseArgs(['--scale', 'big'])).toThrow('--scale "big" is not valid; use a fraction such as 0.01');
    expect(() => parseArgs(['--repeat', '0'])).toThrow('--repeat "0" is not valid; use an integer >= 1');
    expect(parseArgs(['--sql-ancestry', 'recursive']).sqlAncestry).toBe('recursive');
    expect(() => parseArgs(['--sql-ancestry', 'cte'])).toThrow(
      '--sql-ancestry "cte" is not valid; use loop or recursive'
    );
    expect(() => parseArgs(['--fast'])).toThrow('unknown option --fast');
  });

  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('compares counts exactly, durations to the second, rates to 1e-9, and missing points', () => {
    const point = (metric: string, value: number | null, count = 1) => ({ metric, group: 's', time: 0, value, count });
    const row = {
      group: 'team',
      deployments: 1,
      deploymentsPerDay: 1,
      deploymentsPerWeek: 7,
      deploymentDaysPerWeek: 1,
      leadTimeMedianMs: 1000,
      changeFailRate: 0.5,
      recoveryMedianMs: null,
      timeToRestoreMedianMs: null,
      reworkRate: 0,
      levels: {
        deploymentFrequency: 'elite' as const,
        leadTime: 'elite' as const,
        changeFailRate: 'low' as const,
        recoveryTime: null,
      },
      score: { throughput: 9, instability: 7.5 },
    };
    const engine = {
      weekly: [point('leadTime', 10_000), point('changeFailRate', 0.25), point('deploymentCount', 3, 3)],
      scorecard: [row],
    };
    const agree = compareFigures(
      engine,
      {
        weekly: [point('leadTime', 10_999), point('changeFailRate', 0.25 + 1e-12), point('deploymentCount', 3, 3)],
        scorecard: [row],
      },
      ['leadTime', 'changeFailRate', 'deploymentCount']
    );
    expect(agree.disagreements).toEqual([]);
    expect(agree.maxDurationDeltaMs).toBe(999);

    const disagree = compareFigures(
      engine,
      {
        weekly: [point('leadTime', 11_000), point('changeFailRate', 0.26)],
        scorecard: [{ ...row, levels: { ...row.levels, changeFailRate: 'medium' as const } }],
      },
      ['leadTime', 'changeFailRate', 'deploymentCount']
    );
    expect(disagree.disagreements.map((d) => d.key)).toEqual([
      'changeFailRate s 1970-01-01 value',
      'deploymentCount s 1970-01-01',
      'leadTime s 1970-01-01 value',
      'scorecard team levels.changeFailRate',
    ]);
  });
});
