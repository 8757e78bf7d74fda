/** What metric computations return: plain numbers per group and bucket, never frames. */
import { Instant } from './model';
import { TimeRange, TimeZone } from './time';

export type MetricId =
  | 'deploymentCount'
  | 'deploymentsPerDay'
  | 'deploymentsPerWeek'
  | 'deploymentDaysPerWeek'
  | 'deploymentGap'
  | 'leadTime'
  | 'leadTimeCoding'
  | 'leadTimePickup'
  | 'leadTimeReview'
  | 'leadTimeDeploy'
  | 'changeFailRate'
  | 'deployAttemptFailureRate'
  | 'recoveryTime'
  | 'timeToRestore'
  | 'reworkRate'
  | 'timeToDetect'
  | 'timeToAcknowledge'
  | 'meanTimeBetweenFailures'
  | 'buildSuccessRate'
  | 'flakyRerunRate'
  | 'pipelineDuration'
  | 'deploymentDuration'
  | 'daysSinceLastDeployment'
  | 'errorBudgetAllowed'
  | 'errorBudgetConsumed'
  | 'errorBudgetRemaining';

export type Aggregation = 'median' | 'p75' | 'p90' | 'mean' | 'count';
export type BucketKind = 'auto' | 'day' | 'week' | 'month' | 'range';
/**
 * severity: incidents, and failed deployments through their linked incidents; label: changes by their pull request
 * labels (docs/definitions.md#grouping-by-severity-and-label).
 */
export type GroupBy = 'none' | 'service' | 'team' | 'environment' | 'repository' | 'source' | 'severity' | 'label';

/**
 * 'duration' values are milliseconds; 'rate' values are 0..1; 'count' and 'perPeriod' are plain numbers;
 * 'days' values are (fractional) days, e.g. days since the last deployment.
 */
export type ValueKind = 'duration' | 'rate' | 'count' | 'perPeriod' | 'days';

export interface Filters {
  services?: string[];
  teams?: string[];
  environments?: string[];
  repositories?: string[];
  /** Incidents only: just those of these severities (as the incident tool names them, e.g. "sev1"). */
  severities?: string[];
  /** Changes only: just those whose pull request has one of these labels (e.g. "security"). */
  labels?: string[];
  /**
   * Just these deployments (by id) and what belongs to them: their changes, the incidents linked to them, the
   * pipeline runs of the commits they shipped first (failed attempts by their own id).
   */
  deployments?: string[];
}

/** Every filter a query may carry, in the order editors and messages list them. */
export const FILTER_KEYS: ReadonlyArray<keyof Filters> = [
  'services',
  'teams',
  'environments',
  'repositories',
  'severities',
  'labels',
  'deployments',
];

export interface MetricRequest {
  metric: MetricId;
  aggregation: Aggregation;
  bucket: BucketKind;
  /** Grafana's panel interval in ms, used by 'auto'. */
  intervalMs?: number;
  groupBy: GroupBy;
  range: TimeRange;
  zone: TimeZone;
  filters?: Filters;
  /** timeToDetect / timeToAcknowledge: an SLA in ms; points then carry shareWithinSla. */
  slaMs?: number;
}

export interface SeriesPoint {
  /** Bucket start (local midnight / Monday / 1st of month in the zone, as a UTC instant). */
  time: Instant;
  /** null when undefined for the bucket (e.g. change fail rate without deployments). */
  value: number | null;
  /** Number of items behind the value (deployments, changes, incidents...). */
  count: number;
  /** With MetricRequest.slaMs: share (0..1) of the bucket's items within the SLA; null without items. */
  shareWithinSla?: number | null;
}

export interface MetricSeries {
  metric: MetricId;
  group: string;
  valueKind: ValueKind;
  points: SeriesPoint[];
  /** What a reader must know about this series, e.g. that a null means "no deployment at all". */
  notes?: string[];
}

export type Level = 'elite' | 'high' | 'medium' | 'low';

export interface ScorecardRow {
  group: string;
  deployments: number;
  deploymentsPerDay: number;
  deploymentsPerWeek: number;
  deploymentDaysPerWeek: number;
  leadTimeMedianMs: number | null;
  changeFailRate: number | null;
  recoveryMedianMs: number | null;
  timeToRestoreMedianMs: number | null;
  reworkRate: number | null;
  levels: {
    deploymentFrequency: Level | null;
    leadTime: Level | null;
    changeFailRate: Level | null;
    recoveryTime: Level | null;
  };
  /** DORA Quick Check scores, 0..10; null when no metric of the pair is known. */
  score: { throughput: number | null; instability: number | null };
  /** Notes such as "2024 change fail rate cut-offs are not monotonic; 2023 used". */
  notes: string[];
}
