/**
 * The scorecard: one row per group over the whole range [from, to) with the four keys, rework rate,
 * levels against a benchmark year and the DORA score. groupBy 'none' gives one row named 'all'
 * (there is no extra total row when grouping).
 *
 * Built for regrouping large histories quickly (100,000 deployments and 1,000,000 changes): the
 * first call on an Attributed object copies what the scorecard reads into typed columns and interns
 * each dimension (columns.ts); every call then maps items to integer group ids in one pass per list
 * over typed arrays, and medians come from a counting partition by group plus quickselect. The cost
 * is linear in the number of items, plus one sort of the in-range deployments for deployment days.
 *
 * Buckets and instants as for the metrics (see instants.ts): deployments, changes and failed
 * deployment recovery by the deployment's finish; incidents by start, else creation. Deployment
 * frequency is deployments / wall-clock days of the range; deployment days per week is the median
 * over the Monday weeks overlapping the range of the distinct local days with a deployment.
 */
import { EngineInputError } from '../attribution/inputError';
import { Attributed } from '../attribution/types';
import { checkRange, localDayIndex, wallClockDays, weekIndexOfDay } from '../buckets';
import { BenchmarkYear } from '../options';
import { Filters, GroupBy, ScorecardRow } from '../results';
import { percentileInPlace } from '../stats';
import { benchmarkTable, classify, doraScore, DEFAULT_BENCHMARK_YEAR } from '../tiers';
import { TimeRange, TimeZone } from '../time';
import { checkAttributed } from './context';
import { AttributedColumns, attributedColumns, GroupColumn, groupColumn, Interner } from './columns';
import { ALL_GROUP, Grouping } from './dimensions';
import { compareGroups } from './series';

export interface ScorecardRequest {
  groupBy: GroupBy;
  range: TimeRange;
  zone: TimeZone;
  filters?: Filters;
  benchmarkYear?: BenchmarkYear;
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
  const year = checkRequest(attributed, request);
  const { range, zone } = request;
  const grouping = new Grouping(request.groupBy, request.filters);
  const ids = new Interner();
  if (grouping.groupsEverything) {
    ids.id(ALL_GROUP);
  }
  const columns = attributedColumns(attributed);

  const deployments = tallyDeployments(columns, grouping, ids, range, zone);
  const leadTimes = collect(
    groupColumn(columns.changes, grouping, ALL_GROUP),
    columns.changeAt,
    columns.leadTimeMs,
    ids,
    range
  );
  const restore = collect(
    groupColumn(columns.incidents, grouping, ALL_GROUP),
    columns.incidentAt,
    columns.restoreMs,
    ids,
    range
  );

  const groupCount = ids.names.length;
  const leadTimeMedians = leadTimes.medians(groupCount);
  const recoveryMedians = deployments.recovery.medians(groupCount);
  const restoreMedians = restore.medians(groupCount);
  const { dayGroups, dayIndexes, inRange } = deployments;
  const daysPerWeek = medianDeploymentDaysPerWeek(dayGroups, dayIndexes, inRange, groupCount, zone, range);
  const rangeDays = wallClockDays(zone, range.from, range.to);

  const rows: ScorecardRow[] = [];
  for (let g = 0; g < groupCount; g++) {
    rows.push(
      scorecardRow(
        {
          group: ids.names[g],
          deployments: deployments.counts[g] || 0,
          failed: deployments.failed[g] || 0,
          rework: deployments.rework[g] || 0,
          rangeDays,
          deploymentDaysPerWeek: daysPerWeek[g],
          leadTimeMedianMs: orNull(leadTimeMedians[g]),
          recoveryMedianMs: orNull(recoveryMedians[g]),
          timeToRestoreMedianMs: orNull(restoreMedians[g]),
        },
        year
      )
    );
  }
  return rows.sort((a, b) => compareGroups(a.group, b.group));
}

/** The benchmark year of a valid request; a bad request or Attributed throws EngineInputError. */
function checkRequest(attributed: Attributed, request: ScorecardRequest): BenchmarkYear {
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
  return year;
}

/** Per group: deployments in the range, failed and rework ones, recovery times, and the local days deployed on. */
interface DeploymentTally {
  counts: number[];
  failed: number[];
  rework: number[];
  recovery: GroupedValues;
  /** Group and local day index of each in-range deployment (the first `inRange` entries). */
  dayGroups: Int32Array;
  dayIndexes: Float64Array;
  inRange: number;
}

function tallyDeployments(
  columns: AttributedColumns,
  grouping: Grouping,
  ids: Interner,
  range: TimeRange,
  zone: TimeZone
): DeploymentTally {
  const deps = groupColumn(columns.deployments, grouping, ALL_GROUP);
  const depGroup = new GroupMap(deps.names, ids);
  const capacity = deps.values.length + (deps.extra ? deps.extra.items.length : 0);
  const tally: DeploymentTally = {
    counts: [],
    failed: [],
    rework: [],
    recovery: new GroupedValues(capacity),
    dayGroups: new Int32Array(capacity),
    dayIndexes: new Float64Array(capacity),
    inRange: 0,
  };
  // A severity filter narrows the failures (docs/definitions.md#grouping-by-severity-and-label).
  const failure = grouping.facetCheck(columns.failureFacets);
  // Items in their first group, then those of services several teams own in their further owners' groups.
  const n = deps.values.length;
  const more = deps.extra;
  const total = n + (more ? more.items.length : 0);
  for (let k = 0; k < total; k++) {
    const i = k < n ? k : (more as NonNullable<typeof more>).items[k - n];
    const v = k < n ? deps.values[k] : (more as NonNullable<typeof more>).values[k - n];
    const at = columns.deployedAt[i];
    if (v < 0 || !(at >= range.from && at < range.to)) {
      continue;
    }
    const g = depGroup.id(v);
    bump(tally.counts, g);
    if (columns.failed[i] === 1 && (failure === null || failure(columns.deployments.items[i]))) {
      bump(tally.failed, g);
      const ms = columns.recoveryMs[i];
      if (ms === ms) {
        tally.recovery.push(g, ms);
      }
    }
    if (columns.rework[i] === 1) {
      bump(tally.rework, g);
    }
    tally.dayGroups[tally.inRange] = g;
    tally.dayIndexes[tally.inRange] = localDayIndex(zone, at);
    tally.inRange++;
  }
  return tally;
}

interface GroupFigures {
  group: string;
  deployments: number;
  failed: number;
  rework: number;
  rangeDays: number;
  deploymentDaysPerWeek: number;
  leadTimeMedianMs: number | null;
  recoveryMedianMs: number | null;
  timeToRestoreMedianMs: number | null;
}

/** One group's row: rates, levels against the year's table, and the DORA score. */
function scorecardRow(f: GroupFigures, year: BenchmarkYear): ScorecardRow {
  const count = f.deployments;
  const perDay = count / f.rangeDays;
  const changeFailRate = count === 0 ? null : f.failed / count;
  const reworkRate = count === 0 ? null : f.rework / count;
  const classification = classify(
    {
      leadTimeMs: f.leadTimeMedianMs,
      deploymentsPerDay: perDay,
      changeFailRate,
      recoveryMs: f.recoveryMedianMs,
      timeToRestoreMs: f.timeToRestoreMedianMs,
    },
    year
  );
  return {
    group: f.group,
    deployments: count,
    deploymentsPerDay: perDay,
    deploymentsPerWeek: perDay * 7,
    deploymentDaysPerWeek: f.deploymentDaysPerWeek,
    leadTimeMedianMs: f.leadTimeMedianMs,
    changeFailRate,
    recoveryMedianMs: f.recoveryMedianMs,
    timeToRestoreMedianMs: f.timeToRestoreMedianMs,
    reworkRate,
    levels: classification.levels,
    score: doraScore({
      leadTimeMs: f.leadTimeMedianMs,
      deploymentsPerDay: perDay,
      recoveryMs: f.recoveryMedianMs,
      changeFailRate,
      reworkRate,
    }),
    notes: classification.notes,
  };
}

/** A list's group values mapped to scorecard group ids, registered on first use (groups appear only with items). */
class GroupMap {
  private readonly map: Int32Array;

  constructor(
    private readonly names: string[],
    private readonly ids: Interner
  ) {
    this.map = new Int32Array(names.length).fill(-1);
  }

  id(value: number): number {
    let g = this.map[value];
    if (g < 0) {
      g = this.ids.id(this.names[value]);
      this.map[value] = g;
    }
    return g;
  }
}

/** The values (not NaN) of the items in the range that the grouping keeps, with their group ids. */
function collect(
  groups: GroupColumn,
  at: Float64Array,
  values: Float64Array,
  ids: Interner,
  range: TimeRange
): GroupedValues {
  const map = new GroupMap(groups.names, ids);
  const extra = groups.extra;
  const out = new GroupedValues(values.length + (extra ? extra.items.length : 0));
  const { from, to } = range;
  for (let i = 0; i < values.length; i++) {
    const v = groups.values[i];
    const value = values[i];
    const t = at[i];
    if (v >= 0 && value === value && t >= from && t < to) {
      out.push(map.id(v), value);
    }
  }
  if (extra) {
    for (let k = 0; k < extra.items.length; k++) {
      const i = extra.items[k];
      const value = values[i];
      const t = at[i];
      if (value === value && t >= from && t < to) {
        out.push(map.id(extra.values[k]), value);
      }
    }
  }
  return out;
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
