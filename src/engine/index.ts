/**
 * The engine's whole public API. Everything outside src/engine imports from here.
 *
 *   attribute(events, options?, now?)      events -> Attributed (links, failures, lead times, data quality)
 *   computeMetric(attributed, request)     Attributed -> one series per group, a point per bucket
 *   computeScorecard(attributed, request)  Attributed -> one row per group with levels and DORA score
 *   selectDeployments/Changes/Incidents    Attributed -> the items a range and filters select (tables, annotations)
 *   dimensionValues(attributed, dimension) Attributed -> the services, teams, ... a filter can match (variables)
 *
 * Pure TypeScript at ES2017 level: no Grafana, DOM, fetch, Intl or console (see purity.test.ts).
 */
export { attribute } from './attribution';
export { EngineInputError, messageOf } from './attribution/inputError';
export { regexProblem } from './attribution/compiledOptions';
export { humanDuration } from './attribution/humanDuration';
export * from './attribution/types';

export {
  computeMetric,
  METRICS,
  METRIC_IDS,
  ALL_GROUP,
  FACET_GROUP_METRICS,
  FACET_GROUP_NOTES,
  GROUP_BYS,
  isFacetGroupBy,
  UNKNOWN_GROUP,
} from './metrics';
export type { FacetGroupBy, Group, MetricComputation, MetricContext, Dims } from './metrics';
export { computeScorecard } from './metrics/scorecard';
export type { ScorecardRequest } from './metrics/scorecard';
export {
  selectAll,
  selectDeployments,
  selectChanges,
  selectIncidents,
  selectIncidentsOverlapping,
  dimensionValues,
  facetValues,
  deploymentOutcome,
  deploymentContexts,
  deploymentIds,
  DIMENSIONS,
} from './select';
export type { Dimension, DimensionValuesOptions, DeploymentContext, DeploymentOutcome, Selection } from './select';

export * from './tiers';
export * from './stats';
export * from './buckets';
export * from './options';
export * from './time';
export * from './model';
export * from './results';
export { owningTeams, serviceDirectory, sharedOwners } from './catalog';
export { shippedBy, commitKey } from './shippedBy';
export type { ShippedBy } from './shippedBy';
export type { ServiceDirectory } from './catalog';
