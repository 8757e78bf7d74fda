/**
 * Writes events in the events file format (docs/events-format.md): the model with instants as ISO-8601 UTC
 * text. parseEventsJson(toEventsJson(events)) gives the events back (instants to the millisecond).
 */
import { Change, Deployment, DoraEvents, Incident, parentsOf, PipelineRun, PullRequestInfo } from '../../engine';
import { formatInstant } from './instant';

type Json = Record<string, unknown>;

const CHANGE_INSTANTS = ['authoredAt', 'committedAt'];
const PULL_REQUEST_INSTANTS = ['firstCommitAt', 'openedAt', 'firstReviewAt', 'mergedAt'];
const DEPLOYMENT_INSTANTS = ['startedAt', 'finishedAt'];
const INCIDENT_INSTANTS = ['startedAt', 'createdAt', 'acknowledgedAt', 'resolvedAt'];
const RUN_INSTANTS = ['startedAt', 'finishedAt'];

export function toEventsJson(events: DoraEvents): string {
  return JSON.stringify(toEventsDocument(events), null, 2) + '\n';
}

/** The file's JSON value (before stringifying). */
export function toEventsDocument(events: DoraEvents): Json {
  const doc: Json = {
    deployments: events.deployments.map((d: Deployment) => withIsoInstants(d, DEPLOYMENT_INSTANTS)),
    changes: events.changes.map(changeDocument),
    incidents: events.incidents.map((i: Incident) => withIsoInstants(i, INCIDENT_INSTANTS)),
    pipelineRuns: events.pipelineRuns.map((r: PipelineRun) => withIsoInstants(r, RUN_INSTANTS)),
  };
  if (events.catalog) {
    doc.catalog = events.catalog;
  }
  return doc;
}

/** The file keeps a commit's parents as one list (`parents`, right after committedAt), the model as parent fields. */
function changeDocument(change: Change): Json {
  const fields = withIsoInstants(change, CHANGE_INSTANTS);
  const out: Json = {};
  for (const key of Object.keys(fields)) {
    if (key !== 'parent' && key !== 'mergedParents') {
      out[key] = fields[key];
    }
    if (key === 'committedAt') {
      out.parents = parentsOf(change);
    }
  }
  if (change.pullRequest) {
    out.pullRequest = withIsoInstants(change.pullRequest as PullRequestInfo, PULL_REQUEST_INSTANTS);
  }
  return out;
}

function withIsoInstants(item: object, instantFields: string[]): Json {
  const out: Json = {};
  const record = item as Json;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) {
      continue;
    }
    out[key] = instantFields.indexOf(key) >= 0 && typeof value === 'number' ? formatInstant(value) : value;
  }
  return out;
}
