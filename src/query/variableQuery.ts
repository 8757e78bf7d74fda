import { DataQuery } from '@grafana/schema';
import { Filters } from '../engine';

/** What a template variable lists; the names match the query filters they feed. */
export type VariableValues = keyof Pick<
  Required<Filters>,
  'services' | 'teams' | 'environments' | 'repositories' | 'severities' | 'labels' | 'deployments'
>;

/** A template variable's query: the services (teams, environments, repositories) of the events and the catalog. */
export interface DoraVariableQuery extends DataQuery {
  values: VariableValues;
  /** Narrows the list, e.g. the services of `$team`; entries accept template variables like a query's filters. */
  filters?: Filters;
}

export const DEFAULT_VARIABLE_QUERY: Omit<DoraVariableQuery, 'refId'> = { values: 'services' };

/** A stored query of any shape (an older string query, nothing yet) as a variable query, defaults filled in. */
export function variableQueryOf(query: unknown): DoraVariableQuery {
  if (query && typeof query === 'object') {
    const q = query as Partial<DoraVariableQuery>;
    return { ...DEFAULT_VARIABLE_QUERY, ...q, refId: q.refId ?? 'variable' };
  }
  return { refId: 'variable', ...DEFAULT_VARIABLE_QUERY };
}
