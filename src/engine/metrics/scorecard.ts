/**
 * The scorecard: one row per group over the whole range [from, to) with the four keys, rework rate,
 * levels against a benchmark year and the DORA score. groupBy 'none' gives one row named 'all'
 * (there is no extra total row when grouping).
 *
 * Built for regrouping large histories quickly: items get integer group ids in one pass per list,
 * values go to typed arrays, and medians come from a counting partition by group plus quickselect,
 * so the cost is linear in the number of items (plus one sort of in-range deployments for
 * deployment days).
 *
 * Buckets and instants as for the metrics (see instants.ts): deployments, changes and failed
 * deployment recovery by the deployment's finish; incidents by start, else creation. Deployment
 * frequency is deployments / wall-clock days of the range; deployment days per week is the median
 * over the Monday weeks overlapping the range of the distinct local days with a deployment.
 */
import { EngineInputError } from '../attribution/inputError';
import { Attributed, AttributedChange, AttributedDeployment, AttributedIncident } from '../attribution/types';
import { checkRange, localDayIndex, wallClockDays, weekIndexOfDay } from '../buckets';
import { BenchmarkYear } from '../options';
import { Filters, GroupBy, ScorecardRow } from '../results';
import { percentileInPlace } from '../stats';
import { benchmarkTable, classify, doraScore, DEFAULT_BENCHMARK_YEAR } from '../tiers';
import { TimeRange, TimeZone } from '../time';
import { checkAttributed } from './context';
import { ALL_GROUP, Dimensions, Dims, Grouping } from './dimensions';
import { incidentInstant } from './instants';
import { compareGroups } from './series';

export interface ScorecardRequest {
  groupBy: GroupBy;
  range: TimeRange;
  zone: TimeZone;
  filters?: Filters;
  benchmarkYear?: BenchmarkYear;
}

/** Group names to dense integer ids. */
class GroupIds {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/** (group id, value) pairs in typed arrays. */
class GroupedValues {
  readonly groups: Int32Array;
  readonly values: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.groups = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  push(group: number, value: number): void {
    this.groups[this.length] = group;
    this.values[this.length] = value;
    this.length++;
  }

  /** Median per group id (NaN for a group without values): counting partition, then quickselect per group. */
  medians(groupCount: number): Float64Array {
    const starts = new Int32Array(groupCount + 1);
    for (let i = 0; i < this.length; i++) {
      starts[this.groups[i] + 1]++;
    }
    for (let g = 0; g < groupCount; g++) {
      starts[g + 1] += starts[g];
    }
    const next = starts.slice(0, groupCount);
    const partitioned = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) {
      partitioned[next[this.groups[i]]++] = this.values[i];
    }
    const out = new Float64Array(groupCount);
    for (let g = 0; g < groupCount; g++) {
      const m = percentileInPlace(partitioned, 0.5, starts[g], starts[g + 1]);
      out[g] = m === null ? NaN : m;
    }
    return out;
  }
}

/** Growable per-group counters. */
function bump(counts: number[], group: number, by = 1): void {
  while (counts.length <= group) {
    counts.push(0);
  }
  counts[group] += by;
}

export function computeScorecard(attributed: Attributed, request: ScorecardRequest): ScorecardRow[] {
  checkAttributed(attributed);
  if (!request || typeof request !== 'object') {
    throw new EngineInputError('scorecard request', request, 'Pass { groupBy, range, zone }.');
  }
  checkRange(request.range);
  if (!request.zone || typeof request.zone.offsetMinutesAt !== 'function') {
    throw new EngineInputError('zone', request.zone, 'Pass a TimeZone such as UTC or fixedOffset(60) from the engine.');
  }
  const year = request.benchmarkYear === undefined ? DEFAULT_BENCHMARK_YEAR : request.benchmarkYear;
  benchmarkTable(year);

  const { from, to } = request.range;
  const zone = request.zone;
  const grouping = new Grouping(request.groupBy, request.filters);
  const ids = new GroupIds();
  if (grouping.groupsEverything) {
    ids.id(ALL_GROUP);
  }
  const teams = attributed.teams;
  const teamOf = (service: string): string => (typeof teams[service] === 'string' ? teams[service] : '');

  // ---- deployments: counts, failures, rework, recovery, deployment days ----
  const deploymentField = (item: AttributedDeployment, key: keyof Dims): string => {
    const d = item.deployment;
    switch (key) {
      case 'service':
        return d.service;
      case 'team':
        return item.team || teamOf(d.service);
      case 'environment':
        return d.environment;
      default:
        return d.repo;
    }
  };
  const deployments: number[] = [];
  const failed: number[] = [];
  const rework: number[] = [];
  const deps = attributed.deployments;
  const recovery = new GroupedValues(deps.length);
  const dayGroups = new Int32Array(deps.length);
  const dayIndexes = new Float64Array(deps.length);
  let inRange = 0;
  for (let i = 0; i < deps.length; i++) {
    const item = deps[i];
    const at = item.deployment.finishedAt;
    if (!(at >= from && at < to)) {
      continue;
    }
    const name = grouping.groupOfItem(item, deploymentField);
    if (name === null) {
      continue;
    }
    const g = ids.id(name);
    bump(deployments, g);
    if (item.failed) {
      bump(failed, g);
      const ms = item.recoveryMs;
      if (ms !== null && ms !== undefined && ms >= 0) {
        recovery.push(g, ms);
      }
    }
    if (item.isRework) {
      bump(rework, g);
    }
    dayGroups[inRange] = g;
    dayIndexes[inRange] = localDayIndex(zone, at);
    inRange++;
  }

  // ---- changes: lead time ----
  const changeField = (item: AttributedChange, key: keyof Dims): string => {
    switch (key) {
      case 'service':
        return item.service;
      case 'team':
        return item.team || teamOf(item.service);
      case 'environment':
        return item.environment;
      default:
        return item.change.repo;
    }
  };
  const changes = attributed.changes;
  const leadTimes = new GroupedValues(changes.length);
  for (let i = 0; i < changes.length; i++) {
    const item = changes[i];
    const ms = item.leadTimeMs;
    const at = item.deployedAt;
    if (ms === null || ms === undefined || !(ms >= 0) || !(at >= from && at < to)) {
      continue;
    }
    const name = grouping.groupOfItem(item, changeField);
    if (name !== null) {
      leadTimes.push(ids.id(name), ms);
    }
  }

  // ---- incidents: time to restore ----
  const needsLinks = grouping.uses('environment') || grouping.uses('repository');
  const dims = needsLinks ? new Dimensions(attributed) : null;
  const incidentField = (item: AttributedIncident, key: keyof Dims): string => {
    const service = item.incident.service || '';
    switch (key) {
      case 'service':
        return service;
      case 'team':
        return item.team || (service ? teamOf(service) : '');
      default:
        return dims ? dims.incident(item)[key] : '';
    }
  };
  const incidents = attributed.incidents;
  const restore = new GroupedValues(incidents.length);
  for (let i = 0; i < incidents.length; i++) {
    const item = incidents[i];
    const ms = item.timeToRestoreMs;
    const at = incidentInstant(item);
    if (ms === null || ms === undefined || !(ms >= 0) || !(at >= from && at < to)) {
      continue;
    }
    const name = grouping.groupOfItem(item, incidentField);
    if (name !== null) {
      restore.push(ids.id(name), ms);
    }
  }

  const groupCount = ids.names.length;
  const leadTimeMedians = leadTimes.medians(groupCount);
  const recoveryMedians = recovery.medians(groupCount);
  const restoreMedians = restore.medians(groupCount);
  const daysPerWeek = medianDeploymentDaysPerWeek(dayGroups, dayIndexes, inRange, groupCount, zone, request.range);
  const rangeDays = wallClockDays(zone, from, to);

  const rows: ScorecardRow[] = [];
  for (let g = 0; g < groupCount; g++) {
    const count = deployments[g] || 0;
    const perDay = count / rangeDays;
    const leadTimeMedianMs = orNull(leadTimeMedians[g]);
    const recoveryMedianMs = orNull(recoveryMedians[g]);
    const timeToRestoreMedianMs = orNull(restoreMedians[g]);
    const changeFailRate = count === 0 ? null : (failed[g] || 0) / count;
    const reworkRate = count === 0 ? null : (rework[g] || 0) / count;
    const classification = classify(
      {
        leadTimeMs: leadTimeMedianMs,
        deploymentsPerDay: perDay,
        changeFailRate,
        recoveryMs: recoveryMedianMs,
        timeToRestoreMs: timeToRestoreMedianMs,
      },
      year
    );
    rows.push({
      group: ids.names[g],
      deployments: count,
      deploymentsPerDay: perDay,
      deploymentsPerWeek: perDay * 7,
      deploymentDaysPerWeek: daysPerWeek[g],
      leadTimeMedianMs,
      changeFailRate,
      recoveryMedianMs,
      timeToRestoreMedianMs,
      reworkRate,
      levels: classification.levels,
      score: doraScore({
        leadTimeMs: leadTimeMedianMs,
        deploymentsPerDay: perDay,
        recoveryMs: recoveryMedianMs,
        changeFailRate,
        reworkRate,
      }),
      notes: classification.notes,
    });
  }
  return rows.sort((a, b) => compareGroups(a.group, b.group));
}

function orNull(value: number): number | null {
  return value === value ? value : null;
}

/**
 * Per group: the median over the Monday weeks overlapping the range of the number of distinct local
 * days with a deployment. One sort of (group, day) keys, then a sweep.
 */
function medianDeploymentDaysPerWeek(
  groups: Int32Array,
  days: Float64Array,
  length: number,
  groupCount: number,
  zone: TimeZone,
  range: TimeRange
): Float64Array {
  const firstWeek = weekIndexOfDay(localDayIndex(zone, range.from));
  const weekCount = weekIndexOfDay(localDayIndex(zone, range.to - 1)) - firstWeek + 1;
  const firstDay = firstWeek * 7 - 3; // Monday of the first week
  const span = weekCount * 7;
  const keys = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    keys[i] = groups[i] * span + (days[i] - firstDay);
  }
  keys.sort();
  const perWeek = new Float64Array(groupCount * weekCount);
  for (let i = 0; i < length; i++) {
    if (i > 0 && keys[i] === keys[i - 1]) {
      continue;
    }
    const g = Math.floor(keys[i] / span);
    const dayOffset = keys[i] - g * span;
    perWeek[g * weekCount + Math.floor(dayOffset / 7)] += 1;
  }
  const out = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const m = percentileInPlace(perWeek, 0.5, g * weekCount, (g + 1) * weekCount);
    out[g] = m === null ? 0 : m;
  }
  return out;
}
