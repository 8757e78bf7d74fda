/**
 * The choices a query offers, with the labels and descriptions users see. The editors, the display names of
 * frames and the validation of queries all read these lists, so a metric is named the same everywhere.
 */
import { Aggregation, BucketKind, GroupBy, isFacetGroupBy, LeadTimeStart, MetricId, ValueKind } from '../engine';
import { AnnotatedEntity, DeploymentOutcome, EventEntity, EventsFormat, QueryKind } from './model';
import { VariableValues } from './variableQuery';

export interface Choice<T extends string> {
  value: T;
  label: string;
  description: string;
}

export interface MetricChoice extends Choice<MetricId> {
  /** What the numbers are: durations in ms, rates 0..1, counts, per-period rates. */
  valueKind: ValueKind;
  /** Whether median/p75/p90/mean applies (durations); rates and counts have one reading. */
  aggregates: boolean;
  /** Group shown in the metric picker. */
  category: 'Throughput' | 'Instability' | 'Incidents' | 'Pipelines' | 'Reliability';
}

export const KIND_OPTIONS: Array<Choice<QueryKind>> = [
  { value: 'metric', label: 'Metric', description: 'One metric over time, one series per group' },
  {
    value: 'scorecard',
    label: 'Scorecard',
    description: 'A table: every DORA metric, its level and the DORA score per group',
  },
  { value: 'events', label: 'Events', description: 'Deployments, changes or incidents with their attribution' },
  { value: 'dataQuality', label: 'Data quality', description: 'What the numbers could not use, and why' },
  { value: 'onCall', label: 'On call', description: 'Who is on call now for each service, from the incident tool' },
];

function metric(
  value: MetricId,
  label: string,
  description: string,
  valueKind: ValueKind,
  category: MetricChoice['category']
): MetricChoice {
  return { value, label, description, valueKind, aggregates: valueKind === 'duration', category };
}

export const METRIC_OPTIONS: MetricChoice[] = [
  metric('deploymentCount', 'Deployments', 'Successful production deployments per bucket', 'count', 'Throughput'),
  metric(
    'deploymentsPerDay',
    'Deployments per day',
    'Deployments divided by the days of the bucket',
    'perPeriod',
    'Throughput'
  ),
  metric(
    'deploymentsPerWeek',
    'Deployments per week',
    'Deployments divided by the weeks of the bucket',
    'perPeriod',
    'Throughput'
  ),
  metric(
    'deploymentDaysPerWeek',
    'Deployment days per week',
    'Median number of distinct days with a deployment, per week',
    'perPeriod',
    'Throughput'
  ),
  metric(
    'deploymentGap',
    'Time between deployments',
    'Gap between consecutive deployments of a service',
    'duration',
    'Throughput'
  ),
  metric(
    'leadTime',
    'Change lead time',
    'From commit (or the chosen start) to its first production deployment',
    'duration',
    'Throughput'
  ),
  metric('leadTimeCoding', 'Lead time: coding', 'First commit of the pull request to opened', 'duration', 'Throughput'),
  metric('leadTimePickup', 'Lead time: pickup', 'Pull request opened to first review', 'duration', 'Throughput'),
  metric('leadTimeReview', 'Lead time: review', 'First review to merged', 'duration', 'Throughput'),
  metric('leadTimeDeploy', 'Lead time: deploy', 'Merged to deployed to production', 'duration', 'Throughput'),
  metric(
    'changeFailRate',
    'Change fail rate',
    'Failed deployments / deployments (null without deployments)',
    'rate',
    'Instability'
  ),
  metric(
    'deployAttemptFailureRate',
    'Deploy attempt failure rate',
    'Failed production deploy attempts / failed attempts + successful deployments (cancelled left out)',
    'rate',
    'Instability'
  ),
  metric(
    'recoveryTime',
    'Failed deployment recovery time',
    'Failure start to restore (incident resolved, rollback or fix deployed)',
    'duration',
    'Instability'
  ),
  metric(
    'reworkRate',
    'Deployment rework rate',
    'Rollbacks, hotfixes, reverts and fix-forwards / deployments',
    'rate',
    'Instability'
  ),
  metric(
    'timeToRestore',
    'Time to restore service',
    'Incident resolved - started, over all incidents',
    'duration',
    'Incidents'
  ),
  metric('timeToDetect', 'Time to detect', 'Incident created - started', 'duration', 'Incidents'),
  metric('timeToAcknowledge', 'Time to acknowledge', 'Incident acknowledged - created', 'duration', 'Incidents'),
  metric(
    'meanTimeBetweenFailures',
    'Mean time between failures',
    '(Window - impaired time) / incidents',
    'duration',
    'Incidents'
  ),
  metric(
    'buildSuccessRate',
    'Build success rate',
    'Successful CI runs / completed runs (cancelled excluded)',
    'rate',
    'Pipelines'
  ),
  metric(
    'flakyRerunRate',
    'Flaky rerun rate',
    'Runs that failed, then passed on a re-run of the same SHA and workflow / runs',
    'rate',
    'Pipelines'
  ),
  metric('pipelineDuration', 'Pipeline duration', 'Finish - start of successful CI runs', 'duration', 'Pipelines'),
  metric(
    'deploymentDuration',
    'Deployment duration',
    'Finish - start of successful deployments',
    'duration',
    'Pipelines'
  ),
  metric(
    'daysSinceLastDeployment',
    'Days since last deployment',
    'Days from the last production deployment to the end of each bucket (empty when there is none)',
    'days',
    'Throughput'
  ),
  {
    ...metric(
      'errorBudgetAllowed',
      'Error budget allowed',
      "Downtime the service's availability objective allows over its window (catalog objective)",
      'duration',
      'Reliability'
    ),
    aggregates: false,
  },
  {
    ...metric(
      'errorBudgetConsumed',
      'Error budget consumed',
      'Incident impact time (impact start to resolution) inside the objective window',
      'duration',
      'Reliability'
    ),
    aggregates: false,
  },
  metric(
    'errorBudgetRemaining',
    'Error budget remaining',
    '1 - consumed / allowed over the objective window (negative when overspent)',
    'rate',
    'Reliability'
  ),
];

export const AGGREGATION_OPTIONS: Array<Choice<Aggregation>> = [
  { value: 'median', label: 'Median', description: 'The middle value (the DORA default)' },
  { value: 'p75', label: 'p75', description: '75th percentile' },
  { value: 'p90', label: 'p90', description: '90th percentile: the slow tail' },
  { value: 'mean', label: 'Mean', description: 'Average; sensitive to outliers' },
  { value: 'count', label: 'Count', description: 'How many items are behind the value' },
];

export const INTERVAL_OPTIONS: Array<Choice<BucketKind>> = [
  { value: 'auto', label: 'Auto', description: "Day, week or month from the panel's interval" },
  { value: 'day', label: 'Day', description: "Calendar days in the dashboard's time zone" },
  { value: 'week', label: 'Week', description: 'Weeks starting on Monday' },
  { value: 'month', label: 'Month', description: 'Calendar months' },
  { value: 'range', label: 'Whole range', description: 'One value for the whole time range (stat panels)' },
];

export const GROUP_BY_OPTIONS: Array<Choice<GroupBy>> = [
  { value: 'none', label: 'None', description: 'One series for everything' },
  { value: 'service', label: 'Service', description: 'One series per service' },
  { value: 'team', label: 'Team', description: 'One series per team (from the service catalog)' },
  { value: 'environment', label: 'Environment', description: 'One series per production environment' },
  { value: 'repository', label: 'Repository', description: 'One series per repository' },
  {
    value: 'source',
    label: 'Source',
    description: 'One series per source that reported the events (github, pagerduty, demo...)',
  },
  {
    value: 'severity',
    label: 'Severity',
    description:
      'One series per incident severity: incident metrics, change fail rate and recovery time (by linked incidents)',
  },
  {
    value: 'label',
    label: 'Label',
    description:
      'One series per label (an item counts in each of its labels): lead time and its stages by pull request label; ' +
      'incident metrics, change fail rate and recovery time by incident label',
  },
];

/** What a scorecard groups by: the dimensions every kind of item has (severity and label belong to some only). */
export const SCORECARD_GROUP_BY_OPTIONS: Array<Choice<GroupBy>> = GROUP_BY_OPTIONS.filter(
  (o) => !isFacetGroupBy(o.value)
);

export const ENTITY_OPTIONS: Array<Choice<EventEntity>> = [
  {
    value: 'deployments',
    label: 'Deployments',
    description: 'Each deployment with its changes, failure reasons and incidents',
  },
  { value: 'changes', label: 'Changes', description: 'Each change with its deployment and lead time' },
  {
    value: 'incidents',
    label: 'Incidents',
    description: 'Each incident with its linked deployment and how it was linked',
  },
  {
    value: 'pipelineRuns',
    label: 'Pipeline runs',
    description: 'Each CI run and re-run by workflow: status, duration, attempt and whether it was flaky',
  },
];

/** Whether events of this entity can be drawn as annotations (format 'annotations'). */
export function isAnnotated(entity: EventEntity): entity is AnnotatedEntity {
  return entity === 'deployments' || entity === 'incidents';
}

export const LEAD_TIME_START_OPTIONS: Array<Choice<LeadTimeStart>> = [
  { value: 'commit', label: 'Commit', description: 'Commit time (the DORA default)' },
  { value: 'prFirstCommit', label: 'First commit of PR', description: 'Right for squash merges' },
  { value: 'prOpened', label: 'PR opened', description: 'When the pull request was opened' },
  { value: 'prMerged', label: 'PR merged', description: 'When the pull request was merged' },
];

export const VARIABLE_VALUE_OPTIONS: Array<Choice<VariableValues>> = [
  { value: 'services', label: 'Services', description: 'Services of the events and the service catalog' },
  { value: 'teams', label: 'Teams', description: 'Teams of the service catalog' },
  { value: 'environments', label: 'Environments', description: 'Production environments deployed to' },
  { value: 'repositories', label: 'Repositories', description: 'Repositories of deployments, changes and pipelines' },
  { value: 'severities', label: 'Severities', description: 'Severities of the incidents in the time range' },
  {
    value: 'labels',
    label: 'Labels',
    description: 'Pull request labels of the changes deployed and labels of the incidents in the time range',
  },
  {
    value: 'deployments',
    label: 'Deployments',
    description: 'Ids of the production deployments in the time range, newest first (a debug dashboard picks one)',
  },
];

/** Metrics whose values depend on where a change's lead time starts (the breakdown phases have fixed ends). */
export const LEAD_TIME_START_METRICS: MetricId[] = ['leadTime'];

export const OUTCOME_OPTIONS: Array<Choice<DeploymentOutcome>> = [
  { value: 'success', label: 'Succeeded', description: 'Neither failed nor a rollback' },
  {
    value: 'failed',
    label: 'Failed',
    description: 'An incident is linked, it was rolled back, or a hotfix, revert or fix-forward refers to it',
  },
  { value: 'rollback', label: 'Rollback', description: 'Redeployed a SHA an earlier deployment already shipped' },
];

export const FORMAT_OPTIONS: Array<Choice<EventsFormat>> = [
  { value: 'table', label: 'Table', description: 'One row per event with its attribution' },
  {
    value: 'annotations',
    label: 'Annotations',
    description: 'time, timeEnd, title, text, tags and color per deployment or incident',
  },
];

/** Colours of annotation events: deployments by outcome, incidents as one colour of region. */
export const ANNOTATION_COLORS: Record<DeploymentOutcome | 'incident', string> = {
  success: 'green',
  failed: 'red',
  rollback: 'orange',
  incident: 'purple',
};

export function metricChoice(id: string | undefined): MetricChoice | undefined {
  return METRIC_OPTIONS.find((m) => m.value === id);
}

/** The label of a value in a list, or the value itself when unknown. */
export function labelOf<T extends string>(options: Array<Choice<T>>, value: string | undefined): string {
  return options.find((o) => o.value === value)?.label ?? value ?? '';
}
