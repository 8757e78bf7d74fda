/**
 * The differential check: the engine's and the SQL peer's numbers must agree, exactly for counts, to the
 * second for durations, to 1e-9 for rates and scores. Any disagreement is a bug on one of the two sides.
 */
import { GroupBy, MetricId } from '../../src/engine';
import { ScorecardFigures, WeeklyPoint } from './figures';

/**
 * Every metric whose inputs the generated events have. The others (lead time stages: pull request data;
 * build success, flaky reruns, pipeline duration: pipeline runs) must come out empty on the engine side.
 */
export const COMPARED_METRICS = [
  'deploymentCount',
  'daysSinceLastDeployment',
  'deploymentsPerDay',
  'deploymentsPerWeek',
  'deploymentDaysPerWeek',
  'deploymentGap',
  'leadTime',
  'changeFailRate',
  'deployAttemptFailureRate',
  'recoveryTime',
  'timeToRestore',
  'reworkRate',
  'timeToDetect',
  'timeToAcknowledge',
  'meanTimeBetweenFailures',
  'deploymentDuration',
];

/**
 * The groupings beyond service that both sides compute weekly (sql/groupings/): incidents, change fail rate and
 * recovery by severity, lead time by pull request label, and a few metrics by team with services two teams own.
 */
export const GROUPED_COMPARISONS: ReadonlyArray<[metric: MetricId, groupBy: GroupBy]> = [
  ['timeToRestore', 'severity'],
  ['timeToDetect', 'severity'],
  ['timeToAcknowledge', 'severity'],
  ['changeFailRate', 'severity'],
  ['recoveryTime', 'severity'],
  ['leadTime', 'label'],
  ['deploymentCount', 'team'],
  ['changeFailRate', 'team'],
  ['leadTime', 'team'],
  ['timeToRestore', 'team'],
];

/** How a grouped comparison's points are named: "<metric> by <groupBy>". */
export function groupedName(metric: MetricId, groupBy: GroupBy): string {
  return `${metric} by ${groupBy}`;
}

/** Every weekly series compared: per service, and the groupings. */
export const ALL_COMPARED = [...COMPARED_METRICS, ...GROUPED_COMPARISONS.map(([m, g]) => groupedName(m, g))];

/** Metrics whose values are milliseconds. */
const DURATION_METRICS = new Set([
  'leadTime',
  'recoveryTime',
  'timeToRestore',
  'timeToDetect',
  'timeToAcknowledge',
  'deploymentGap',
  'deploymentDuration',
  'meanTimeBetweenFailures',
]);
const COUNT_METRICS = new Set(['deploymentCount', 'deploymentDaysPerWeek']);

export const DURATION_TOLERANCE_MS = 1000;
export const RATE_TOLERANCE = 1e-9;

export interface Disagreement {
  /** e.g. "leadTime svc-012 2025-03-10" or "scorecard team-07 changeFailRate". */
  key: string;
  engine: unknown;
  sql: unknown;
}

export interface Comparison {
  /** Numbers compared. */
  compared: number;
  disagreements: Disagreement[];
  /** Largest difference seen among agreeing durations (ms) and rates: 0 when both sides are exact. */
  maxDurationDeltaMs: number;
  maxRateDelta: number;
}

export function compareFigures(
  engine: { weekly: WeeklyPoint[]; scorecard: ScorecardFigures[] },
  sql: { weekly: WeeklyPoint[]; scorecard: ScorecardFigures[] },
  metrics: string[]
): Comparison {
  const result: Comparison = { compared: 0, disagreements: [], maxDurationDeltaMs: 0, maxRateDelta: 0 };
  const wanted = new Set(metrics);
  for (const p of engine.weekly) {
    if (!wanted.has(p.metric)) {
      result.disagreements.push({ key: `${weeklyKey(p)} (a metric the SQL does not compute)`, engine: p, sql: 'none' });
    }
  }
  const engineWeekly = indexBy(
    engine.weekly.filter((p) => wanted.has(p.metric)),
    weeklyKey
  );
  const sqlWeekly = indexBy(
    sql.weekly.filter((p) => wanted.has(p.metric)),
    weeklyKey
  );
  for (const key of union(engineWeekly, sqlWeekly)) {
    const e = engineWeekly.get(key);
    const s = sqlWeekly.get(key);
    if (!e || !s) {
      result.disagreements.push({ key, engine: e ?? 'no point', sql: s ?? 'no point' });
      continue;
    }
    checkNumber(result, `${key} count`, e.count, s.count, 'count');
    checkNumber(result, `${key} value`, e.value, s.value, kindOf(e.metric));
  }

  const engineRows = indexBy(engine.scorecard, (r) => r.group);
  const sqlRows = indexBy(sql.scorecard, (r) => r.group);
  for (const group of union(engineRows, sqlRows)) {
    const e = engineRows.get(group);
    const s = sqlRows.get(group);
    const key = `scorecard ${group}`;
    if (!e || !s) {
      result.disagreements.push({ key, engine: e ? 'row' : 'no row', sql: s ? 'row' : 'no row' });
      continue;
    }
    checkNumber(result, `${key} deployments`, e.deployments, s.deployments, 'count');
    checkNumber(result, `${key} deploymentsPerDay`, e.deploymentsPerDay, s.deploymentsPerDay, 'rate');
    checkNumber(result, `${key} deploymentsPerWeek`, e.deploymentsPerWeek, s.deploymentsPerWeek, 'rate');
    checkNumber(result, `${key} deploymentDaysPerWeek`, e.deploymentDaysPerWeek, s.deploymentDaysPerWeek, 'rate');
    checkNumber(result, `${key} leadTimeMedianMs`, e.leadTimeMedianMs, s.leadTimeMedianMs, 'duration');
    checkNumber(result, `${key} changeFailRate`, e.changeFailRate, s.changeFailRate, 'rate');
    checkNumber(result, `${key} recoveryMedianMs`, e.recoveryMedianMs, s.recoveryMedianMs, 'duration');
    checkNumber(result, `${key} timeToRestoreMedianMs`, e.timeToRestoreMedianMs, s.timeToRestoreMedianMs, 'duration');
    checkNumber(result, `${key} reworkRate`, e.reworkRate, s.reworkRate, 'rate');
    checkNumber(result, `${key} score.throughput`, e.score.throughput, s.score.throughput, 'rate');
    checkNumber(result, `${key} score.instability`, e.score.instability, s.score.instability, 'rate');
    for (const level of Object.keys(e.levels) as Array<keyof ScorecardFigures['levels']>) {
      result.compared++;
      if (e.levels[level] !== s.levels[level]) {
        result.disagreements.push({ key: `${key} levels.${level}`, engine: e.levels[level], sql: s.levels[level] });
      }
    }
  }
  return result;
}

/** Human-readable lines for the first disagreements. */
export function describeDisagreements(comparison: Comparison, limit = 20): string[] {
  return comparison.disagreements
    .slice(0, limit)
    .map((d) => `  ${d.key}: engine ${JSON.stringify(d.engine)} vs sql ${JSON.stringify(d.sql)}`);
}

type Kind = 'count' | 'duration' | 'rate';

function kindOf(name: string): Kind {
  const metric = name.split(' by ')[0];
  return DURATION_METRICS.has(metric) ? 'duration' : COUNT_METRICS.has(metric) ? 'count' : 'rate';
}

function checkNumber(result: Comparison, key: string, e: number | null, s: number | null, kind: Kind): void {
  result.compared++;
  if (e === null || s === null) {
    if (e !== s) {
      result.disagreements.push({ key, engine: e, sql: s });
    }
    return;
  }
  const delta = Math.abs(e - s);
  const agrees =
    kind === 'count' ? e === s : kind === 'duration' ? delta < DURATION_TOLERANCE_MS : delta <= RATE_TOLERANCE;
  if (!agrees) {
    result.disagreements.push({ key, engine: e, sql: s });
  } else if (kind === 'duration') {
    result.maxDurationDeltaMs = Math.max(result.maxDurationDeltaMs, delta);
  } else if (kind === 'rate') {
    result.maxRateDelta = Math.max(result.maxRateDelta, delta);
  }
}

function weeklyKey(p: WeeklyPoint): string {
  return `${p.metric} ${p.group} ${new Date(p.time).toISOString().slice(0, 10)}`;
}

function indexBy<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (out.has(k)) {
      throw new Error(`two results for ${k}: each side must give one point per metric, group and week`);
    }
    out.set(k, item);
  }
  return out;
}

function union<T>(a: Map<string, T>, b: Map<string, T>): string[] {
  const keys = new Set<string>();
  a.forEach((_v, k) => keys.add(k));
  b.forEach((_v, k) => keys.add(k));
  return Array.from(keys).sort();
}
