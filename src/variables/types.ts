import { DataQuery } from '@grafana/schema';
import { QueryFilters } from '../types/query';

/** What a template variable lists; the names match the query filters they feed. */
export type VariableValues = keyof Required<QueryFilters>;

/** A template variable's query: the services (teams, environments, repositories) of the events and the catalog. */
export interface DoraVariableQuery extends DataQuery {
  values: VariableValues;
  /** Narrows the list, e.g. the services of `$team`; entries accept template variables like a query's filters. */
  filters?: QueryFilters;
}

export const DEFAULT_VARIABLE_QUERY: Omit<DoraVariableQuery, 'refId'> = { values: 'services' };
