/**
 * Column views of attributed items for the scorecard and the metrics over every deployment or change: the few
 * numbers they read per item in typed arrays, and each dimension's values interned to small integers. Built once per
 * Attributed object (kept on it in a hidden property, rebuilt if its lists are replaced or change length) so that
 * the metrics, the scorecard and regrouping or refiltering the same history run over typed arrays only, without
 * touching a million objects (reading a field of each costs a cache miss). Attributed results are treated as
 * immutable.
 */
import { EngineInputError } from '../attribution/inputError';
import { ShippedColumns, shippedColumnsOf } from '../attribution/shippedColumns';
import { Attributed } from '../attribution/types';
import { Dimensions, Dims, Facets, Grouping, Readers, UNKNOWN_GROUP } from './dimensions';
import { incidentInstant } from './instants';
import { Held, holdWeakly, NO_INTS, NO_NUMBERS } from '../typedLists';

/**
 * Value indexes, one per item: 2 bytes each where every index fits (see narrowIds), else 4. A change inherits its
 * deployment's, so a million changes' service and team columns take 4 MiB instead of 8 (typed arrays count as
 * external memory, whose growth makes V8 start a full collection).
 */
export type GroupIds = Int32Array | Uint16Array;

/** One dimension over a list of items: value index per item and the distinct values. */
export interface DimColumn {
  ids: GroupIds;
  names: string[];
  /** Further values of items with several (teams sharing a service): (item, value index) pairs in item order. */
  more?: { items: Int32Array; ids: Int32Array };
}

/** Names to dense ids in order of first appearance. Items of one group tend to come together: the last name is tried first. */
export class Interner {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private last: string | null = null;
  private lastId = -1;

  id(name: string): number {
    if (name === this.last) {
      return this.lastId;
    }
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    this.last = name;
    this.lastId = id;
    return id;
  }
}

/**
 * Dimensions a list's items take from items of another list: item i has the values of other.items[index[i]] (a
 * change the service, team and environment of the deployment that shipped it).
 */
export interface Inherited {
  keys: ReadonlyArray<keyof Dims>;
  index: Int32Array;
  from: { dim(key: keyof Dims): DimColumn };
}

/** A list of items with lazily interned dimension columns (some may be given, interned while the list was read). */
export class ItemColumns<T> {
  private readonly dims: Partial<Record<keyof Dims, DimColumn>>;

  constructor(
    readonly items: readonly T[],
    private readonly read: Readers<T>,
    /** The facet filters (severity, labels) its kind of item has. */
    readonly facets?: Facets<T>,
    given: Partial<Record<keyof Dims, DimColumn>> = {},
    private readonly inherited?: Inherited
  ) {
    this.dims = { ...given };
  }

  get length(): number {
    return this.items.length;
  }

  dim(key: keyof Dims): DimColumn {
    let column = this.dims[key];
    if (!column) {
      const teams = key === 'team' && this.facets ? this.facets.teams : undefined;
      const inherited = this.inherited;
      column =
        inherited && inherited.keys.indexOf(key) >= 0
          ? gather(inherited.from.dim(key), inherited.index)
          : teams
            ? internShared(this.items, this.read.team, teams, this.dim('service'))
            : intern(this.items, this.read[key]);
      this.dims[key] = column;
    }
    return column;
  }
}

/** column's values for the items index lists (item i has those of index[i]), further values included, in item order. */
function gather(column: DimColumn, index: Int32Array): DimColumn {
  const n = index.length;
  const ids = column.ids instanceof Uint16Array ? new Uint16Array(n) : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = column.ids[index[i]];
  }
  const more = column.more;
  if (!more || more.items.length === 0) {
    return { ids, names: column.names };
  }
  // Where each source item's further values start in more (its pairs are in item order).
  const start = new Int32Array(column.ids.length + 1);
  for (let k = 0; k < more.items.length; k++) {
    start[more.items[k] + 1]++;
  }
  for (let s = 0; s < column.ids.length; s++) {
    start[s + 1] += start[s];
  }
  let count = 0;
  for (let i = 0; i < n; i++) {
    count += start[index[i] + 1] - start[index[i]];
  }
  const items = new Int32Array(count);
  const moreIds = new Int32Array(count);
  let next = 0;
  for (let i = 0; i < n; i++) {
    for (let k = start[index[i]]; k < start[index[i] + 1]; k++) {
      items[next] = i;
      moreIds[next] = more.ids[k];
      next++;
    }
  }
  return { ids, names: column.names, more: { items, ids: moreIds } };
}

function intern<T>(items: readonly T[], reader: (item: T) => string): DimColumn {
  const ids = new Int32Array(items.length);
  const interner = new Interner();
  for (let i = 0; i < items.length; i++) {
    ids[i] = interner.id(reader(items[i]) || UNKNOWN_GROUP);
  }
  return { ids: narrowIds(ids, interner.names.length), names: interner.names };
}

/** ids in a Uint16Array when all `count` indexes fit (the usual case: a few hundred services), else as they are. */
export function narrowIds(ids: Int32Array, count: number): GroupIds {
  return count <= 0x10000 ? new Uint16Array(ids) : ids;
}

/**
 * Teams when some services have several owners: the first owner in ids, the others in more. The owners depend on the
 * service alone (Facets.teams), so they are looked up once per service of the service column.
 */
function internShared<T>(
  items: readonly T[],
  reader: (item: T) => string,
  teams: (item: T) => readonly string[] | undefined,
  services: DimColumn
): DimColumn {
  const ids = new Int32Array(items.length);
  const interner = new Interner();
  const idOf = (value: string): number => interner.id(value);
  const moreItems: number[] = [];
  const moreIds: number[] = [];
  // Per service id: the owners' ids, null when not shared, undefined until looked up. The unknown service's items
  // (no service, or one named like it) are looked up one by one.
  const ownerIds: Array<number[] | null | undefined> = new Array<number[] | null | undefined>(services.names.length);
  const unknown = services.names.indexOf(UNKNOWN_GROUP);
  for (let i = 0; i < items.length; i++) {
    const service = services.ids[i];
    let owners = service === unknown ? undefined : ownerIds[service];
    if (owners === undefined) {
      const list = teams(items[i]);
      owners = list ? list.map(idOf) : null;
      if (service !== unknown) {
        ownerIds[service] = owners;
      }
    }
    if (owners === null) {
      ids[i] = interner.id(reader(items[i]) || UNKNOWN_GROUP);
      continue;
    }
    ids[i] = owners[0];
    for (let k = 1; k < owners.length; k++) {
      moreItems.push(i);
      moreIds.push(owners[k]);
    }
  }
  return {
    ids: narrowIds(ids, interner.names.length),
    names: interner.names,
    more: { items: Int32Array.from(moreItems), ids: Int32Array.from(moreIds) },
  };
}

/**
 * A request's grouping over one list: for every item the index of its group value in `names`, or
 * -1 when a filter excludes it. groupBy 'none' has the single name 'all'. An item in several groups (a
 * service several teams own) has its further groups in `extra`. Read only: without filters, values (and extra) are
 * the grouped dimension's own column, not a copy.
 */
export interface GroupColumn {
  /** The group's index per item, or -1 for an item left out (never in a Uint16Array: those come with no filter). */
  values: GroupIds;
  names: string[];
  /** (item, group value index) pairs for the second and later groups of items with several. */
  extra?: { items: Int32Array; values: Int32Array };
}

export function groupColumn<T>(columns: ItemColumns<T>, grouping: Grouping, allName: string): GroupColumn {
  if (grouping.facetGroup !== null) {
    throw new EngineInputError(
      'groupBy',
      grouping.groupBy,
      'The scorecard groups by none, service, team, environment, repository or source; severity and label belong ' +
        'to some metrics only, so use a metric query (e.g. time to restore by severity).'
    );
  }
  const n = columns.length;
  const field = grouping.groupField;
  const grouped = field === null ? null : columns.dim(field);
  const filters = grouping.filterSets.map(([key, allowed]) => {
    const column = columns.dim(key);
    const ok = new Uint8Array(column.names.length);
    for (let k = 0; k < column.names.length; k++) {
      ok[k] = allowed.has(column.names[k]) ? 1 : 0;
    }
    return { ids: column.ids, ok, more: column.more, allowed: key === field ? ok : null };
  });
  const facetCheck = grouping.facetCheck(columns.facets);
  if (grouped !== null && filters.length === 0 && facetCheck === null) {
    // Every item in its group (and in each further owner's, for a service several teams own): the dimension's own
    // columns, nothing to build.
    const more = grouped.more;
    return more
      ? { values: grouped.ids, names: grouped.names, extra: { items: more.items, values: more.ids } }
      : { values: grouped.ids, names: grouped.names };
  }
  if ((grouped && grouped.more) || filters.some((f) => f.more)) {
    return sharedGroupColumn(columns, grouped, filters, facetCheck, allName);
  }
  const values = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let pass = facetCheck === null || facetCheck(columns.items[i]);
    for (let f = 0; f < filters.length; f++) {
      if (filters[f].ok[filters[f].ids[i]] === 0) {
        pass = false;
        break;
      }
    }
    values[i] = !pass ? -1 : grouped === null ? 0 : grouped.ids[i];
  }
  return { values, names: grouped === null ? [allName] : grouped.names };
}

/**
 * A group column's (item, group value index) pairs: the first `length` entries of items and groups. A pair whose group
 * is -1 is skipped (an item a filter excludes). items is null when pair k is item k (no item has further groups): the
 * pairs are then the column itself, with no array made.
 */
export interface GroupPairs {
  items: Int32Array | null;
  groups: GroupIds;
  length: number;
  /** The group values' names (GroupColumn.names). */
  names: string[];
}

/**
 * The (item, group) pairs of a group column in item order, an item's further groups (extra) right after its first.
 * Walking them visits items as a per-item loop over the list would.
 */
export function groupPairs(column: GroupColumn): GroupPairs {
  const { values, extra } = column;
  if (!extra || extra.items.length === 0) {
    return { items: null, groups: values, length: values.length, names: column.names };
  }
  const extraItems = extra.items;
  const capacity = values.length + extraItems.length;
  const items = new Int32Array(capacity);
  const groups = new Int32Array(capacity);
  let length = 0;
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] >= 0) {
      items[length] = i;
      groups[length] = values[i];
      length++;
    }
    for (; k < extraItems.length && extraItems[k] === i; k++) {
      items[length] = i;
      groups[length] = extra.values[k];
      length++;
    }
  }
  return { items, groups, length, names: column.names };
}

interface FilterColumn {
  ids: GroupIds;
  ok: Uint8Array;
  more?: DimColumn['more'];
  /** The allowed values of the grouped dimension, when it is filtered too. */
  allowed: Uint8Array | null;
}

/**
 * groupColumn when teams share services: an item passes a team filter when any owner is allowed, and counts in
 * every owner's group (only the allowed ones when teams are filtered too).
 */
function sharedGroupColumn<T>(
  columns: ItemColumns<T>,
  grouped: DimColumn | null,
  filters: FilterColumn[],
  facetCheck: ((item: T) => boolean) | null,
  allName: string
): GroupColumn {
  const more = grouped === null ? undefined : grouped.more;
  const n = columns.length;
  const pass = new Uint8Array(n);
  if (facetCheck === null) {
    pass.fill(1);
  } else {
    for (let i = 0; i < n; i++) {
      pass[i] = facetCheck(columns.items[i]) ? 1 : 0;
    }
  }
  for (const f of filters) {
    const any = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      any[i] = f.ok[f.ids[i]];
    }
    if (f.more) {
      for (let k = 0; k < f.more.items.length; k++) {
        any[f.more.items[k]] |= f.ok[f.more.ids[k]];
      }
    }
    for (let i = 0; i < n; i++) {
      pass[i] &= any[i];
    }
  }
  const values = new Int32Array(n);
  if (grouped === null) {
    for (let i = 0; i < n; i++) {
      values[i] = pass[i] === 1 ? 0 : -1;
    }
    return { values, names: [allName] };
  }
  // With the grouped dimension filtered too, only its allowed values are groups (all 1 otherwise).
  const allowed = filters.reduce<Uint8Array | null>((found, f) => found || f.allowed, null);
  const keep = allowed ?? new Uint8Array(grouped.names.length).fill(1);
  const moreItems = more ? more.items : NO_INTS;
  // Each further value of an item gives at most one extra pair.
  const extraItems = new Int32Array(moreItems.length);
  const extraValues = new Int32Array(moreItems.length);
  let extras = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const passes = pass[i] === 1;
    let first = passes && keep[grouped.ids[i]] === 1 ? grouped.ids[i] : -1;
    for (; k < moreItems.length && moreItems[k] === i; k++) {
      const id = (more as NonNullable<typeof more>).ids[k];
      if (passes && keep[id] === 1) {
        if (first < 0) {
          first = id;
        } else {
          extraItems[extras] = i;
          extraValues[extras] = id;
          extras++;
        }
      }
    }
    values[i] = first;
  }
  return {
    values,
    names: grouped.names,
    extra: { items: extraItems.slice(0, extras), values: extraValues.slice(0, extras) },
  };
}

/**
 * A buffer for values a computation groups and reorders (percentiles select in place), reused from one metric or
 * scorecard to the next instead of a new array of up to a million values each time. What values() returns is only
 * good until the next call on any history's Scratch: a computation takes it, fills it and is done with it before it
 * returns. The buffer is shared by every history's Scratch while a WeakRef holds it (holdWeakly, until the next full
 * collection): a new history (the next run of a dashboard) reuses it rather than adding 9 MiB of external memory at
 * full scale (see ListLoan).
 */
export class Scratch {
  private buffer: Float64Array = NO_NUMBERS;

  /** length values (contents unspecified). */
  values(length: number): Float64Array {
    if (this.buffer.length < length) {
      this.buffer = sharedScratch?.deref() ?? NO_NUMBERS;
    }
    if (this.buffer.length < length) {
      // A quarter more room: the next list may be a little longer (teams sharing services count items in each).
      this.buffer = new Float64Array(length + (length >> 2));
      sharedScratch = holdWeakly(this.buffer);
    }
    return this.buffer.length === length ? this.buffer : this.buffer.subarray(0, length);
  }
}

/** The latest buffer a Scratch made, for the next Scratch (see Scratch). */
let sharedScratch: Held<Float64Array> | undefined;

/** What the scorecard and the column-based metrics read, per list. NaN marks "no value". */
export interface AttributedColumns {
  deployments: ItemColumns<Attributed['deployments'][number]>;
  /** A failed deployment's facets (its linked incidents' severities), for a severity filter. */
  failureFacets: Facets<Attributed['deployments'][number]>;
  deployedAt: Float64Array;
  failed: Uint8Array;
  rework: Uint8Array;
  recoveryMs: Float64Array;
  /** Deployment duration: finish minus a reported start (NaN without a start, or a start after the finish). */
  durationMs: Float64Array;
  changes: ItemColumns<Attributed['changes'][number]>;
  /** The instant of change i: changeAt[changeAtOf[i]] (its deployment's finish), or changeAt[i] when changeAtOf is null. */
  changeAt: Float64Array;
  changeAtOf: Int32Array | null;
  leadTimeMs: Float64Array;
  /** The indexes of the changes with a lead time breakdown (pull request data), in order. */
  withBreakdown: Int32Array;
  incidents: ItemColumns<Attributed['incidents'][number]>;
  incidentAt: Float64Array;
  restoreMs: Float64Array;
  scratch: Scratch;
  /**
   * The readers and facets of every kind of item, kept with the columns so that the lookups they build on first use
   * (deployments by id, a service's latest deployment, who shipped a commit...) serve every metric on this history.
   */
  dimensions: Dimensions;
}

interface Cached {
  lists: [unknown[], number, unknown[], number, unknown[], number, unknown[], number, Record<string, string>, unknown];
  columns: AttributedColumns;
}

/**
 * The cache lives on the Attributed object itself (not enumerable: JSON and comparisons do not see it), so it
 * goes when the object goes. A WeakMap would do the same in a browser, but the Go backend's VM keeps a WeakMap
 * entry alive when its value references its key, as these columns do.
 */
const CACHE_PROPERTY = '__attributedColumns';

function cachedOn(attributed: Attributed): Cached | undefined {
  return (attributed as unknown as Record<string, Cached | undefined>)[CACHE_PROPERTY];
}

function cacheOn(attributed: Attributed, entry: Cached): void {
  if (Object.isExtensible(attributed)) {
    Object.defineProperty(attributed, CACHE_PROPERTY, {
      value: entry,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
}

export function attributedColumns(attributed: Attributed): AttributedColumns {
  const lists: Cached['lists'] = [
    attributed.deployments,
    attributed.deployments.length,
    attributed.changes,
    attributed.changes.length,
    attributed.incidents,
    attributed.incidents.length,
    attributed.pipelineRuns,
    attributed.pipelineRuns.length,
    attributed.teams,
    attributed.owners,
  ];
  const hit = cachedOn(attributed);
  if (hit && hit.lists.every((value, i) => value === lists[i])) {
    return hit.columns;
  }
  const columns = buildColumns(attributed);
  cacheOn(attributed, { lists, columns });
  return columns;
}

function buildColumns(attributed: Attributed): AttributedColumns {
  const dims = new Dimensions(attributed);
  const deps = attributed.deployments;
  const deployedAt = new Float64Array(deps.length);
  const failed = new Uint8Array(deps.length);
  const rework = new Uint8Array(deps.length);
  const recoveryMs = new Float64Array(deps.length);
  const durationMs = new Float64Array(deps.length);
  for (let i = 0; i < deps.length; i++) {
    const item = deps[i];
    const { startedAt, finishedAt } = item.deployment;
    deployedAt[i] = finishedAt;
    failed[i] = item.failed ? 1 : 0;
    rework[i] = item.isRework ? 1 : 0;
    recoveryMs[i] = item.failed ? durationOrNaN(item.recoveryMs) : NaN;
    durationMs[i] = startedAt !== undefined && finishedAt >= startedAt ? finishedAt - startedAt : NaN;
  }
  const deployments = new ItemColumns(deps, dims.deployment, dims.deploymentFacets);
  const changes = attributed.changes;
  const shipped = shippedColumnsOf(changes, deps);
  const change = shipped ? shippedChangeColumns(shipped, deployedAt, deployments) : changeColumns(changes, dims);
  const incidents = attributed.incidents;
  const incidentAt = new Float64Array(incidents.length);
  const restoreMs = new Float64Array(incidents.length);
  for (let i = 0; i < incidents.length; i++) {
    incidentAt[i] = incidentInstant(incidents[i]);
    restoreMs[i] = durationOrNaN(incidents[i].timeToRestoreMs);
  }
  return {
    deployments,
    failureFacets: dims.failureFacets,
    deployedAt,
    failed,
    rework,
    recoveryMs,
    durationMs,
    changes: new ItemColumns(changes, dims.change, dims.changeFacets, change.given, change.inherited),
    changeAt: change.changeAt,
    changeAtOf: change.changeAtOf,
    leadTimeMs: change.leadTimeMs,
    withBreakdown: change.withBreakdown,
    incidents: new ItemColumns(incidents, dims.incident, dims.incidentFacets),
    incidentAt,
    restoreMs,
    scratch: new Scratch(),
    dimensions: dims,
  };
}

/** The per-change columns, and the dimensions known as they are built. */
interface ChangeColumns {
  changeAt: Float64Array;
  changeAtOf: Int32Array | null;
  leadTimeMs: Float64Array;
  withBreakdown: Int32Array;
  given: Partial<Record<keyof Dims, DimColumn>>;
  inherited?: Inherited;
}

/**
 * From the changes themselves: the service of a change is read through its deployment, which the instant reads
 * too, so it is interned in the same pass.
 */
function changeColumns(changes: Attributed['changes'], dims: Dimensions): ChangeColumns {
  const changeAt = new Float64Array(changes.length);
  const leadTimeMs = new Float64Array(changes.length);
  const breakdowns = new Int32Array(changes.length);
  let withBreakdown = 0;
  const serviceIds = new Int32Array(changes.length);
  const services = new Interner();
  for (let i = 0; i < changes.length; i++) {
    const item = changes[i];
    serviceIds[i] = services.id(dims.change.service(item) || UNKNOWN_GROUP);
    changeAt[i] = item.deployedAt;
    leadTimeMs[i] = durationOrNaN(item.leadTimeMs);
    if (item.breakdown) {
      breakdowns[withBreakdown++] = i;
    }
  }
  return {
    changeAt,
    changeAtOf: null,
    leadTimeMs,
    withBreakdown: breakdowns.slice(0, withBreakdown),
    given: { service: { ids: narrowIds(serviceIds, services.names.length), names: services.names } },
  };
}

/**
 * The dimensions a change attribute() made takes from the deployment that shipped it (its ChangeShipment): service,
 * team (the deployment's attributed team) and environment.
 */
const SHIPPED_DIMS: ReadonlyArray<keyof Dims> = ['service', 'team', 'environment'];

/**
 * From the columns attribute() wrote (shippedColumns.ts): a change's instant is its deployment's finish, and its
 * service, team and environment are its deployment's, gathered from the deployments' columns when first grouped by.
 */
function shippedChangeColumns(
  shipped: ShippedColumns,
  deployedAt: Float64Array,
  deployments: ItemColumns<Attributed['deployments'][number]>
): ChangeColumns {
  return {
    changeAt: deployedAt,
    changeAtOf: shipped.deployment,
    leadTimeMs: shipped.leadTimeMs,
    withBreakdown: shipped.withBreakdown,
    given: {},
    inherited: { keys: SHIPPED_DIMS, index: shipped.deployment, from: deployments },
  };
}

function durationOrNaN(ms: number | null | undefined): number {
  return typeof ms === 'number' && ms >= 0 ? ms : NaN;
}
