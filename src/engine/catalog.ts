/**
 * The service catalog as lookups: which service (and team) a deployment, incident or pipeline run belongs
 * to, and which monorepo paths are a service's own. Without a catalog (or with an empty one) every event
 * keeps the service its source named and teams are unknown ('').
 */
import { AvailabilityObjective, CatalogService, Deployment, PipelineRun, ServiceCatalog } from './model';

export interface ServiceDirectory {
  /** True when the catalog lists at least one service; only then can a service be "unknown". */
  readonly active: boolean;
  /** service -> team, for catalog services with a team (the first owner of a shared service). */
  readonly teams: Record<string, string>;
  /** service -> every owning team, for catalog services with several. */
  readonly owners: Record<string, string[]>;
  /** service -> runbook URL, for catalog services with one. */
  readonly runbooks: Record<string, string>;
  /** service -> availability objective, for catalog services with one. */
  readonly objectives: Record<string, AvailabilityObjective>;
  teamOf(service: string): string;
  /** Catalog name of a deployment's service; undefined when the catalog cannot tell. */
  deploymentService(deployment: Deployment): string | undefined;
  /** Catalog name for an incident tool's service name (the name itself or an incidentServices alias). */
  incidentService(name: string): string | undefined;
  /** Catalog name of the service a pipeline run builds (by workflow, else by a repository only one service uses). */
  pipelineService(run: PipelineRun): string | undefined;
  /** Monorepo path prefixes of a service in a repository; undefined when the whole repository is the service's. */
  pathsOf(service: string, repo: string): string[] | undefined;
}

export function serviceDirectory(catalog?: ServiceCatalog): ServiceDirectory {
  const services = catalogServices(catalog);
  const names = new Map<string, CatalogService>();
  const byEnvironment = new Lookup();
  const byPipeline = new Lookup();
  const byRepo = new Lookup();
  const byIncidentService = new Lookup();
  const paths = new Map<string, string[]>();
  const teams: Record<string, string> = {};
  const owners: Record<string, string[]> = {};
  const runbooks: Record<string, string> = {};
  const objectives: Record<string, AvailabilityObjective> = {};
  for (const service of services) {
    if (names.has(service.name)) {
      continue; // the catalog parser reports duplicates; the first entry wins
    }
    names.set(service.name, service);
    const owning = owningTeams(service);
    if (owning.length > 0) {
      teams[service.name] = owning[0];
    }
    if (owning.length > 1) {
      owners[service.name] = owning;
    }
    if (typeof service.runbook === 'string' && service.runbook !== '') {
      runbooks[service.name] = service.runbook;
    }
    if (isObjective(service.objective)) {
      objectives[service.name] = { target: service.objective.target, windowDays: service.objective.windowDays };
    }
    byEnvironment.addAll(service.environments, service.name);
    byPipeline.addAll(service.pipelines, service.name);
    byIncidentService.addAll(service.incidentServices, service.name);
    for (const entry of service.repositories ?? []) {
      if (!entry || typeof entry.repo !== 'string') {
        continue;
      }
      byRepo.add(entry.repo, service.name);
      const prefixes = (entry.paths ?? []).filter((p) => typeof p === 'string').map(normalizePath);
      if (prefixes.length > 0 && prefixes.indexOf('') < 0) {
        paths.set(pairKey(service.name, entry.repo), prefixes);
      }
    }
  }
  const known = (name: string | undefined): string | undefined =>
    name !== undefined && names.has(name) ? name : undefined;
  return {
    active: names.size > 0,
    teams,
    owners,
    runbooks,
    objectives,
    teamOf: (service) => (Object.prototype.hasOwnProperty.call(teams, service) ? teams[service] : ''),
    deploymentService: (d) =>
      known(d.service) ??
      byEnvironment.single(d.environment) ??
      (d.title !== undefined ? byPipeline.single(d.title) : undefined) ??
      byRepo.single(d.repo),
    incidentService: (name) => known(name) ?? byIncidentService.single(name),
    pipelineService: (run) => byPipeline.single(run.workflow) ?? byRepo.single(run.repo),
    pathsOf: (service, repo) => paths.get(pairKey(service, repo)),
  };
}

/** Whether a change belongs to a service with these path prefixes; changes without a file list always do. */
export function touchesPaths(files: string[] | undefined, prefixes: string[] | undefined): boolean {
  if (prefixes === undefined || files === undefined) {
    return true;
  }
  for (const file of files) {
    const path = normalizePath(file);
    for (const prefix of prefixes) {
      if (path === prefix || path.slice(0, prefix.length + 1) === `${prefix}/`) {
        return true;
      }
    }
  }
  return false;
}

/** "./services/checkout/" and "/services/checkout" both mean "services/checkout". */
export function normalizePath(path: string): string {
  return path.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}

/** Every owning team of a service several teams own (an attributed history's `owners`); undefined for any other. */
export function sharedOwners(
  owners: Record<string, string[]> | undefined,
  service: string | undefined
): string[] | undefined {
  return owners !== undefined && service !== undefined && Object.prototype.hasOwnProperty.call(owners, service)
    ? owners[service]
    : undefined;
}

/** A service's owning teams: team, then teams, each once. */
export function owningTeams(service: CatalogService): string[] {
  const out: string[] = [];
  const candidates = [service.team, ...(Array.isArray(service.teams) ? service.teams : [])];
  for (const team of candidates) {
    if (typeof team === 'string' && team !== '' && out.indexOf(team) < 0) {
      out.push(team);
    }
  }
  return out;
}

function catalogServices(catalog?: ServiceCatalog): CatalogService[] {
  if (!catalog || !Array.isArray(catalog.services)) {
    return [];
  }
  return catalog.services.filter((s) => s && typeof s.name === 'string' && s.name !== '');
}

/** A usable objective: 0 < target < 1 over a positive number of days (the catalog parser explains bad ones). */
function isObjective(value: AvailabilityObjective | undefined): value is AvailabilityObjective {
  return (
    !!value &&
    typeof value.target === 'number' &&
    value.target > 0 &&
    value.target < 1 &&
    typeof value.windowDays === 'number' &&
    value.windowDays > 0 &&
    isFinite(value.windowDays)
  );
}

function pairKey(service: string, repo: string): string {
  return `${service}\u0000${repo}`;
}

/** Alias -> services; an alias only resolves when exactly one service claims it. */
class Lookup {
  private readonly map = new Map<string, string[]>();

  add(alias: string, service: string): void {
    const list = this.map.get(alias);
    if (!list) {
      this.map.set(alias, [service]);
    } else if (list.indexOf(service) < 0) {
      list.push(service);
    }
  }

  addAll(aliases: string[] | undefined, service: string): void {
    for (const alias of aliases ?? []) {
      if (typeof alias === 'string' && alias !== '') {
        this.add(alias, service);
      }
    }
  }

  single(alias: string): string | undefined {
    const list = this.map.get(alias);
    return list && list.length === 1 ? list[0] : undefined;
  }
}
