import { DataQuery } from '@grafana/schema';
import { Aggregation, BucketKind, DeploymentOutcome, Filters, GroupBy, LeadTimeStart, MetricId } from '../engine';

export type { DeploymentOutcome };

export type QueryKind = 'metric' | 'scorecard' | 'events' | 'dataQuality' | 'onCall';
/** Events that can be drawn on a time axis: deployments as points, incidents as regions. */
export type AnnotatedEntity = 'deployments' | 'incidents';
export type EventEntity = AnnotatedEntity | 'changes' | 'pipelineRuns';

interface BaseQuery extends DataQuery {
  groupBy?: GroupBy;
  /** The engine's filters; in a query they may hold template variables ("$service", multi-value too). */
  filters?: Filters;
}

export interface MetricQuery extends BaseQuery {
  kind: 'metric';
  metric: MetricId;
  aggregation?: Aggregation;
  interval?: BucketKind;
  leadTimeStart?: LeadTimeStart;
}

export interface ScorecardQuery extends BaseQuery {
  kind: 'scorecard';
  leadTimeStart?: LeadTimeStart;
}

/** 'table': one row per event with its attribution; 'annotations': time, timeEnd, title, text, tags, color. */
export type EventsFormat = 'table' | 'annotations';

export interface EventsQuery extends BaseQuery {
  kind: 'events';
  entity: EventEntity;
  /** Deployments only: just those with this outcome (absent: all). */
  outcome?: DeploymentOutcome;
  /** Default 'table'. Annotation queries ask for 'annotations' (deployments and incidents only: isAnnotated). */
  format?: EventsFormat;
}

export interface DataQualityQuery extends BaseQuery {
  kind: 'dataQuality';
}

/** Who is on call now for each service, from the incident tools that know schedules (PagerDuty, demo). */
export interface OnCallQuery extends BaseQuery {
  kind: 'onCall';
}

export type DoraQuery = MetricQuery | ScorecardQuery | EventsQuery | DataQualityQuery | OnCallQuery;

export const DEFAULT_QUERY: Partial<MetricQuery> = {
  kind: 'metric',
  metric: 'deploymentCount',
  aggregation: 'median',
  interval: 'auto',
  groupBy: 'none',
};
