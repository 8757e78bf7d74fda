/**
 * The metric registry: computeMetric(attributed, request) returns one series per group (sorted by
 * name; groupBy 'none' gives one series named 'all'), each with a point for every bucket of the
 * range [from, to). Filters restrict items before grouping. Duration metrics use the request's
 * aggregation; counts and rates ignore it.
 */
import { EngineInputError } from '../attribution/inputError';
import { Attributed } from '../attribution/types';
import { MetricId, MetricRequest, MetricSeries } from '../results';
import { buildSuccessRate } from './buildSuccessRate';
import { changeFailRate } from './changeFailRate';
import { MetricContext, createContext } from './context';
import { deployAttemptFailureRate } from './deployAttemptFailureRate';
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

export function computeMetric(attributed: Attributed, request: MetricRequest): MetricSeries[] {
  const compute =
    request && Object.prototype.hasOwnProperty.call(METRICS, request.metric) ? METRICS[request.metric] : undefined;
  if (!compute) {
    throw new EngineInputError('metric', request && request.metric, `Use one of ${METRIC_IDS.join(', ')}.`);
  }
  return compute(createContext(attributed, request));
}

export { ALL_GROUP, UNKNOWN_GROUP } from './dimensions';
export type { Dims } from './dimensions';
export type { MetricContext } from './context';
