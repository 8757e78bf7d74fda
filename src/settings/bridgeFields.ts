/**
 * The event fields a query's columns can fill, per event kind, with the kind of value each takes and whether it
 * is required: the events format (docs/events-format.md) seen from a table. fields.test.ts keeps it equal to the
 * events file's own field list. "id" is optional here: without a column, an id is made from the row's values.
 */

export type EventKind = 'deployments' | 'changes' | 'incidents' | 'pipelineRuns';
export type ValueKind = 'text' | 'instant' | 'list' | 'number' | 'boolean';

export interface EventField {
  /** Path in the event, e.g. "sha" or "pullRequest.mergedAt". */
  name: string;
  value: ValueKind;
  required: boolean;
  /** One line for the column picker. */
  help: string;
}

export const EVENT_KINDS: EventKind[] = ['deployments', 'changes', 'incidents', 'pipelineRuns'];

export const KIND_LABELS: Record<EventKind, string> = {
  deployments: 'Deployments',
  changes: 'Changes (commits)',
  incidents: 'Incidents',
  pipelineRuns: 'Pipeline runs',
};

const f = (name: string, value: ValueKind, required: boolean, help: string): EventField => ({
  name,
  value,
  required,
  help,
});

export const FIELDS: Record<EventKind, EventField[]> = {
  deployments: [
    f('id', 'text', false, 'Unique id (default: made from the row)'),
    f('service', 'text', true, 'Service name, as in the catalog'),
    f('environment', 'text', true, 'Environment, e.g. production'),
    f('repo', 'text', true, 'Repository, owner/name'),
    f('sha', 'text', true, 'Deployed commit SHA'),
    f('startedAt', 'instant', false, 'Start time'),
    f('finishedAt', 'instant', true, 'Finish time'),
    f('status', 'text', true, 'success, failure, cancelled or in_progress'),
    f('url', 'text', false, 'Link'),
    f('title', 'text', false, 'Title or release name (hotfix pattern)'),
    f('ref', 'text', false, 'Ref or tag'),
    f('pipelineRunId', 'text', false, 'Pipeline run id'),
    f('changes', 'list', false, 'SHAs shipped for the first time'),
    f('production', 'boolean', false, 'Production (true/false)'),
    f('rollback', 'boolean', false, 'Rollback (true/false)'),
    f('hotfix', 'boolean', false, 'Hotfix (true/false)'),
    f('fixesDeploymentId', 'text', false, 'Id of the deployment it fixes'),
  ],
  changes: [
    f('sha', 'text', true, 'Commit SHA'),
    f('repo', 'text', true, 'Repository, owner/name'),
    f('authoredAt', 'instant', false, 'Author time'),
    f('committedAt', 'instant', true, 'Commit time'),
    f('parents', 'list', true, 'Parent SHAs (comma-separated or an array)'),
    f('message', 'text', false, 'First line of the message'),
    f('author', 'text', false, 'Author (name or login)'),
    f('files', 'list', false, 'Paths touched'),
    f('pullRequest.number', 'number', false, 'Pull request number'),
    f('pullRequest.title', 'text', false, 'Pull request title'),
    f('pullRequest.labels', 'list', false, 'Pull request labels'),
    f('pullRequest.branch', 'text', false, 'Pull request branch'),
    f('pullRequest.url', 'text', false, 'Pull request link'),
    f('pullRequest.firstCommitAt', 'instant', false, 'First commit of the pull request'),
    f('pullRequest.openedAt', 'instant', false, 'Pull request opened'),
    f('pullRequest.firstReviewAt', 'instant', false, 'First review'),
    f('pullRequest.mergedAt', 'instant', false, 'Merged'),
  ],
  incidents: [
    f('id', 'text', false, 'Unique id (default: made from the row)'),
    f('service', 'text', false, 'Service name'),
    f('title', 'text', false, 'Title'),
    f('startedAt', 'instant', false, 'Impact start'),
    f('createdAt', 'instant', true, 'Created (declared)'),
    f('acknowledgedAt', 'instant', false, 'Acknowledged'),
    f('resolvedAt', 'instant', false, 'Resolved'),
    f('severity', 'text', false, 'Severity'),
    f('url', 'text', false, 'Link'),
    f('labels', 'list', false, 'Labels'),
    f('owner', 'text', false, 'Owner now (incident lead or assignee)'),
    f('cause.deploymentId', 'text', false, 'Cause: deployment id'),
    f('cause.sha', 'text', false, 'Cause: commit SHA'),
    f('cause.pullRequest', 'number', false, 'Cause: pull request number'),
    f('cause.repo', 'text', false, 'Cause: repository'),
  ],
  pipelineRuns: [
    f('id', 'text', false, 'Unique id (default: made from the row)'),
    f('repo', 'text', true, 'Repository, owner/name'),
    f('workflow', 'text', true, 'Pipeline or workflow name'),
    f('sha', 'text', true, 'Commit SHA'),
    f('attempt', 'number', false, 'Attempt number'),
    f('startedAt', 'instant', true, 'Start time'),
    f('finishedAt', 'instant', false, 'Finish time'),
    f('conclusion', 'text', true, 'success, failure, cancelled, skipped or in_progress'),
    f('branch', 'text', false, 'Branch'),
    f('url', 'text', false, 'Link'),
  ],
};

export function requiredFields(kind: EventKind): string[] {
  return FIELDS[kind].filter((x) => x.required).map((x) => x.name);
}
