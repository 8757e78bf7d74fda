/**
 * The metric registry: computeMetric(attributed, request) returns one series per group (sorted by
 * name; groupBy 'none' gives one series named 'all'), each with a point for every bucket of the
 * range [from, to). Filters restrict items before grouping. Duration metrics use the request's
 * aggregation; counts and rates ignore it.
 */
import { EngineInputError } from '../attribution/inputError';
import { Attributed } from '../attribution/types';
import { MetricId, MetricRequest, MetricSeries, SeriesPoint } from '../results';
import { buildSuccessRate } from './buildSuccessRate';
import { changeFailRate } from './changeFailRate';
import { MetricContext, createContext } from './context';
import { deployAttemptFailureRate } from './deployAttemptFailureRate';
import { ALL_GROUP, FACET_GROUP_NOTES, FacetGroupBy } from './dimensions';
import { daysSinceLastDeployment } from './daysSinceLastDeployment';
import { deploymentDuration } from './deploymentDuration';
import {
  deploymentCount,
  deploymentDaysPerWeek,
  deploymentGap,
  deploymentsPerDay,
  deploymentsPerWeek,
} from './deploymentFrequency';
import { errorBudget } from './errorBudget';
import { flakyRerunRate } from './flakyRerunRate';
import { leadTime, leadTimeStage } from './leadTime';
import { meanTimeBetweenFailures } from './mtbf';
import { pipelineDuration } from './pipelineDuration';
import { recoveryTime } from './recoveryTime';
import { reworkRate } from './reworkRate';
import { timeToAcknowledge } from './timeToAcknowledge';
import { timeToDetect } from './timeToDetect';
import { timeToRestore } from './timeToRestore';

export type MetricComputation = (ctx: MetricContext) => MetricSeries[];

export const METRICS: Readonly<Record<MetricId, MetricComputation>> = {
  deploymentCount,
  deploymentsPerDay,
  deploymentsPerWeek,
  deploymentDaysPerWeek,
  deploymentGap,
  leadTime,
  leadTimeCoding: leadTimeStage('leadTimeCoding'),
  leadTimePickup: leadTimeStage('leadTimePickup'),
  leadTimeReview: leadTimeStage('leadTimeReview'),
  leadTimeDeploy: leadTimeStage('leadTimeDeploy'),
  changeFailRate,
  deployAttemptFailureRate,
  recoveryTime,
  timeToRestore,
  reworkRate,
  timeToDetect,
  timeToAcknowledge,
  meanTimeBetweenFailures,
  buildSuccessRate,
  flakyRerunRate,
  pipelineDuration,
  deploymentDuration,
  daysSinceLastDeployment,
  errorBudgetAllowed: errorBudget('allowed'),
  errorBudgetConsumed: errorBudget('consumed'),
  errorBudgetRemaining: errorBudget('remaining'),
};

export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

/** The metrics whose items are incidents, or failed deployments read through their linked incidents. */
const INCIDENT_METRICS: readonly MetricId[] = [
  'changeFailRate',
  'recoveryTime',
  'timeToRestore',
  'timeToDetect',
  'timeToAcknowledge',
  'meanTimeBetweenFailures',
];

/**
 * The metrics whose items have a severity or a label (docs/definitions.md#grouping-by-severity-and-label): severity
 * belongs to incidents; label to changes (pull request labels) and incidents. Grouped by one of these, any other
 * metric answers with one empty series and a note saying why.
 */
export const FACET_GROUP_METRICS: Readonly<Record<FacetGroupBy, readonly MetricId[]>> = {
  severity: INCIDENT_METRICS,
  label: ['leadTime', 'leadTimeCoding', 'leadTimePickup', 'leadTimeReview', 'leadTimeDeploy', ...INCIDENT_METRICS],
};

export function computeMetric(attributed: Attributed, request: MetricRequest): MetricSeries[] {
  const compute =
    request && Object.prototype.hasOwnProperty.call(METRICS, request.metric) ? METRICS[request.metric] : undefined;
  if (!compute) {
    throw new EngineInputError('metric', request && request.metric, `Use one of ${METRIC_IDS.join(', ')}.`);
  }
  const ctx = createContext(attributed, request);
  const facet = ctx.grouping.facetGroup;
  if (facet !== null && FACET_GROUP_METRICS[facet].indexOf(request.metric) < 0) {
    return ungroupable(compute, ctx, facet);
  }
  return compute(ctx);
}

/** One series of empty points, with the metric's value kind, whose note says what to group by instead. */
function ungroupable(compute: MetricComputation, ctx: MetricContext, facet: FacetGroupBy): MetricSeries[] {
  // The metric over no items, ungrouped: cheap, and it gives the value kind (which may depend on the aggregation).
  const none = { ...ctx.attributed, deployments: [], failedAttempts: [], changes: [], incidents: [], pipelineRuns: [] };
  const shape = compute(createContext(none, { ...ctx.request, groupBy: 'none', filters: undefined }));
  const valueKind = shape.length > 0 ? shape[0].valueKind : 'count';
  const points = Array.from(ctx.buckets.starts, (time): SeriesPoint => ({ time, value: null, count: 0 }));
  return [{ metric: ctx.request.metric, group: ALL_GROUP, valueKind, points, notes: [FACET_GROUP_NOTES[facet]] }];
}

export { ALL_GROUP, FACET_GROUP_NOTES, GROUP_BYS, isFacetGroupBy, UNKNOWN_GROUP } from './dimensions';
export type { FacetGroupBy, Group } from './dimensions';
export type { Dims } from './dimensions';
export type { MetricContext } from './context';
