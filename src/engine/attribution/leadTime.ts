/**
 * A change's lead time (METRICS.md "Change lead time"): finish of the first production deployment that
 * contains it minus its start. The start follows options.leadTimeStart and falls back to the commit time
 * when the pull request data it needs is missing.
 */
import { Change, Deployment, Instant } from '../model';
import { LeadTimeStart } from '../options';
import { AttributedChange, LeadTimeBreakdown } from './types';

export function attributeChange(change: Change, d: Deployment, team: string, start: LeadTimeStart): AttributedChange {
  const startAt = startOf(change, start);
  const lead = d.finishedAt - startAt;
  const attributed: AttributedChange = {
    change,
    deploymentId: d.id,
    service: d.service,
    team,
    environment: d.environment,
    deployedAt: d.finishedAt,
    startAt,
    leadTimeMs: lead > 0 ? lead : null,
  };
  const breakdown = breakdownOf(change, d.finishedAt);
  if (breakdown) {
    attributed.breakdown = breakdown;
  }
  return attributed;
}

export function startOf(change: Change, start: LeadTimeStart): Instant {
  const pr = change.pullRequest;
  const fromPr =
    pr === undefined
      ? undefined
      : start === 'prFirstCommit'
        ? pr.firstCommitAt
        : start === 'prOpened'
          ? pr.openedAt
          : start === 'prMerged'
            ? pr.mergedAt
            : undefined;
  return fromPr ?? change.committedAt;
}

/**
 * coding = first commit -> opened, pickup = opened -> first review, review = first review -> merged,
 * deploy = merged -> deployed. A phase is present only when both its ends are known and in order.
 */
export function breakdownOf(change: Change, deployedAt: Instant): LeadTimeBreakdown | undefined {
  const pr = change.pullRequest;
  if (!pr) {
    return undefined;
  }
  const out: LeadTimeBreakdown = {};
  let any = false;
  const phase = (key: keyof LeadTimeBreakdown, from: Instant | undefined, to: Instant | undefined) => {
    if (from !== undefined && to !== undefined && to >= from) {
      out[key] = to - from;
      any = true;
    }
  };
  phase('codingMs', pr.firstCommitAt, pr.openedAt);
  phase('pickupMs', pr.openedAt, pr.firstReviewAt);
  phase('reviewMs', pr.firstReviewAt, pr.mergedAt);
  phase('deployMs', pr.mergedAt, deployedAt);
  return any ? out : undefined;
}
