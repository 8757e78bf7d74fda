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
  const codingMs = phase(pr.firstCommitAt, pr.openedAt);
  const pickupMs = phase(pr.openedAt, pr.firstReviewAt);
  const reviewMs = phase(pr.firstReviewAt, pr.mergedAt);
  const deployMs = phase(pr.mergedAt, deployedAt);
  if (codingMs === undefined && pickupMs === undefined && reviewMs === undefined && deployMs === undefined) {
    return undefined;
  }
  const out: LeadTimeBreakdown = {};
  if (codingMs !== undefined) {
    out.codingMs = codingMs;
  }
  if (pickupMs !== undefined) {
    out.pickupMs = pickupMs;
  }
  if (reviewMs !== undefined) {
    out.reviewMs = reviewMs;
  }
  if (deployMs !== undefined) {
    out.deployMs = deployMs;
  }
  return out;
}

function phase(from: Instant | undefined, to: Instant | undefined): number | undefined {
  return from !== undefined && to !== undefined && to >= from ? to - from : undefined;
}
