/**
 * The scorecard: one row per group over the whole range [from, to) with the four keys, rework rate,
 * levels against a benchmark year and the DORA score. groupBy 'none' gives one row named 'all'
 * (there is no extra total row when grouping).
 *
 * Built for regrouping large histories quickly (100,000 deployments and 1,000,000 changes): the
 * first call on an Attributed object copies what the scorecard reads into typed columns and interns
 * each dimension (columns.ts); every call then maps items to integer group ids in one pass per list
 * over typed arrays, and medians come from a counting partition by group plus quickselect. The cost
 * is linear in the number of items (deployment days are a 7-bit mask of local days per group and week).
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
import { AttributedColumns, attributedColumns, GroupColumn, groupColumn, Interner, Scratch } from './columns';
import { ALL_GROUP, Grouping } from './dimensions';
import { compareGroups } from './series';
import { NO_NUMBERS } from '../typedLists';

export interface ScorecardRequest {
  groupBy: GroupBy;
  range: TimeRange;
  zone: TimeZone;
  filters?: Filters;
  benchmarkYear?: BenchmarkYear;
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
  const leadTimeMedians = groupMedians(
    groupColumn(columns.changes, grouping, ALL_GROUP),
    { at: columns.changeAt, atOf: columns.changeAtOf, values: columns.leadTimeMs, keep: null },
    ids,
    range,
    columns.scratch
  );
  const restoreMedians = groupMedians(
    groupColumn(columns.incidents, grouping, ALL_GROUP),
    { at: columns.incidentAt, atOf: null, values: columns.restoreMs, keep: null },
    ids,
    range,
    columns.scratch
  );

  const groupCount = ids.names.length;
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
          leadTimeMedianMs: medianOf(leadTimeMedians, g),
          recoveryMedianMs: medianOf(deployments.recoveryMedians, g),
          timeToRestoreMedianMs: medianOf(restoreMedians, g),
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
  recoveryMedians: Float64Array;
  /** Group and local day index of each in-range deployment (the first `inRange` entries). */
  dayGroups: Int32Array;
  dayIndexes: Int32Array;
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
    recoveryMedians: NO_NUMBERS,
    dayGroups: new Int32Array(capacity),
    dayIndexes: new Int32Array(capacity),
    inRange: 0,
  };
  // A severity filter narrows the failures (docs/definitions.md#grouping-by-severity-and-label).
  const failure = grouping.facetCheck(columns.failureFacets);
  const failureOf = failure === null ? null : (i: number) => failure(columns.deployments.items[i]);
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
    if (columns.failed[i] === 1 && (failureOf === null || failureOf(i))) {
      bump(tally.failed, g);
    }
    if (columns.rework[i] === 1) {
      bump(tally.rework, g);
    }
    tally.dayGroups[tally.inRange] = g;
    tally.dayIndexes[tally.inRange] = localDayIndex(zone, at);
    tally.inRange++;
  }
  tally.recoveryMedians = groupMedians(
    deps,
    { at: columns.deployedAt, atOf: null, values: columns.recoveryMs, keep: failureOf },
    ids,
    range,
    columns.scratch
  );
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

/** A value per item (NaN: none) at an instant (at[atOf[i]], or at[i]), counted when keep(i) (null: always). */
interface ValueColumn {
  at: Float64Array;
  atOf: Int32Array | null;
  values: Float64Array;
  keep: ((i: number) => boolean) | null;
}

/**
 * Per scorecard group id: the median of the values of the items in the range that the grouping keeps (an item in
 * several groups counts in each). One pass counts the values per group value, a second places them by group value in
 * the scratch (a counting partition), then quickselect per group. Groups are registered (ids) when they have a value.
 * Indexes past the end (groups registered later) have no value: read with medianOf.
 */
function groupMedians(
  groups: GroupColumn,
  column: ValueColumn,
  ids: Interner,
  range: TimeRange,
  scratch: Scratch
): Float64Array {
  const { at, atOf, values, keep } = column;
  const { from, to } = range;
  const names = groups.names.length;
  const n = groups.values.length;
  const extra = groups.extra;
  const total = n + (extra ? extra.items.length : 0);
  const start = new Int32Array(names + 1);
  let next = start;
  let partitioned: Float64Array = NO_NUMBERS;
  let lastSource = -1;
  let inRange = false;
  for (let pass = 0; pass < 2; pass++) {
    // Items in their first group (k = item), then those of services several teams own in their further owners' groups.
    for (let k = 0; k < total; k++) {
      const first = k < n;
      const v = first ? groups.values[k] : (extra as NonNullable<typeof extra>).values[k - n];
      if (v < 0) {
        continue;
      }
      const i = first ? k : (extra as NonNullable<typeof extra>).items[k - n];
      const value = values[i];
      // Items sharing an instant (a deployment's changes) come together: the range is checked once for them.
      const d = atOf === null ? i : atOf[i];
      if (d !== lastSource) {
        lastSource = d;
        inRange = at[d] >= from && at[d] < to;
      }
      if (!inRange || value !== value || (keep !== null && !keep(i))) {
        continue;
      }
      if (pass === 0) {
        start[v + 1]++;
      } else {
        partitioned[next[v]++] = value;
      }
    }
    if (pass === 0) {
      for (let v = 0; v < names; v++) {
        start[v + 1] += start[v];
      }
      next = start.slice(0, names);
      partitioned = scratch.values(start[names]);
    }
  }
  const map = new GroupMap(groups.names, ids);
  const medians: Array<[number, number]> = [];
  let largest = -1;
  for (let v = 0; v < names; v++) {
    const m = percentileInPlace(partitioned, 0.5, start[v], start[v + 1]);
    if (m !== null) {
      const g = map.id(v);
      medians.push([g, m]);
      largest = Math.max(largest, g);
    }
  }
  const out = new Float64Array(largest + 1).fill(NaN);
  for (const [g, m] of medians) {
    out[g] = m;
  }
  return out;
}

/** A group's median from groupMedians, null without one. */
function medianOf(medians: Float64Array, g: number): number | null {
  return g < medians.length && medians[g] === medians[g] ? medians[g] : null;
}

/**
 * Per group: the median over the Monday weeks overlapping the range of the number of distinct local
 * days with a deployment. The days of each (group, week) are marked in a 7-bit mask, then counted.
 */
function medianDeploymentDaysPerWeek(
  groups: Int32Array,
  days: Int32Array,
  length: number,
  groupCount: number,
  zone: TimeZone,
  range: TimeRange
): Float64Array {
  const firstWeek = weekIndexOfDay(localDayIndex(zone, range.from));
  const weekCount = weekIndexOfDay(localDayIndex(zone, range.to - 1)) - firstWeek + 1;
  const firstDay = firstWeek * 7 - 3; // Monday of the first week
  const masks = new Uint8Array(groupCount * weekCount);
  for (let i = 0; i < length; i++) {
    const dayOffset = days[i] - firstDay;
    const week = Math.floor(dayOffset / 7);
    masks[groups[i] * weekCount + week] |= 1 << (dayOffset - week * 7);
  }
  const perWeek = new Float64Array(masks.length);
  for (let j = 0; j < masks.length; j++) {
    for (let mask = masks[j]; mask !== 0; mask &= mask - 1) {
      perWeek[j] += 1;
    }
  }
  const out = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const m = percentileInPlace(perWeek, 0.5, g * weekCount, (g + 1) * weekCount);
    out[g] = m === null ? 0 : m;
  }
  return out;
}
