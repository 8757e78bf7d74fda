/**
 * The dimensions every item is grouped and filtered by: service, team, environment, repository, source.
 *
 * - Deployments and failed attempts: their own fields; team from the catalog (attribution's team,
 *   else Attributed.teams).
 * - Changes: the deploying service, team and environment; the change's own repository.
 * - Incidents: service and team from the incident; environment and repository from the linked
 *   deployment, else from the service's latest production deployment (the service's home), else
 *   unknown. An incident is never moved to another service.
 * - Pipeline runs: their repository; attribution's service and team (from the catalog), else the
 *   service that deploys from that repository when exactly one does; no environment.
 *
 * - Source (the tool that reported it): deployments, failed attempts and incidents their own; changes
 *   the source of the deployment that shipped them; pipeline runs none (unknown).
 *
 * - Team (several): a service the catalog gives several owning teams ("teams: [a, b]") counts in each of them:
 *   its items are in every owning team's group, and a team filter keeps them when any owner matches (so team
 *   totals can add up to more than the whole organisation).
 *
 * Two dimensions belong to one kind of item only (docs/definitions.md#grouping-by-severity-and-label):
 * - Severity: incidents their own; a failed deployment the severities of its linked incidents (several when
 *   several incidents of different severities are linked; unknown when it failed without an incident, or the
 *   incident has no severity). Change fail rate and failed deployment recovery time read it; other
 *   deployment-based metrics have no severity.
 * - Label: changes the labels of their pull request, incidents their own labels (several; unknown without any); a
 *   failed deployment the labels of its linked incidents (unknown when it failed without an incident, or its incidents
 *   have no labels). A name shared by pull request and incident labels matches both.
 * A metric whose items lack the grouped dimension returns one empty series with a note saying why.
 *
 * When a multi-valued dimension is both grouped and filtered, an item counts only in the groups the filter allows.
 * An unknown dimension value is grouped (and filtered) as UNKNOWN_GROUP.
 *
 * Two filters apply to some kinds of item only (facets): severities to incidents (their severity), labels to
 * changes (the labels of their pull request; a change without a pull request has none) and incidents (their labels).
 * Both narrow failed deployments by their linked incidents. Other kinds of item pass them, so "incidents of sev1"
 * does not empty the deployment metrics beside it. The deployments filter keeps
 * deployments and failed attempts by id, changes by the deployment that shipped them, incidents by the deployment
 * they are linked to, pipeline runs by the deployment that first shipped their SHA (runs of commits no production
 * deployment shipped are left out).
 *
 * For speed every kind of item has one reader per dimension, and a request's filters and groupBy
 * are compiled once into a function item -> group (or null when filtered out): no object per item. An item
 * with several groups yields an array of them; single-valued groupings never allocate.
 */
import { EngineInputError } from '../attribution/inputError';
import {
  Attributed,
  AttributedChange,
  AttributedDeployment,
  AttributedIncident,
  AttributedPipelineRun,
} from '../attribution/types';
import { Deployment } from '../model';
import { sharedOwners } from '../catalog';
import { Filters, GroupBy } from '../results';
import { commitKey, ShippedBy, shippedBy } from '../shippedBy';

export interface Dims {
  service: string;
  team: string;
  environment: string;
  repository: string;
  source: string;
}

/** One reader per dimension for a kind of item. */
export type Readers<T> = Record<keyof Dims, (item: T) => string>;

/**
 * The dimensions only some kinds of item have, or that have several values (absent: the kind of item lacks it, and
 * its filter does not apply).
 */
export interface Facets<T> {
  deployment?: (item: T) => string;
  /** One severity ('' when unknown) or, for a failed deployment, those of its linked incidents. */
  severity?: (item: T) => Group;
  labels?: (item: T) => readonly string[] | undefined;
  /**
   * Every owning team when the catalog gives the item's service several; undefined otherwise (Readers.team). A function
   * of the item's service (Readers.service) alone.
   */
  teams?: (item: T) => readonly string[] | undefined;
}

/** One group name, or several (distinct, non-empty) for an item with several values of the grouped dimension. */
export type Group = string | readonly string[];

/** item -> its group(s), or null when a filter excludes the item. */
export type GroupOf<T> = (item: T) => Group | null;

/** Group name of items without a value for the grouped dimension. */
export const UNKNOWN_GROUP = '(unknown)';
/** Group name when nothing is grouped (groupBy 'none'). */
export const ALL_GROUP = 'all';

/** The dimensions every kind of item has (one value each, except a team shared by several owners). */
const GROUP_FIELDS: Record<Exclude<GroupBy, 'none' | FacetGroupBy>, keyof Dims> = {
  service: 'service',
  team: 'team',
  environment: 'environment',
  repository: 'repository',
  source: 'source',
};

/** Groupings by a dimension only some kinds of item have. */
export type FacetGroupBy = 'severity' | 'label';

/** Every groupBy, in the order messages list them. */
export const GROUP_BYS: readonly GroupBy[] = [
  'none',
  'service',
  'team',
  'environment',
  'repository',
  'source',
  'severity',
  'label',
];

/**
 * What a metric grouped by severity or label says when its items lack that dimension (one empty series carries it).
 */
export const FACET_GROUP_NOTES: Record<FacetGroupBy, string> = {
  severity:
    'Grouped by severity, but this metric counts items without one: severity belongs to incidents, and to failed ' +
    'deployments through their linked incidents. Group by service, team, environment, repository or source, or ' +
    'pick change fail rate, failed deployment recovery time, time to restore, time to detect, time to acknowledge ' +
    'or mean time between failures.',
  label:
    'Grouped by label, but this metric counts items without one: labels belong to changes (their pull request ' +
    'labels), to incidents (their own labels), and to failed deployments through their linked incidents. Group by ' +
    'service, team, environment, repository or source, or pick change lead time or one of its stages, change fail ' +
    'rate, failed deployment recovery time, time to restore, time to detect, time to acknowledge or mean time ' +
    'between failures.',
};

const NO_GROUP: GroupOf<unknown> = () => null;

const FILTER_FIELDS: Array<[keyof Filters, keyof Dims]> = [
  ['services', 'service'],
  ['teams', 'team'],
  ['environments', 'environment'],
  ['repositories', 'repository'],
];

/** A request's groupBy and filters, checked. */
export class Grouping {
  private readonly field: keyof Dims | null;
  private readonly sets: Array<[keyof Dims, Set<string>]> = [];
  private readonly severities: Set<string> | null;
  private readonly labels: Set<string> | null;
  private readonly deploymentIds: Set<string> | null;
  /** The groups of catalog services (groupOfCatalogService), compiled on first use. */
  private catalogGroupOf: GroupOf<CatalogGroupInput> | undefined;

  constructor(
    readonly groupBy: GroupBy,
    private readonly filters: Filters | undefined
  ) {
    if (GROUP_BYS.indexOf(groupBy) < 0) {
      throw new EngineInputError('groupBy', groupBy, `Use one of ${GROUP_BYS.join(', ')}.`);
    }
    this.field = groupBy === 'none' || isFacetGroupBy(groupBy) ? null : GROUP_FIELDS[groupBy];
    for (const [filterKey, dimKey] of FILTER_FIELDS) {
      const values = filters ? filters[filterKey] : undefined;
      if (values === undefined || values === null) {
        continue;
      }
      if (!Array.isArray(values)) {
        throw new EngineInputError(`filters.${filterKey}`, values, 'Pass an array of names, e.g. ["checkout"].');
      }
      // An empty list means "no restriction" (Grafana's "All" with nothing selected).
      if (values.length > 0) {
        this.sets.push([dimKey, new Set(values)]);
      }
    }
    this.severities = facetSet(filters, 'severities');
    this.labels = facetSet(filters, 'labels');
    this.deploymentIds = facetSet(filters, 'deployments');
  }

  /** The same filters without grouping (every item that passes is in the 'all' group). */
  ungrouped(): Grouping {
    return new Grouping('none', this.filters);
  }

  /** item -> whether it passes the facet filters that apply to its kind; null when none applies. */
  facetCheck<T>(facets: Facets<T> | undefined): ((item: T) => boolean) | null {
    const severity = this.severities !== null && facets ? facets.severity : undefined;
    const labels = this.labels !== null && facets ? facets.labels : undefined;
    const deployment = this.deploymentIds !== null && facets ? facets.deployment : undefined;
    if (!severity && !labels && !deployment) {
      return null;
    }
    const ids = this.deploymentIds as Set<string>;
    const severities = this.severities as Set<string>;
    const wanted = this.labels as Set<string>;
    return (item) => {
      if (deployment && !ids.has(deployment(item))) {
        return false;
      }
      if (severity && !anyAllowed(severity(item), severities)) {
        return false;
      }
      if (labels) {
        const list = labels(item);
        if (!list || !list.some((label) => wanted.has(label))) {
          return false;
        }
      }
      return true;
    };
  }

  get groupsEverything(): boolean {
    return this.groupBy === 'none';
  }

  /** The grouped dimension every kind of item has, or null for groupBy 'none', 'severity' or 'label'. */
  get groupField(): keyof Dims | null {
    return this.field;
  }

  /** The grouping by a dimension only some kinds of item have, or null. */
  get facetGroup(): FacetGroupBy | null {
    return isFacetGroupBy(this.groupBy) ? this.groupBy : null;
  }

  /** The filtering dimensions with their allowed values. */
  get filterSets(): ReadonlyArray<[keyof Dims, Set<string>]> {
    return this.sets;
  }

  /** Whether grouping or filtering reads this dimension. */
  uses(key: keyof Dims): boolean {
    return this.field === key || this.sets.some(([k]) => k === key);
  }

  /**
   * The group(s) of a catalog service by its name and owning teams alone, or null when filtered out or when grouped
   * by a dimension the catalog does not give it (environment, repository, source, severity, label).
   */
  groupOfCatalogService(
    service: string,
    teams: Record<string, string>,
    owners?: Record<string, string[]>
  ): Group | null {
    if (this.facetGroup !== null) {
      return null;
    }
    this.catalogGroupOf ??= this.compile<CatalogGroupInput>(DIMS_READERS, { teams: (item) => item.owners });
    const team = teams[service];
    const group = this.catalogGroupOf({
      service,
      team: typeof team === 'string' ? team : '',
      environment: '',
      repository: '',
      source: '',
      owners: sharedOwners(owners, service),
    });
    return group === UNKNOWN_GROUP ? null : group;
  }

  /**
   * The request's filters and groupBy compiled for one kind of item from its readers and facets (made once, used
   * per item). A kind of item that lacks the grouped dimension is in no group.
   */
  compile<T>(read: Readers<T>, facets?: Facets<T>): GroupOf<T> {
    const groupRead = this.groupReader(read, facets);
    if (groupRead === undefined) {
      return NO_GROUP;
    }
    const teams = facets ? facets.teams : undefined;
    const plain =
      teams && this.uses('team') ? this.compileShared(read, teams, groupRead) : this.compileDims(read, groupRead);
    const check = this.facetCheck(facets);
    return check === null ? plain : (item) => (check(item) ? plain(item) : null);
  }

  /** item -> its group(s); null for groupBy 'none'; undefined when the kind of item lacks the dimension. */
  private groupReader<T>(read: Readers<T>, facets: Facets<T> | undefined): ((item: T) => Group) | null | undefined {
    switch (this.groupBy) {
      case 'none':
        return null;
      case 'severity': {
        const severity = facets ? facets.severity : undefined;
        if (!severity) {
          return undefined;
        }
        return this.restricted((item) => {
          const value = severity(item);
          return typeof value === 'string' ? value || UNKNOWN_GROUP : value;
        }, this.severities);
      }
      case 'label': {
        const labels = facets ? facets.labels : undefined;
        if (!labels) {
          return undefined;
        }
        return this.restricted((item) => labelGroups(labels(item)), this.labels);
      }
      default: {
        const field = this.field as keyof Dims;
        const one = read[field];
        const teams = field === 'team' && facets ? facets.teams : undefined;
        if (!teams) {
          return (item) => one(item) || UNKNOWN_GROUP;
        }
        const allowed = this.allowedOf('team');
        return this.restricted((item) => teams(item) || one(item) || UNKNOWN_GROUP, allowed);
      }
    }
  }

  /** An item with several groups counts only in those the filter on the same dimension allows. */
  private restricted<T>(read: (item: T) => Group, allowed: Set<string> | null): (item: T) => Group {
    if (allowed === null) {
      return read;
    }
    return (item) => {
      const groups = read(item);
      if (typeof groups === 'string') {
        return groups;
      }
      const kept = groups.filter((g) => allowed.has(g));
      return kept.length === 1 ? kept[0] : kept;
    };
  }

  private allowedOf(key: keyof Dims): Set<string> | null {
    for (const [k, allowed] of this.sets) {
      if (k === key) {
        return allowed;
      }
    }
    return null;
  }

  /** The hot path: every filtered dimension has one value per item. */
  private compileDims<T>(read: Readers<T>, groupRead: ((item: T) => Group) | null): GroupOf<T> {
    const checks = this.sets.map(([key, allowed]): [(item: T) => string, Set<string>] => [read[key], allowed]);
    if (checks.length === 0) {
      return groupRead === null ? () => ALL_GROUP : groupRead;
    }
    return (item) => {
      for (let i = 0; i < checks.length; i++) {
        if (!checks[i][1].has(checks[i][0](item) || UNKNOWN_GROUP)) {
          return null;
        }
      }
      return groupRead === null ? ALL_GROUP : groupRead(item);
    };
  }

  /** Teams shared by several owners: a team filter keeps an item when any of its owners is allowed. */
  private compileShared<T>(
    read: Readers<T>,
    teams: (item: T) => readonly string[] | undefined,
    groupRead: ((item: T) => Group) | null
  ): GroupOf<T> {
    const checks = this.sets.map(([key, allowed]): ((item: T) => boolean) => {
      const one = read[key];
      if (key !== 'team') {
        return (item) => allowed.has(one(item) || UNKNOWN_GROUP);
      }
      return (item) => anyAllowed(teams(item) ?? one(item), allowed);
    });
    return (item) => {
      for (let i = 0; i < checks.length; i++) {
        if (!checks[i](item)) {
          return null;
        }
      }
      return groupRead === null ? ALL_GROUP : groupRead(item);
    };
  }
}

/** Whether a grouping is by a dimension only some kinds of item have (severity, label). */
export function isFacetGroupBy(groupBy: string | undefined): groupBy is FacetGroupBy {
  return groupBy === 'severity' || groupBy === 'label';
}

/** Whether a value (several values: any of them) is allowed; '' stands for unknown. */
function anyAllowed(value: Group, allowed: Set<string>): boolean {
  if (typeof value === 'string') {
    return allowed.has(value || UNKNOWN_GROUP);
  }
  for (let i = 0; i < value.length; i++) {
    if (allowed.has(value[i])) {
      return true;
    }
  }
  return false;
}

/** An item's labels as groups: each distinct non-empty label once; unknown without any. */
function labelGroups(labels: readonly string[] | undefined): Group {
  if (!labels || labels.length === 0) {
    return UNKNOWN_GROUP;
  }
  if (labels.length === 1) {
    return labels[0] || UNKNOWN_GROUP;
  }
  const out: string[] = [];
  for (const label of labels) {
    if (label && out.indexOf(label) < 0) {
      out.push(label);
    }
  }
  return out.length === 0 ? UNKNOWN_GROUP : out.length === 1 ? out[0] : out;
}

/** A catalog service as groupOfCatalogService reads it: its dimensions and, when several teams own it, its owners. */
type CatalogGroupInput = Dims & { owners?: readonly string[] };

/** Readers of a plain Dims object (catalog services). */
const DIMS_READERS: Readers<Dims> = {
  service: (d) => d.service,
  team: (d) => d.team,
  environment: (d) => d.environment,
  repository: (d) => d.repository,
  source: (d) => d.source,
};

/** Lookups over all deployments that incidents and pipeline runs need. */
interface DeploymentLookups {
  deploymentsById: Map<string, AttributedDeployment>;
  /** service -> its latest production deployment (the service's environment and repository). */
  serviceHome: Map<string, AttributedDeployment>;
  /** repository -> the one service deploying from it, or null when several do. */
  repoService: Map<string, string | null>;
}

/** The readers of every kind of attributed item. */
export class Dimensions {
  readonly deployment: Readers<AttributedDeployment>;
  readonly attempt: Readers<Deployment>;
  readonly change: Readers<AttributedChange>;
  readonly incident: Readers<AttributedIncident>;
  readonly run: Readers<AttributedPipelineRun>;
  readonly deploymentFacets: Facets<AttributedDeployment>;
  /** A failed deployment's facets: its severities and labels are those of its linked incidents. */
  readonly failureFacets: Facets<AttributedDeployment>;
  readonly attemptFacets: Facets<Deployment>;
  readonly incidentFacets: Facets<AttributedIncident>;
  readonly changeFacets: Facets<AttributedChange>;
  readonly runFacets: Facets<AttributedPipelineRun>;
  private lookups: DeploymentLookups | null = null;
  private shippers: ShippedBy | null = null;
  private incidentSeverities: Map<string, string> | null = null;
  private incidentLabels: Map<string, readonly string[]> | null = null;

  constructor(private readonly attributed: Attributed) {
    const teamOf = (service: string) => this.teamOf(service);
    this.deployment = {
      service: (item) => item.deployment.service,
      team: (item) => item.team || teamOf(item.deployment.service),
      environment: (item) => item.deployment.environment,
      repository: (item) => item.deployment.repo,
      source: (item) => item.deployment.source,
    };
    this.attempt = {
      service: (d) => d.service,
      team: (d) => teamOf(d.service),
      environment: (d) => d.environment,
      repository: (d) => d.repo,
      source: (d) => d.source,
    };
    this.change = {
      service: (item) => item.service,
      team: (item) => item.team || teamOf(item.service),
      environment: (item) => item.environment,
      repository: (item) => item.change.repo,
      source: (item) => {
        const shipped = this.maps().deploymentsById.get(item.deploymentId);
        return shipped ? shipped.deployment.source : '';
      },
    };
    this.incident = {
      service: (item) => item.incident.service || '',
      team: (item) => item.team || (item.incident.service ? teamOf(item.incident.service) : ''),
      environment: (item) => {
        const home = this.incidentHome(item);
        return home ? home.deployment.environment : '';
      },
      repository: (item) => {
        const home = this.incidentHome(item);
        return home ? home.deployment.repo : '';
      },
      source: (item) => item.incident.source,
    };
    const runService = (item: AttributedPipelineRun) =>
      item.service || this.maps().repoService.get(item.run.repo) || '';
    this.run = {
      service: runService,
      team: (item) => {
        if (item.team) {
          return item.team;
        }
        const service = runService(item);
        return service ? teamOf(service) : '';
      },
      environment: () => '',
      repository: (item) => item.run.repo,
      source: () => '',
    };
    // Owners only when the catalog shares a service between teams: otherwise every grouping stays single-valued.
    const owners = attributed.owners && Object.keys(attributed.owners).length > 0 ? attributed.owners : undefined;
    const ownersOf = owners ? (service: string) => sharedOwners(owners, service) : undefined;
    const shared = <T>(serviceOf: (item: T) => string): Pick<Facets<T>, 'teams'> =>
      ownersOf ? { teams: (item) => ownersOf(serviceOf(item)) } : {};
    this.deploymentFacets = { deployment: (item) => item.deployment.id, ...shared(this.deployment.service) };
    this.failureFacets = {
      ...this.deploymentFacets,
      severity: (item) => this.failureSeverities(item),
      labels: (item) => this.failureLabels(item),
    };
    this.attemptFacets = { deployment: (d) => d.id, ...shared(this.attempt.service) };
    this.incidentFacets = {
      severity: (item) => item.incident.severity || '',
      labels: (item) => item.incident.labels,
      deployment: (item) => item.link.deploymentId || '',
      ...shared(this.incident.service),
    };
    this.changeFacets = {
      labels: (item) => (item.change.pullRequest ? item.change.pullRequest.labels : undefined),
      deployment: (item) => item.deploymentId,
      ...shared(this.change.service),
    };
    this.runFacets = {
      deployment: (item) => this.shipped().get(commitKey(item.run.repo, item.run.sha)) || '',
      ...shared(runService),
    };
  }

  /** The severities of a deployment's linked incidents, each once ('' when none or without severity). */
  failureSeverities(item: AttributedDeployment): Group {
    const ids = item.incidentIds;
    if (ids.length === 0) {
      return '';
    }
    const severities = this.severities();
    if (ids.length === 1) {
      return severities.get(ids[0]) || '';
    }
    const out: string[] = [];
    for (const id of ids) {
      const severity = severities.get(id) || UNKNOWN_GROUP;
      if (out.indexOf(severity) < 0) {
        out.push(severity);
      }
    }
    return out.length === 1 ? out[0] : out;
  }

  /** The labels of a deployment's linked incidents (undefined when none has any). */
  failureLabels(item: AttributedDeployment): readonly string[] | undefined {
    const ids = item.incidentIds;
    if (ids.length === 0) {
      return undefined;
    }
    const labels = this.labelsById();
    if (ids.length === 1) {
      return labels.get(ids[0]);
    }
    let out: string[] | undefined;
    for (const id of ids) {
      const own = labels.get(id);
      if (own) {
        out = out ? out.concat(own) : own.slice();
      }
    }
    return out;
  }

  private labelsById(): Map<string, readonly string[]> {
    if (this.incidentLabels === null) {
      const map = new Map<string, readonly string[]>();
      const list = this.attributed.incidents;
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        const labels = item.incident.labels;
        if (labels && labels.length > 0) {
          map.set(item.incident.id, labels);
        }
      }
      this.incidentLabels = map;
    }
    return this.incidentLabels;
  }

  private severities(): Map<string, string> {
    if (this.incidentSeverities === null) {
      const map = new Map<string, string>();
      const list = this.attributed.incidents;
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        if (item.incident.severity) {
          map.set(item.incident.id, item.incident.severity);
        }
      }
      this.incidentSeverities = map;
    }
    return this.incidentSeverities;
  }

  teamOf(service: string): string {
    const team = this.attributed.teams[service];
    return typeof team === 'string' ? team : '';
  }

  /** All four dimensions of an item (for explanations and tests; hot loops use the readers). */
  static of<T>(read: Readers<T>, item: T): Dims {
    return {
      service: read.service(item),
      team: read.team(item),
      environment: read.environment(item),
      repository: read.repository(item),
      source: read.source(item),
    };
  }

  /** The deployment that gives an incident its environment and repository: the linked one, else the service's latest. */
  private incidentHome(item: AttributedIncident): AttributedDeployment | undefined {
    const { deploymentsById, serviceHome } = this.maps();
    const linkedId = item.link.deploymentId;
    const linked = linkedId !== null ? deploymentsById.get(linkedId) : undefined;
    const service = item.incident.service;
    return linked || (service ? serviceHome.get(service) : undefined);
  }

  /**
   * Built on first use, for the runs' commits only (it lives as long as the history's columns): only the deployments
   * filter on pipeline runs needs it.
   */
  private shipped(): ShippedBy {
    if (this.shippers === null) {
      this.shippers = shippedBy(
        this.attributed,
        this.attributed.pipelineRuns.map((r) => r.run)
      );
    }
    return this.shippers;
  }

  /** Built on first use: only incidents (by environment or repository), changes (by source) and pipeline runs need them. */
  private maps(): DeploymentLookups {
    if (this.lookups === null) {
      const deploymentsById = new Map<string, AttributedDeployment>();
      const serviceHome = new Map<string, AttributedDeployment>();
      const repoService = new Map<string, string | null>();
      const list = this.attributed.deployments;
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        const d = item.deployment;
        deploymentsById.set(d.id, item);
        const home = serviceHome.get(d.service);
        if (!home || home.deployment.finishedAt <= d.finishedAt) {
          serviceHome.set(d.service, item);
        }
        const known = repoService.get(d.repo);
        if (known === undefined) {
          repoService.set(d.repo, d.service);
        } else if (known !== d.service) {
          repoService.set(d.repo, null);
        }
      }
      this.lookups = { deploymentsById, serviceHome, repoService };
    }
    return this.lookups;
  }
}

/** A request's grouping compiled for every kind of item. */
export interface Groupers {
  deployment: GroupOf<AttributedDeployment>;
  /** Failed deployments by their failure: grouped and filtered by the severities and labels of their linked incidents too. */
  failure: GroupOf<AttributedDeployment>;
  attempt: GroupOf<Deployment>;
  change: GroupOf<AttributedChange>;
  incident: GroupOf<AttributedIncident>;
  run: GroupOf<AttributedPipelineRun>;
}

export function compileGroupers(grouping: Grouping, dims: Dimensions): Groupers {
  return {
    deployment: grouping.compile(dims.deployment, dims.deploymentFacets),
    failure: grouping.compile(dims.deployment, dims.failureFacets),
    attempt: grouping.compile(dims.attempt, dims.attemptFacets),
    change: grouping.compile(dims.change, dims.changeFacets),
    incident: grouping.compile(dims.incident, dims.incidentFacets),
    run: grouping.compile(dims.run, dims.runFacets),
  };
}

function facetSet(filters: Filters | undefined, key: 'severities' | 'labels' | 'deployments'): Set<string> | null {
  const values = filters ? filters[key] : undefined;
  if (values === undefined || values === null) {
    return null;
  }
  if (!Array.isArray(values)) {
    throw new EngineInputError(`filters.${key}`, values, 'Pass an array of names, e.g. ["sev1"] or ["security"].');
  }
  return values.length > 0 ? new Set(values) : null;
}
