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
 * An unknown dimension value is grouped (and filtered) as UNKNOWN_GROUP.
 *
 * Two filters apply to one kind of item only (facets): severities to incidents (their severity), labels to
 * changes (the labels of their pull request; a change without a pull request has none). Other kinds of item pass
 * them, so "incidents of sev1" does not empty the deployment metrics beside it. The deployments filter keeps
 * deployments and failed attempts by id, changes by the deployment that shipped them, incidents by the deployment
 * they are linked to, pipeline runs by the deployment that first shipped their SHA (runs of commits no production
 * deployment shipped are left out).
 *
 * For speed every kind of item has one reader per dimension, and a request's filters and groupBy
 * are compiled once into a function item -> group (or null when filtered out): no object per item.
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

/** The facets a kind of item has (absent: the facet filter does not apply to it). */
export interface Facets<T> {
  deployment?: (item: T) => string;
  severity?: (item: T) => string;
  labels?: (item: T) => readonly string[] | undefined;
}

/** item -> group name, or null when a filter excludes the item. */
export type GroupOf<T> = (item: T) => string | null;

/** Group name of items without a value for the grouped dimension. */
export const UNKNOWN_GROUP = '(unknown)';
/** Group name when nothing is grouped (groupBy 'none'). */
export const ALL_GROUP = 'all';

const GROUP_FIELDS: Record<Exclude<GroupBy, 'none'>, keyof Dims> = {
  service: 'service',
  team: 'team',
  environment: 'environment',
  repository: 'repository',
  source: 'source',
};

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

  constructor(groupBy: GroupBy, filters: Filters | undefined) {
    if (groupBy !== 'none' && !Object.prototype.hasOwnProperty.call(GROUP_FIELDS, groupBy)) {
      throw new EngineInputError(
        'groupBy',
        groupBy,
        'Use one of none, service, team, environment, repository, source.'
      );
    }
    this.field = groupBy === 'none' ? null : GROUP_FIELDS[groupBy];
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
      if (severity && !severities.has(severity(item) || UNKNOWN_GROUP)) {
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
    return this.field === null;
  }

  /** The grouped dimension, or null for groupBy 'none'. */
  get groupField(): keyof Dims | null {
    return this.field;
  }

  /** The filtering dimensions with their allowed values. */
  get filterSets(): ReadonlyArray<[keyof Dims, Set<string>]> {
    return this.sets;
  }

  /** Whether grouping or filtering reads this dimension. */
  uses(key: keyof Dims): boolean {
    return this.field === key || this.sets.some(([k]) => k === key);
  }

  /** The group of an item with these dimensions, or null when a filter excludes it. */
  groupOf(dims: Dims): string | null {
    for (let i = 0; i < this.sets.length; i++) {
      const [key, allowed] = this.sets[i];
      if (!allowed.has(dims[key] || UNKNOWN_GROUP)) {
        return null;
      }
    }
    return this.field === null ? ALL_GROUP : dims[this.field] || UNKNOWN_GROUP;
  }

  /**
   * The group of a catalog service by its name and team alone, or null when filtered out or when grouped by a
   * dimension the catalog does not give it (environment, repository, source).
   */
  groupOfCatalogService(service: string, teams: Record<string, string>): string | null {
    const team = teams[service];
    const group = this.groupOf({
      service,
      team: typeof team === 'string' ? team : '',
      environment: '',
      repository: '',
      source: '',
    });
    return group === UNKNOWN_GROUP ? null : group;
  }

  /** The same as groupOf, compiled for one kind of item from its readers and facets (made once, used per item). */
  compile<T>(read: Readers<T>, facets?: Facets<T>): GroupOf<T> {
    const plain = this.compileDims(read);
    const check = this.facetCheck(facets);
    return check === null ? plain : (item) => (check(item) ? plain(item) : null);
  }

  private compileDims<T>(read: Readers<T>): GroupOf<T> {
    const groupRead = this.field === null ? null : read[this.field];
    const checks = this.sets.map(([key, allowed]): [(item: T) => string, Set<string>] => [read[key], allowed]);
    if (checks.length === 0) {
      return groupRead === null ? () => ALL_GROUP : (item) => groupRead(item) || UNKNOWN_GROUP;
    }
    return (item) => {
      for (let i = 0; i < checks.length; i++) {
        if (!checks[i][1].has(checks[i][0](item) || UNKNOWN_GROUP)) {
          return null;
        }
      }
      return groupRead === null ? ALL_GROUP : groupRead(item) || UNKNOWN_GROUP;
    };
  }
}

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
  readonly deploymentFacets: Facets<AttributedDeployment> = { deployment: (item) => item.deployment.id };
  readonly attemptFacets: Facets<Deployment> = { deployment: (d) => d.id };
  readonly incidentFacets: Facets<AttributedIncident> = {
    severity: (item) => item.incident.severity || '',
    deployment: (item) => item.link.deploymentId || '',
  };
  readonly changeFacets: Facets<AttributedChange> = {
    labels: (item) => (item.change.pullRequest ? item.change.pullRequest.labels : undefined),
    deployment: (item) => item.deploymentId,
  };
  readonly runFacets: Facets<AttributedPipelineRun> = {
    deployment: (item) => this.shipped().get(commitKey(item.run.repo, item.run.sha)) || '',
  };
  private lookups: DeploymentLookups | null = null;
  private shippers: ShippedBy | null = null;

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

  /** Built on first use: only the deployments filter on pipeline runs needs it. */
  private shipped(): ShippedBy {
    if (this.shippers === null) {
      this.shippers = shippedBy(this.attributed);
    }
    return this.shippers;
  }

  /** Built on first use: only incidents (by environment or repository), changes (by source) and pipeline runs need them. */
  private maps(): DeploymentLookups {
    if (this.lookups === null) {
      const deploymentsById = new Map<string, AttributedDeployment>();
      const serviceHome = new Map<string, AttributedDeployment>();
      const repoService = new Map<string, string | null>();
      for (const item of this.attributed.deployments) {
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
  attempt: GroupOf<Deployment>;
  change: GroupOf<AttributedChange>;
  incident: GroupOf<AttributedIncident>;
  run: GroupOf<AttributedPipelineRun>;
}

export function compileGroupers(grouping: Grouping, dims: Dimensions): Groupers {
  return {
    deployment: grouping.compile(dims.deployment, dims.deploymentFacets),
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
