/**
 * Timestamp checks (METRICS.md "Data quality"): instants more than 5 minutes after `now` (clock skew or
 * a wrong unit), and pairs out of order (finished before started, resolved before created, merged before
 * opened...). One finding per event and check, naming the fields.
 */
import { Change, Deployment, Incident, Instant, PipelineRun } from '../model';
import { Findings } from './findings';
import { ValidEvents } from './validity';

export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

type Fields = Array<[string, Instant | undefined]>;
/** [earlier field, later field]: the second must not be before the first. */
type Order = Array<[string, string]>;

const DEPLOYMENT_ORDER: Order = [['startedAt', 'finishedAt']];
const INCIDENT_ORDER: Order = [
  ['startedAt', 'createdAt'],
  ['startedAt', 'resolvedAt'],
  ['createdAt', 'resolvedAt'],
  ['createdAt', 'acknowledgedAt'],
];
const PULL_REQUEST_ORDER: Order = [
  ['pullRequest.openedAt', 'pullRequest.mergedAt'],
  ['pullRequest.openedAt', 'pullRequest.firstReviewAt'],
  ['pullRequest.firstCommitAt', 'pullRequest.mergedAt'],
];
const RUN_ORDER: Order = [['startedAt', 'finishedAt']];

export function checkTimestamps(events: ValidEvents, now: Instant, findings: Findings): void {
  const check = (label: string, subject: string, fields: Fields, order: Order, service?: string) => {
    const future = fields.filter(([, at]) => at !== undefined && at > now + FUTURE_TOLERANCE_MS);
    if (future.length > 0) {
      findings.add(
        'future-timestamp',
        'warning',
        subject,
        `${label} ${subject} has ${future.map(([name]) => name).join(', ')} in the future (after now + 5 min). ` +
          'Check the source clock and that instants are epoch milliseconds in UTC.',
        { service, at: future[0][1], count: future.length }
      );
    }
    const value = (name: string) => fields.find(([field]) => field === name)?.[1];
    for (const [first, second] of order) {
      const a = value(first);
      const b = value(second);
      if (a !== undefined && b !== undefined && b < a) {
        findings.add(
          'out-of-order-timestamps',
          'warning',
          subject,
          `${label} ${subject} has ${second} before ${first}; durations between them are left out. ` +
            'Check the source mapping of these fields.',
          { service, at: b }
        );
      }
    }
  };
  events.deployments.forEach((d: Deployment) =>
    check('Deployment', d.id, [['startedAt', d.startedAt], ['finishedAt', d.finishedAt]], DEPLOYMENT_ORDER, d.service)
  );
  events.incidents.forEach((i: Incident) =>
    check(
      'Incident',
      i.id,
      [
        ['startedAt', i.startedAt],
        ['createdAt', i.createdAt],
        ['acknowledgedAt', i.acknowledgedAt],
        ['resolvedAt', i.resolvedAt],
      ],
      INCIDENT_ORDER,
      i.service
    )
  );
  events.changes.forEach((c: Change) => {
    const pr = c.pullRequest;
    const fields: Fields = [
      ['authoredAt', c.authoredAt],
      ['committedAt', c.committedAt],
    ];
    if (pr) {
      fields.push(
        ['pullRequest.firstCommitAt', pr.firstCommitAt],
        ['pullRequest.openedAt', pr.openedAt],
        ['pullRequest.firstReviewAt', pr.firstReviewAt],
        ['pullRequest.mergedAt', pr.mergedAt]
      );
    }
    check('Commit', c.sha, fields, pr ? PULL_REQUEST_ORDER : []);
  });
  events.pipelineRuns.forEach((r: PipelineRun) =>
    check('Pipeline run', `${r.id}#${r.attempt}`, [['startedAt', r.startedAt], ['finishedAt', r.finishedAt]], RUN_ORDER)
  );
}
