/**
 * Real sources report whole seconds (git, GitHub, incident tools); the simulation works in fractional
 * milliseconds. Rounding is monotonic, so every order between instants is kept.
 */
import { DoraEvents, Instant } from '../../engine';

type Holder = { [key: string]: unknown };

const DEPLOYMENT = ['startedAt', 'finishedAt'];
const CHANGE = ['authoredAt', 'committedAt'];
const PULL_REQUEST = ['firstCommitAt', 'openedAt', 'firstReviewAt', 'mergedAt'];
const INCIDENT = ['startedAt', 'createdAt', 'acknowledgedAt', 'resolvedAt'];
const RUN = ['startedAt', 'finishedAt'];

export function toWholeSeconds(events: DoraEvents): void {
  events.deployments.forEach((d) => round(d as unknown as Holder, DEPLOYMENT));
  events.changes.forEach((c) => {
    round(c as unknown as Holder, CHANGE);
    if (c.pullRequest) {
      round(c.pullRequest as unknown as Holder, PULL_REQUEST);
    }
  });
  events.incidents.forEach((i) => round(i as unknown as Holder, INCIDENT));
  events.pipelineRuns.forEach((r) => round(r as unknown as Holder, RUN));
}

function round(item: Holder, fields: string[]): void {
  for (const field of fields) {
    const value = item[field];
    if (typeof value === 'number') {
      item[field] = Math.round(value / 1000) * 1000;
    }
  }
}

export function isWholeSecond(t: Instant): boolean {
  return t % 1000 === 0;
}
