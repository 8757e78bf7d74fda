/**
 * Timestamp checks (docs/definitions.md#timestamp-checks): instants more than 5 minutes after `now` (clock skew or
 * a wrong unit), and pairs out of order (finished before started, resolved before created, merged before
 * opened...). One finding per event and check, naming the fields. Runs over every commit, so the common
 * (clean) path allocates nothing.
 */
import { Change, Deployment, Incident, Instant, PipelineRun } from '../model';
import { Findings } from './findings';
import { ValidEvents } from './validity';

export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

interface Rule<T> {
  label: string;
  subject: (event: T) => string;
  service: (event: T) => string | undefined;
  fields: Array<[string, (event: T) => Instant | undefined]>;
  /** [earlier, later] as indices into fields: the later one must not be before the earlier one. */
  order: Array<[number, number]>;
}

const noService = () => undefined;

const DEPLOYMENT: Rule<Deployment> = {
  label: 'Deployment',
  subject: (d) => d.id,
  service: (d) => d.service,
  fields: [
    ['startedAt', (d) => d.startedAt],
    ['finishedAt', (d) => d.finishedAt],
  ],
  order: [[0, 1]],
};

const INCIDENT: Rule<Incident> = {
  label: 'Incident',
  subject: (i) => i.id,
  service: (i) => i.service,
  fields: [
    ['startedAt', (i) => i.startedAt],
    ['createdAt', (i) => i.createdAt],
    ['acknowledgedAt', (i) => i.acknowledgedAt],
    ['resolvedAt', (i) => i.resolvedAt],
  ],
  order: [
    [0, 1],
    [0, 3],
    [1, 3],
    [1, 2],
  ],
};

const COMMIT: Rule<Change> = {
  label: 'Commit',
  subject: (c) => c.sha,
  service: noService,
  fields: [
    ['authoredAt', (c) => c.authoredAt],
    ['committedAt', (c) => c.committedAt],
    ['pullRequest.firstCommitAt', (c) => c.pullRequest?.firstCommitAt],
    ['pullRequest.openedAt', (c) => c.pullRequest?.openedAt],
    ['pullRequest.firstReviewAt', (c) => c.pullRequest?.firstReviewAt],
    ['pullRequest.mergedAt', (c) => c.pullRequest?.mergedAt],
  ],
  // A review after the merge is normal (post-merge review), so firstReviewAt -> mergedAt is not checked.
  order: [
    [3, 5],
    [3, 4],
    [2, 5],
  ],
};

const RUN: Rule<PipelineRun> = {
  label: 'Pipeline run',
  subject: (r) => `${r.id}#${r.attempt}`,
  service: noService,
  fields: [
    ['startedAt', (r) => r.startedAt],
    ['finishedAt', (r) => r.finishedAt],
  ],
  order: [[0, 1]],
};

export function checkTimestamps(events: ValidEvents, now: Instant, findings: Findings): void {
  const limit = now + FUTURE_TOLERANCE_MS;
  checkAll(events.deployments, DEPLOYMENT, limit, findings);
  checkAll(events.incidents, INCIDENT, limit, findings);
  checkChanges(events.changes, limit, findings);
  checkAll(events.pipelineRuns, RUN, limit, findings);
}

function checkAll<T>(events: T[], rule: Rule<T>, limit: Instant, findings: Findings): void {
  for (let e = 0; e < events.length; e++) {
    checkOne(events[e], rule, limit, findings);
  }
}

/**
 * Commits, a million where the other kinds have thousands, read directly: without pull request data only their two
 * own instants can be in the future, and every ordered pair involves the pull request. Those with it take the rule.
 */
function checkChanges(changes: Change[], limit: Instant, findings: Findings): void {
  for (let e = 0; e < changes.length; e++) {
    const c = changes[e];
    if (c.pullRequest !== undefined) {
      checkOne(c, COMMIT, limit, findings);
    } else if (c.committedAt > limit || (c.authoredAt !== undefined && c.authoredAt > limit)) {
      reportFuture(c, COMMIT, limit, findings);
    }
  }
}

function checkOne<T>(event: T, rule: Rule<T>, limit: Instant, findings: Findings): void {
  const { fields, order } = rule;
  // Index loops only: destructuring [name, read] pairs would allocate an iterator per field and event.
  let future = false;
  for (let f = 0; f < fields.length && !future; f++) {
    const value = fields[f][1](event);
    future = value !== undefined && value > limit;
  }
  if (future) {
    reportFuture(event, rule, limit, findings);
  }
  for (let o = 0; o < order.length; o++) {
    const first = order[o][0];
    const second = order[o][1];
    const a = fields[first][1](event);
    const b = fields[second][1](event);
    if (a !== undefined && b !== undefined && b < a) {
      const subject = rule.subject(event);
      findings.add(
        'out-of-order-timestamps',
        'warning',
        subject,
        `${rule.label} ${subject} has ${fields[second][0]} before ${fields[first][0]}; durations between them ` +
          'are left out. Check the source mapping of these fields.',
        { service: rule.service(event), at: b }
      );
    }
  }
}

function reportFuture<T>(event: T, rule: Rule<T>, limit: Instant, findings: Findings): void {
  const names = rule.fields.filter(([, read]) => {
    const value = read(event);
    return value !== undefined && value > limit;
  });
  const subject = rule.subject(event);
  findings.add(
    'future-timestamp',
    'warning',
    subject,
    `${rule.label} ${subject} has ${names.map(([name]) => name).join(', ')} in the future (after now + 5 min). ` +
      'Check the source clock and that instants are epoch milliseconds in UTC.',
    { service: rule.service(event), at: names[0][1](event) }
  );
}
