import { DAY_MS, HOUR_MS, WEEK_MS } from './options';
import {
  BENCHMARKS,
  changeFailRateLevel,
  classify,
  deploymentFrequencyLevel,
  deploymentFrequencyScore,
  doraScore,
  durationScore,
  leadTimeLevel,
  MONTH_MS,
  rateScore,
  recoveryTimeLevel,
  SIX_MONTHS_MS,
} from './tiers';

describe('2023 levels (default)', () => {
  it('rates lead time < 1 day / < 1 week / < 1 month / longer', () => {
    expect(leadTimeLevel(DAY_MS - 1)).toBe('elite');
    expect(leadTimeLevel(DAY_MS)).toBe('high');
    expect(leadTimeLevel(WEEK_MS)).toBe('medium');
    expect(leadTimeLevel(MONTH_MS - 1)).toBe('medium');
    expect(leadTimeLevel(MONTH_MS)).toBe('low');
    expect(leadTimeLevel(null)).toBeNull();
  });

  it('rates change fail rate <= 5% / 10% / 15% / more', () => {
    expect(changeFailRateLevel(0)).toBe('elite');
    expect(changeFailRateLevel(0.05)).toBe('elite');
    expect(changeFailRateLevel(0.0501)).toBe('high');
    expect(changeFailRateLevel(0.1)).toBe('high');
    expect(changeFailRateLevel(0.15)).toBe('medium');
    expect(changeFailRateLevel(0.16)).toBe('low');
    expect(changeFailRateLevel(null)).toBeNull();
  });

  it('rates recovery < 1 hour / < 1 day / < 1 week / longer', () => {
    expect(recoveryTimeLevel(HOUR_MS - 1)).toBe('elite');
    expect(recoveryTimeLevel(HOUR_MS)).toBe('high');
    expect(recoveryTimeLevel(DAY_MS)).toBe('medium');
    expect(recoveryTimeLevel(WEEK_MS)).toBe('low');
  });

  it('rates deployment frequency: on demand >= 1/day, >= 1/week, >= 1/30 days, less', () => {
    expect(deploymentFrequencyLevel(3)).toBe('elite');
    expect(deploymentFrequencyLevel(1)).toBe('elite');
    expect(deploymentFrequencyLevel(6 / 7)).toBe('high');
    expect(deploymentFrequencyLevel(1 / 7)).toBe('high');
    expect(deploymentFrequencyLevel(1 / 8)).toBe('medium');
    expect(deploymentFrequencyLevel(1 / 30)).toBe('medium');
    expect(deploymentFrequencyLevel(1 / 31)).toBe('low');
    expect(deploymentFrequencyLevel(0)).toBe('low');
  });
});

describe('other years', () => {
  it('2021: elite lead time under an hour, and 16-30% change fail rate is high', () => {
    expect(leadTimeLevel(HOUR_MS - 1, 2021)).toBe('elite');
    expect(leadTimeLevel(5 * HOUR_MS, 2021)).toBe('high');
    expect(leadTimeLevel(2 * MONTH_MS, 2021)).toBe('medium');
    expect(leadTimeLevel(SIX_MONTHS_MS, 2021)).toBe('low');
    expect(changeFailRateLevel(0.15, 2021)).toBe('elite');
    expect(changeFailRateLevel(0.3, 2021)).toBe('high');
    expect(changeFailRateLevel(0.31, 2021)).toBe('low');
    expect(deploymentFrequencyLevel(1 / 7, 2021)).toBe('high');
    expect(deploymentFrequencyLevel(1 / 60, 2021)).toBe('medium');
    expect(deploymentFrequencyLevel(1 / 200, 2021)).toBe('low');
  });

  it('2022 has no elite', () => {
    expect(BENCHMARKS[2022].levels).toEqual(['high', 'medium', 'low']);
    expect(leadTimeLevel(1, 2022)).toBe('high');
    expect(deploymentFrequencyLevel(5, 2022)).toBe('high');
    expect(deploymentFrequencyLevel(1 / 7, 2022)).toBe('medium');
    expect(changeFailRateLevel(0, 2022)).toBe('high');
    expect(changeFailRateLevel(0.2, 2022)).toBe('medium');
    expect(changeFailRateLevel(0.5, 2022)).toBe('low');
    expect(recoveryTimeLevel(2 * DAY_MS, 2022)).toBe('medium');
    expect(recoveryTimeLevel(2 * WEEK_MS, 2022)).toBe('low');
  });

  it('2024 uses the 2023 change fail rate cut-offs and says so', () => {
    expect(changeFailRateLevel(0.15, 2024)).toBe('medium');
    expect(changeFailRateLevel(0.2, 2024)).toBe('low');
    expect(deploymentFrequencyLevel(1 / 60, 2024)).toBe('low');
    const result = classify(
      {
        leadTimeMs: HOUR_MS,
        deploymentsPerDay: 2,
        changeFailRate: 0.08,
        recoveryMs: 2 * DAY_MS,
        timeToRestoreMs: null,
      },
      2024
    );
    expect(result.levels).toEqual({
      deploymentFrequency: 'elite',
      leadTime: 'elite',
      changeFailRate: 'high',
      recoveryTime: 'medium',
    });
    expect(result.notes.join(' ')).toMatch(/2024 change fail rate.*not monotonic.*2023/);
  });

  it('rates time to restore for the recovery level of 2021 and 2022, failed deployment recovery from 2023', () => {
    const inputs = {
      leadTimeMs: null,
      deploymentsPerDay: null,
      changeFailRate: null,
      recoveryMs: 10 * 60 * 1000,
      timeToRestoreMs: 3 * DAY_MS,
    };
    expect(classify(inputs, 2022).levels.recoveryTime).toBe('medium');
    expect(classify(inputs, 2022).notes.join(' ')).toMatch(/time to restore/);
    expect(classify(inputs, 2023).levels.recoveryTime).toBe('elite');
    expect(classify(inputs, 2023).notes).toEqual([]);
  });

  it('names the field, the value and the fix for an unknown year', () => {
    expect(() => leadTimeLevel(1, 2019 as never)).toThrow(/benchmarkYear: 2019.*2021, 2022, 2023, 2024/);
  });
});

describe('DORA score (2025 Quick Check)', () => {
  it('maps durations to 10, 8, 6, 4, 2, 0', () => {
    expect(durationScore(HOUR_MS - 1)).toBe(10);
    expect(durationScore(HOUR_MS)).toBe(8);
    expect(durationScore(DAY_MS)).toBe(6);
    expect(durationScore(WEEK_MS)).toBe(4);
    expect(durationScore(MONTH_MS)).toBe(2);
    expect(durationScore(SIX_MONTHS_MS)).toBe(0);
    expect(durationScore(null)).toBeNull();
  });

  it('maps rates to 10 - percent / 10', () => {
    expect(rateScore(0)).toBe(10);
    expect(rateScore(0.15)).toBeCloseTo(8.5, 12);
    expect(rateScore(1)).toBe(0);
    expect(rateScore(null)).toBeNull();
  });

  it('maps deployment frequency by the same ladder', () => {
    expect(deploymentFrequencyScore(1)).toBe(10);
    expect(deploymentFrequencyScore(3 / 7)).toBe(8);
    expect(deploymentFrequencyScore(1 / 7)).toBe(6);
    expect(deploymentFrequencyScore(1 / 30)).toBe(4);
    expect(deploymentFrequencyScore(1 / 180)).toBe(2);
    expect(deploymentFrequencyScore(0)).toBe(0);
  });

  it('averages throughput and instability over the known metrics', () => {
    // lead time 2 h -> 8, 1 deploy a day -> 10, recovery 30 min -> 10: (8+10+10)/3
    // change fail 20% -> 8, rework 10% -> 9: 8.5
    expect(
      doraScore({
        leadTimeMs: 2 * HOUR_MS,
        deploymentsPerDay: 1,
        recoveryMs: 30 * 60 * 1000,
        changeFailRate: 0.2,
        reworkRate: 0.1,
      })
    ).toEqual({
      throughput: 28 / 3,
      instability: 8.5,
    });
    expect(
      doraScore({
        leadTimeMs: null,
        deploymentsPerDay: 1 / 7,
        recoveryMs: null,
        changeFailRate: null,
        reworkRate: null,
      })
    ).toEqual({
      throughput: 6,
      instability: null,
    });
  });
});
