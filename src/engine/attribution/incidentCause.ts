/**
 * What an incident names as its cause: the cause field, else labels such as "deployment:d-42",
 * "sha:3f2a9c1", "commit=3f2a9c1", "pr:128" or "pull-request:#128" (with an optional "repo:owner/name").
 */
import { Incident, IncidentCause } from '../model';

const LABEL = /^\s*([a-z_-]+)\s*[:=]\s*(.+?)\s*$/i;

export function causeOf(incident: Incident): IncidentCause | undefined {
  if (incident.cause && hasReference(incident.cause)) {
    return incident.cause;
  }
  const fromLabels: IncidentCause = {};
  for (const label of incident.labels ?? []) {
    const m = typeof label === 'string' ? LABEL.exec(label) : null;
    if (!m) {
      continue;
    }
    const key = m[1].toLowerCase().replace(/[_-]/g, '');
    const value = m[2];
    if ((key === 'deployment' || key === 'deploy' || key === 'deploymentid') && !fromLabels.deploymentId) {
      fromLabels.deploymentId = value;
    } else if ((key === 'sha' || key === 'commit') && /^[0-9a-f]{7,64}$/i.test(value) && !fromLabels.sha) {
      fromLabels.sha = value;
    } else if ((key === 'pr' || key === 'pullrequest' || key === 'pull') && /^#?\d+$/.test(value)) {
      fromLabels.pullRequest = fromLabels.pullRequest ?? Number(value.replace('#', ''));
    } else if ((key === 'repo' || key === 'repository') && !fromLabels.repo) {
      fromLabels.repo = value;
    }
  }
  return hasReference(fromLabels) ? fromLabels : undefined;
}

function hasReference(cause: IncidentCause): boolean {
  return (
    (typeof cause.deploymentId === 'string' && cause.deploymentId !== '') ||
    (typeof cause.sha === 'string' && cause.sha !== '') ||
    (typeof cause.pullRequest === 'number' && isFinite(cause.pullRequest))
  );
}
