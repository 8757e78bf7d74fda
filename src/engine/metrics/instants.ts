/**
 * Which instant puts an item into a time bucket (and into the range [from, to)).
 *
 * - Deployments, their changes (lead time), change failure, rework, deployment duration and gaps:
 *   the deployment's finish.
 * - Failed deployment recovery: the failed deployment's finish (not the restore), so a bucket's
 *   recovery time belongs to the deployments that failed in it.
 * - Incidents (time to restore, detect, acknowledge, MTBF): impact start, else creation.
 * - Pipeline runs: finish, else start (only completed runs are counted, and they have a finish).
 * - Failed deploy attempts: their finish.
 */
import { AttributedIncident, AttributedPipelineRun } from '../attribution/types';
import { Instant } from '../model';

export function incidentInstant(item: AttributedIncident): Instant {
  return item.incident.startedAt !== undefined ? item.incident.startedAt : item.incident.createdAt;
}

export function runInstant(item: AttributedPipelineRun): Instant {
  return item.run.finishedAt !== undefined ? item.run.finishedAt : item.run.startedAt;
}
