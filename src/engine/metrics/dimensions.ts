/**
 * The four dimensions every item is grouped and filtered by: service, team, environment, repository.
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
 * An unknown dimension value is grouped as UNKNOWN_GROUP.
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

export interface Dims {
  service: string;
  team: string;
  environment: string;
  repository: string;
}

/** Group name of items without a value for the grouped dimension. */
export const UNKNOWN_GROUP = '(unknown)';
/** Group name when nothing is grouped (groupBy 'none'). */
export const ALL_GROUP = 'all';

const GROUP_FIELDS: Record<Exclude<GroupBy, 'none'>, keyof Dims> = {
  service: 'service',
  team: 'team',
  environment: 'environment',
  repository: 'repository',
};

const FILTER_FIELDS: Array<[keyof Filters, keyof Dims]> = [
  ['services', 'service'],
  ['teams', 'team'],
  ['environments', 'environment'],
  ['repositories', 'repository'],
];

/** Turns filters and a groupBy into one function: the item's group, or null when a filter excludes it. */
export class Grouping {
  private readonly field: keyof Dims | null;
  private readonly sets: Array<[keyof Dims, Set<string>]> = [];

  constructor(groupBy: GroupBy, filters: Filters | undefined) {
    if (groupBy !== 'none' && !(groupBy in GROUP_FIELDS)) {
      throw new EngineInputError('groupBy', groupBy, 'Use one of none, service, team, environment, repository.');
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
  }

  get groupsEverything(): boolean {
    return this.field === null;
  }

  /** Whether an item with these dimensions passes every filter. An unknown value passes only a filter listing UNKNOWN_GROUP. */
  matches(dims: Dims): boolean {
    for (let i = 0; i < this.sets.length; i++) {
      const [key, allowed] = this.sets[i];
      if (!allowed.has(dims[key] || UNKNOWN_GROUP)) {
        return false;
      }
    }
    return true;
  }

  groupOf(dims: Dims): string | null {
    if (!this.matches(dims)) {
      return null;
    }
    return this.field === null ? ALL_GROUP : dims[this.field] || UNKNOWN_GROUP;
  }

  /**
   * groupOf without building a Dims object: `field` reads one dimension of the item. For hot loops
   * (the scorecard over a million changes); `field` is created once per call, not per item.
   */
  groupOfItem<T>(item: T, field: (item: T, key: keyof Dims) => string): string | null {
    for (let i = 0; i < this.sets.length; i++) {
      const [key, allowed] = this.sets[i];
      if (!allowed.has(field(item, key) || UNKNOWN_GROUP)) {
        return null;
      }
    }
    return this.field === null ? ALL_GROUP : field(item, this.field) || UNKNOWN_GROUP;
  }

  /** Whether grouping or filtering reads this dimension. */
  uses(key: keyof Dims): boolean {
    return this.field === key || this.sets.some(([k]) => k === key);
  }
}

/** Looks up the dimensions of every kind of attributed item. */
export class Dimensions {
  private readonly deploymentsById = new Map<string, AttributedDeployment>();
  private readonly serviceHome = new Map<string, AttributedDeployment>();
  /** repository -> the one service deploying from it, or null when several do. */
  private readonly repoService = new Map<string, string | null>();

  constructor(private readonly attributed: Attributed) {
    for (const item of attributed.deployments) {
      const d = item.deployment;
      this.deploymentsById.set(d.id, item);
      const home = this.serviceHome.get(d.service);
      if (!home || home.deployment.finishedAt <= d.finishedAt) {
        this.serviceHome.set(d.service, item);
      }
      const known = this.repoService.get(d.repo);
      if (known === undefined) {
        this.repoService.set(d.repo, d.service);
      } else if (known !== d.service) {
        this.repoService.set(d.repo, null);
      }
    }
  }

  teamOf(service: string): string {
    const team = this.attributed.teams[service];
    return typeof team === 'string' ? team : '';
  }

  deployment(item: AttributedDeployment): Dims {
    const d = item.deployment;
    return {
      service: d.service,
      team: item.team || this.teamOf(d.service),
      environment: d.environment,
      repository: d.repo,
    };
  }

  attempt(d: Deployment): Dims {
    return { service: d.service, team: this.teamOf(d.service), environment: d.environment, repository: d.repo };
  }

  change(item: AttributedChange): Dims {
    return {
      service: item.service,
      team: item.team || this.teamOf(item.service),
      environment: item.environment,
      repository: item.change.repo,
    };
  }

  incident(item: AttributedIncident): Dims {
    const service = item.incident.service || '';
    const linkedId = item.link.deploymentId;
    const linked = linkedId !== null ? this.deploymentsById.get(linkedId) : undefined;
    const source = linked || (service ? this.serviceHome.get(service) : undefined);
    return {
      service,
      team: item.team || (service ? this.teamOf(service) : ''),
      environment: source ? source.deployment.environment : '',
      repository: source ? source.deployment.repo : '',
    };
  }

  run(item: AttributedPipelineRun): Dims {
    const service = item.service || this.repoService.get(item.run.repo) || '';
    const team = item.team || (service ? this.teamOf(service) : '');
    return { service, team, environment: '', repository: item.run.repo };
  }
}
