/**
 * Deliberate imperfections, so the data-quality view and the link rules have something real to show:
 * a commit with a skewed clock (non-positive lead time), an incident of a service the catalog does not know,
 * a deployment whose clock ran backwards, and incidents no deployment caused.
 */
import { Change, DAY_MS, Deployment, DoraEvents, HOUR_MS, Incident, Instant, MINUTE_MS } from '../../engine';
import { nextWorkingInstant, startOfUtcDay } from './calendar';

export const UNKNOWN_SERVICE = 'legacy-payments';

/** Days before the end of the window where each problem is placed (inside the default 90-day view). */
const SKEWED_COMMIT_DAYS_AGO = 30;
const BACKWARDS_CLOCK_DAYS_AGO = 25;
const UNKNOWN_SERVICE_DAYS_AGO = 20;
const OUTAGE_DAYS_AGO = 15;
const QUIET_INCIDENT_SERVICE = 'billing';

export function addDataQualityProblems(events: DoraEvents, shipped: Record<string, string[]>, end: Instant): void {
  skewCommitClock(events, shipped, end - SKEWED_COMMIT_DAYS_AGO * DAY_MS);
  runDeployClockBackwards(events, end - BACKWARDS_CLOCK_DAYS_AGO * DAY_MS);
  const unknownAt = nextWorkingInstant(startOfUtcDay(end - UNKNOWN_SERVICE_DAYS_AGO * DAY_MS) + 13 * HOUR_MS);
  events.incidents.push(
    incident('legacy-payments-1', UNKNOWN_SERVICE, `${UNKNOWN_SERVICE}: settlement batch stuck`, unknownAt, 3 * HOUR_MS)
  );
  const outageAt = startOfUtcDay(end - OUTAGE_DAYS_AGO * DAY_MS) + 3 * HOUR_MS;
  events.incidents.push(incident('cdn-1', undefined, 'CDN provider degraded in eu-west', outageAt, 90 * MINUTE_MS));
  const quietAt = quietMoment(events.deployments, QUIET_INCIDENT_SERVICE, end);
  if (quietAt !== undefined) {
    const title = `${QUIET_INCIDENT_SERVICE}: card network timeouts`;
    events.incidents.push(incident('billing-quiet-1', QUIET_INCIDENT_SERVICE, title, quietAt, 5 * HOUR_MS));
  }
}

/** A developer's clock ran ahead: the commit claims to be made after the deployment that shipped it. */
function skewCommitClock(events: DoraEvents, shipped: Record<string, string[]>, after: Instant): void {
  const bySha = new Map<string, Change>();
  for (const change of events.changes) {
    bySha.set(change.sha, change);
  }
  for (const d of productionOf(events.deployments, 'auth')) {
    if (d.finishedAt < after) {
      continue;
    }
    const branchCommit = (shipped[d.id] ?? [])
      .map((sha) => bySha.get(sha))
      .filter((c): c is Change => !!c && !!c.pullRequest && c.committedAt < (c.pullRequest.mergedAt ?? 0))[0];
    if (branchCommit) {
      branchCommit.committedAt = d.finishedAt + 2 * HOUR_MS;
      branchCommit.authoredAt = branchCommit.committedAt;
      return;
    }
  }
}

/** A deploy runner with a wrong clock: the deployment finishes before it started. */
function runDeployClockBackwards(events: DoraEvents, after: Instant): void {
  const target = productionOf(events.deployments, 'search').filter((d) => d.finishedAt >= after)[0];
  if (target) {
    target.startedAt = target.finishedAt + 7 * MINUTE_MS;
  }
}

/** The middle of the latest long gap between a service's production deployments: no deployment is to blame. */
function quietMoment(deployments: Deployment[], service: string, end: Instant): Instant | undefined {
  const times = productionOf(deployments, service)
    .map((d) => d.finishedAt)
    .concat([end - 2 * DAY_MS])
    .sort((a, b) => a - b);
  let best: Instant | undefined;
  for (let i = 1; i < times.length; i++) {
    const gap = times[i] - times[i - 1];
    if (gap > 3 * DAY_MS) {
      best = startOfUtcDay(times[i - 1] + gap / 2) + 10 * HOUR_MS;
    }
  }
  return best;
}

function productionOf(deployments: Deployment[], service: string): Deployment[] {
  return deployments.filter((d) => d.service === service && d.environment === 'production' && d.status === 'success');
}

function incident(id: string, service: string | undefined, title: string, at: Instant, lasts: number): Incident {
  const out: Incident = {
    id,
    title,
    startedAt: at,
    createdAt: at + 6 * MINUTE_MS,
    acknowledgedAt: at + 11 * MINUTE_MS,
    resolvedAt: at + lasts,
    severity: 'sev2',
    source: 'demo',
  };
  if (service) {
    out.service = service;
  }
  return out;
}
