/**
 * DORA performance levels by report year, and the DORA score of the 2025 Quick Check.
 *
 * Sources (the cluster tables of each Accelerate State of DevOps report, "How do you compare?"):
 * - 2021: https://dora.dev/research/2021/dora-report/ (also cloud.google.com/blog/products/devops-sre/
 *   announcing-dora-2021-accelerate-state-of-devops-report): elite/high/medium/low lead time < 1 hour /
 *   1 day-1 week / 1 month-6 months / > 6 months; deploys on demand / weekly-monthly / monthly-every 6
 *   months / fewer; time to restore < 1 hour / < 1 day / 1 day-1 week / > 6 months; change failure
 *   rate 0-15% / 16-30% / 16-30% / 16-30%.
 * - 2022: https://dora.dev/research/2022/dora-report/ (three clusters, no elite; see also
 *   octopus.com/blog/new-devops-performance-clusters): high/medium/low lead time 1 day-1 week / 1 week-
 *   1 month / 1-6 months; deploys on demand / weekly-monthly / monthly-every 6 months; time to restore
 *   < 1 day / 1 day-1 week / 1 week-1 month; change failure rate 0-15% / 16-30% / 46-60%.
 * - 2023: https://dora.dev/research/2023/dora-report/ (octopus.com/blog/software-delivery-performance-
 *   clusters-2023): lead time < 1 day / 1 day-1 week / 1 week-1 month / 1 week-1 month; deploys on
 *   demand / daily-weekly / weekly-monthly / weekly-monthly; change failure rate 5% / 10% / 15% / 64%;
 *   failed deployment recovery < 1 hour / < 1 day / 1 day-1 week / 1-6 months.
 * - 2024: https://dora.dev/research/2024/dora-report/ (octopus.com/blog/2024-devops-performance-
 *   clusters): lead time < 1 day / 1 day-1 week / 1 week-1 month / 1-6 months; deploys on demand /
 *   daily-weekly / weekly-monthly / monthly-every 6 months; change failure rate 5% / 20% / 10% / 40%;
 *   recovery < 1 hour / < 1 day / < 1 day / 1 week-1 month.
 *
 * Reading of a table: each level's range becomes one cut-off at its worse end (a time below the
 * range's upper bound, a rate at most its upper bound, a frequency at least its lower bound); a value
 * gets the best level whose cut-off it meets and the worst level takes the rest. A value in a gap
 * between two published ranges therefore gets the worse of the two neighbouring levels. Where a year's table is not monotonic (2024 change failure rate: 5, 20, 10, 40 %; 2024
 * recovery: high and medium both "less than one day") the 2023 cut-offs are used and a note says so.
 *
 * Month = 30 days and six months = 180 days throughout.
 */
import { EngineInputError } from './attribution/inputError';
import { BENCHMARK_YEARS, BenchmarkYear, DAY_MS, HOUR_MS, WEEK_MS } from './options';
import { Level } from './results';

export const MONTH_MS = 30 * DAY_MS;
export const SIX_MONTHS_MS = 180 * DAY_MS;

/** A duration level applies when the value is strictly below `below` (ms). */
export interface DurationCutoff {
  level: Level;
  below: number;
}

/** A rate level applies when the value (0..1) is at most `atMost`. */
export interface RateCutoff {
  level: Level;
  atMost: number;
}

/** A frequency level applies when deployments per day are at least `atLeast`. */
export interface FrequencyCutoff {
  level: Level;
  atLeast: number;
}

export interface BenchmarkTable {
  year: BenchmarkYear;
  /** Levels the year's clusters have, best first (2022 has no elite). */
  levels: Level[];
  /** Best first; the last level of `levels` applies when no cut-off is met. */
  leadTime: DurationCutoff[];
  deploymentFrequency: FrequencyCutoff[];
  changeFailRate: RateCutoff[];
  recoveryTime: DurationCutoff[];
  /** Which measure the year's recovery row describes: time to restore service (all incidents) before 2023. */
  recoveryMeasure: 'timeToRestore' | 'failedDeploymentRecovery';
  /** Notes shown with every classification against this table. */
  notes: string[];
}

/**
 * Deployment frequency cut-offs in deployments per calendar day, averaged over the range:
 * "on demand (multiple deploys per day)" = at least one a day on average (7 a week, i.e. more than
 * one per working day); "daily to weekly" = at least one a week; "weekly to monthly" = at least one
 * in 30 days; "monthly to every six months" = at least one in 180 days.
 */
export const PER_DAY = {
  onDemand: 1,
  weekly: 1 / 7,
  monthly: 1 / 30,
  sixMonthly: 1 / 180,
};

const FOUR: Level[] = ['elite', 'high', 'medium', 'low'];

const TABLE_2023: BenchmarkTable = {
  year: 2023,
  levels: FOUR,
  leadTime: [
    { level: 'elite', below: DAY_MS },
    { level: 'high', below: WEEK_MS },
    { level: 'medium', below: MONTH_MS },
  ],
  deploymentFrequency: [
    { level: 'elite', atLeast: PER_DAY.onDemand },
    { level: 'high', atLeast: PER_DAY.weekly },
    { level: 'medium', atLeast: PER_DAY.monthly },
  ],
  changeFailRate: [
    { level: 'elite', atMost: 0.05 },
    { level: 'high', atMost: 0.1 },
    { level: 'medium', atMost: 0.15 },
  ],
  recoveryTime: [
    { level: 'elite', below: HOUR_MS },
    { level: 'high', below: DAY_MS },
    { level: 'medium', below: WEEK_MS },
  ],
  recoveryMeasure: 'failedDeploymentRecovery',
  notes: [],
};

export const BENCHMARKS: Readonly<Record<BenchmarkYear, BenchmarkTable>> = {
  2021: {
    year: 2021,
    levels: FOUR,
    leadTime: [
      { level: 'elite', below: HOUR_MS },
      { level: 'high', below: WEEK_MS },
      { level: 'medium', below: SIX_MONTHS_MS },
    ],
    deploymentFrequency: [
      { level: 'elite', atLeast: PER_DAY.onDemand },
      { level: 'high', atLeast: PER_DAY.monthly },
      { level: 'medium', atLeast: PER_DAY.sixMonthly },
    ],
    // High, medium and low share 16-30 %: the best of them, high, takes that range; above 30 % is low.
    changeFailRate: [
      { level: 'elite', atMost: 0.15 },
      { level: 'high', atMost: 0.3 },
    ],
    recoveryTime: [
      { level: 'elite', below: HOUR_MS },
      { level: 'high', below: DAY_MS },
      { level: 'medium', below: WEEK_MS },
    ],
    recoveryMeasure: 'timeToRestore',
    notes: ['2021: high, medium and low share the 16-30% change fail rate range; 16-30% is rated high, more is low'],
  },
  2022: {
    year: 2022,
    levels: ['high', 'medium', 'low'],
    leadTime: [
      { level: 'high', below: WEEK_MS },
      { level: 'medium', below: MONTH_MS },
    ],
    deploymentFrequency: [
      { level: 'high', atLeast: PER_DAY.onDemand },
      { level: 'medium', atLeast: PER_DAY.monthly },
    ],
    changeFailRate: [
      { level: 'high', atMost: 0.15 },
      { level: 'medium', atMost: 0.3 },
    ],
    recoveryTime: [
      { level: 'high', below: DAY_MS },
      { level: 'medium', below: WEEK_MS },
    ],
    recoveryMeasure: 'timeToRestore',
    notes: ['2022 has no elite cluster: high is the best level'],
  },
  2023: TABLE_2023,
  2024: {
    year: 2024,
    levels: FOUR,
    leadTime: [
      { level: 'elite', below: DAY_MS },
      { level: 'high', below: WEEK_MS },
      { level: 'medium', below: MONTH_MS },
    ],
    deploymentFrequency: [
      { level: 'elite', atLeast: PER_DAY.onDemand },
      { level: 'high', atLeast: PER_DAY.weekly },
      { level: 'medium', atLeast: PER_DAY.monthly },
    ],
    changeFailRate: TABLE_2023.changeFailRate,
    recoveryTime: TABLE_2023.recoveryTime,
    recoveryMeasure: 'failedDeploymentRecovery',
    notes: [
      '2024 change fail rate cut-offs are not monotonic (5%, 20%, 10%, 40%); 2023 cut-offs used',
      '2024 recovery cut-offs give high and medium the same range (less than one day); 2023 cut-offs used',
    ],
  },
};

export const DEFAULT_BENCHMARK_YEAR: BenchmarkYear = 2023;

export function benchmarkTable(year: BenchmarkYear = DEFAULT_BENCHMARK_YEAR): BenchmarkTable {
  const table = BENCHMARKS[year];
  if (!table) {
    throw new EngineInputError('benchmarkYear', year, `Use one of ${BENCHMARK_YEARS.join(', ')}.`);
  }
  return table;
}

function worst(table: BenchmarkTable): Level {
  return table.levels[table.levels.length - 1];
}

export function leadTimeLevel(ms: number | null, year?: BenchmarkYear): Level | null {
  return durationLevel(ms, benchmarkTable(year), 'leadTime');
}

export function recoveryTimeLevel(ms: number | null, year?: BenchmarkYear): Level | null {
  return durationLevel(ms, benchmarkTable(year), 'recoveryTime');
}

export function changeFailRateLevel(rate: number | null, year?: BenchmarkYear): Level | null {
  if (rate === null || !isFinite(rate)) {
    return null;
  }
  const table = benchmarkTable(year);
  for (const cutoff of table.changeFailRate) {
    if (rate <= cutoff.atMost) {
      return cutoff.level;
    }
  }
  return worst(table);
}

export function deploymentFrequencyLevel(perDay: number | null, year?: BenchmarkYear): Level | null {
  if (perDay === null || !isFinite(perDay)) {
    return null;
  }
  const table = benchmarkTable(year);
  for (const cutoff of table.deploymentFrequency) {
    if (perDay >= cutoff.atLeast) {
      return cutoff.level;
    }
  }
  return worst(table);
}

function durationLevel(ms: number | null, table: BenchmarkTable, metric: 'leadTime' | 'recoveryTime'): Level | null {
  if (ms === null || !isFinite(ms)) {
    return null;
  }
  for (const cutoff of table[metric]) {
    if (ms < cutoff.below) {
      return cutoff.level;
    }
  }
  return worst(table);
}

// ---- DORA score (2025 Quick Check): every metric on 0..10, higher is better ----

/** Time answers of the Quick Check: less than an hour, a day, a week, a month, six months, more. */
const DURATION_SCORE: Array<{ below: number; score: number }> = [
  { below: HOUR_MS, score: 10 },
  { below: DAY_MS, score: 8 },
  { below: WEEK_MS, score: 6 },
  { below: MONTH_MS, score: 4 },
  { below: SIX_MONTHS_MS, score: 2 },
];

/**
 * Frequency answers mapped like the time answers, from the best: on demand (at least one a day on
 * average) 10; several a week (at least 3 a week, Four Keys' "daily" reading) 8; weekly 6; monthly
 * (at least one in 30 days) 4; every six months (at least one in 180 days) 2; less 0.
 */
const FREQUENCY_SCORE: Array<{ atLeast: number; score: number }> = [
  { atLeast: PER_DAY.onDemand, score: 10 },
  { atLeast: 3 / 7, score: 8 },
  { atLeast: PER_DAY.weekly, score: 6 },
  { atLeast: PER_DAY.monthly, score: 4 },
  { atLeast: PER_DAY.sixMonthly, score: 2 },
];

export function durationScore(ms: number | null): number | null {
  if (ms === null || !isFinite(ms)) {
    return null;
  }
  for (const step of DURATION_SCORE) {
    if (ms < step.below) {
      return step.score;
    }
  }
  return 0;
}

/** Rates score 10 - percent / 10 (0 % -> 10, 100 % -> 0). */
export function rateScore(rate: number | null): number | null {
  if (rate === null || !isFinite(rate)) {
    return null;
  }
  return Math.min(10, Math.max(0, 10 - (rate * 100) / 10));
}

export function deploymentFrequencyScore(perDay: number | null): number | null {
  if (perDay === null || !isFinite(perDay)) {
    return null;
  }
  for (const step of FREQUENCY_SCORE) {
    if (perDay >= step.atLeast) {
      return step.score;
    }
  }
  return 0;
}

export interface ScoreInputs {
  leadTimeMs: number | null;
  deploymentsPerDay: number | null;
  recoveryMs: number | null;
  changeFailRate: number | null;
  reworkRate: number | null;
}

/** Throughput = mean of lead time, deployment frequency and recovery scores; instability = mean of change fail and rework rate scores. Unknown metrics are left out; null when none is known. */
export function doraScore(inputs: ScoreInputs): { throughput: number | null; instability: number | null } {
  return {
    throughput: meanOfKnown([
      durationScore(inputs.leadTimeMs),
      deploymentFrequencyScore(inputs.deploymentsPerDay),
      durationScore(inputs.recoveryMs),
    ]),
    instability: meanOfKnown([rateScore(inputs.changeFailRate), rateScore(inputs.reworkRate)]),
  };
}

function meanOfKnown(scores: Array<number | null>): number | null {
  let total = 0;
  let known = 0;
  for (const score of scores) {
    if (score !== null) {
      total += score;
      known++;
    }
  }
  return known === 0 ? null : total / known;
}

export interface LevelInputs {
  leadTimeMs: number | null;
  deploymentsPerDay: number | null;
  changeFailRate: number | null;
  /** Failed deployment recovery time (2023+ tables). */
  recoveryMs: number | null;
  /** Time to restore service over all incidents (what the 2021 and 2022 tables measured). */
  timeToRestoreMs: number | null;
}

export interface Classification {
  levels: {
    deploymentFrequency: Level | null;
    leadTime: Level | null;
    changeFailRate: Level | null;
    recoveryTime: Level | null;
  };
  notes: string[];
}

/** Levels of the four key metrics against one year's table, with the notes that explain the reading. */
export function classify(inputs: LevelInputs, year: BenchmarkYear = DEFAULT_BENCHMARK_YEAR): Classification {
  const table = benchmarkTable(year);
  const notes = table.notes.slice();
  let recovery = inputs.recoveryMs;
  if (table.recoveryMeasure === 'timeToRestore') {
    recovery = inputs.timeToRestoreMs;
    notes.push(
      `${year}: the recovery level rates time to restore service (all incidents), which that year's table measured`
    );
  }
  return {
    levels: {
      deploymentFrequency: deploymentFrequencyLevel(inputs.deploymentsPerDay, year),
      leadTime: leadTimeLevel(inputs.leadTimeMs, year),
      changeFailRate: changeFailRateLevel(inputs.changeFailRate, year),
      recoveryTime: recoveryTimeLevel(recovery, year),
    },
    notes,
  };
}
