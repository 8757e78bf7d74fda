/**
 * Cuts the day's generated events at `now`: nothing from the future, incidents still open are unresolved,
 * pipeline runs still going are in progress. Objects that change are copied; the cached day stays intact.
 */
import { Change, DoraEvents, Incident, Instant, PipelineRun, PullRequestInfo } from '../../engine';

export function clipToNow(events: DoraEvents, now: Instant): DoraEvents {
  return {
    deployments: events.deployments.filter((d) => d.finishedAt <= now),
    changes: events.changes.filter((c) => c.committedAt <= now).map((c) => clipChange(c, now)),
    incidents: events.incidents.filter((i) => i.createdAt <= now).map((i) => clipIncident(i, now)),
    pipelineRuns: events.pipelineRuns.filter((r) => r.startedAt <= now).map((r) => clipRun(r, now)),
    catalog: events.catalog,
  };
}

const PR_INSTANTS: Array<'firstCommitAt' | 'openedAt' | 'firstReviewAt' | 'mergedAt'> = [
  'firstCommitAt',
  'openedAt',
  'firstReviewAt',
  'mergedAt',
];

function clipChange(change: Change, now: Instant): Change {
  const pr = change.pullRequest;
  if (!pr || !PR_INSTANTS.some((key) => (pr[key] ?? 0) > now)) {
    return change;
  }
  const clipped: PullRequestInfo = { ...pr };
  for (const key of PR_INSTANTS) {
    if ((clipped[key] ?? 0) > now) {
      delete clipped[key];
    }
  }
  return { ...change, pullRequest: clipped };
}

function clipIncident(incident: Incident, now: Instant): Incident {
  if ((incident.acknowledgedAt ?? 0) <= now && (incident.resolvedAt ?? 0) <= now) {
    return incident;
  }
  const clipped = { ...incident };
  if ((clipped.acknowledgedAt ?? 0) > now) {
    delete clipped.acknowledgedAt;
  }
  if ((clipped.resolvedAt ?? 0) > now) {
    delete clipped.resolvedAt;
  }
  return clipped;
}

function clipRun(run: PipelineRun, now: Instant): PipelineRun {
  if ((run.finishedAt ?? 0) <= now) {
    return run;
  }
  const clipped: PipelineRun = { ...run, conclusion: 'in_progress' };
  delete clipped.finishedAt;
  return clipped;
}
