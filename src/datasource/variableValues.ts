/**
 * The values a template variable offers: every service (team, environment, repository) that a query filter can
 * match in the fetched events, plus the ones the service catalog names even without events yet. The same
 * filters narrow both, so "the services of team X" are the catalog's and the events' services of X.
 */
import {
  Attributed,
  CatalogService,
  Dimension,
  deploymentIds,
  dimensionValues,
  facetValues,
  owningTeams,
  Filters,
  ServiceCatalog,
  TimeRange,
  UNKNOWN_GROUP,
} from '../engine';
import { VariableValues } from '../query/variableQuery';

const DIMENSION_OF: Record<Exclude<VariableValues, 'deployments' | 'severities' | 'labels'>, Dimension> = {
  services: 'service',
  teams: 'team',
  environments: 'environment',
  repositories: 'repository',
};

export function variableValues(
  attributed: Attributed,
  catalog: ServiceCatalog | undefined,
  values: VariableValues,
  filters: Filters = {},
  range?: TimeRange
): string[] {
  if (values === 'deployments') {
    // Newest first, as a debug dashboard offers them; the catalog names no deployments.
    return deploymentIds(attributed, range ?? { from: -Infinity, to: Infinity }, filters);
  }
  if (values === 'severities' || values === 'labels') {
    // Incidents' severities, changes' pull request labels and incidents' labels come from the events only; the
    // catalog names none.
    return facetValues(attributed, values === 'severities' ? 'severity' : 'label', { filters, range });
  }
  const found = new Set(dimensionValues(attributed, DIMENSION_OF[values], { filters }));
  for (const service of catalog?.services ?? []) {
    if (passes(service, filters)) {
      for (const value of catalogValues(service, values)) {
        found.add(value);
      }
    }
  }
  return Array.from(found).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function catalogValues(service: CatalogService, values: VariableValues): string[] {
  switch (values) {
    case 'services':
      return [service.name];
    case 'teams':
      return owningTeams(service);
    case 'environments':
      return service.environments ?? [];
    case 'repositories':
      return (service.repositories ?? []).map((r) => r.repo);
    case 'severities':
    case 'labels':
    case 'deployments':
      return [];
  }
}

/** A catalog service passes a filter when one of its values is allowed ("(unknown)" stands for none). */
function passes(service: CatalogService, filters: Filters): boolean {
  const checks: Array<[string[] | undefined, string[]]> = [
    [filters.services, [service.name]],
    [filters.teams, owningTeams(service).length > 0 ? owningTeams(service) : [UNKNOWN_GROUP]],
    [filters.environments, service.environments ?? []],
    [filters.repositories, (service.repositories ?? []).map((r) => r.repo)],
  ];
  return checks.every(([allowed, own]) => !allowed || allowed.length === 0 || own.some((v) => allowed.indexOf(v) >= 0));
}
