/**
 * A change's lead time (docs/definitions.md#change-lead-time): finish of the first production deployment that
 * contains it minus its start. The start follows options.leadTimeStart and falls back to the commit time
 * when the pull request data it needs is missing.
 */
import { Change, Deployment, Instant } from '../model';
import { LeadTimeStart } from '../options';
import { AttributedChange, LeadTimeBreakdown } from './types';

/** What the changes of one deployment share, held once per deployment instead of copied into every change. */
export class ChangeShipment {
  constructor(
    readonly deployment: Deployment,
    readonly team: string,
    readonly start: LeadTimeStart
  ) {}
}

/**
 * An attributed change as two references (the commit and its deployment's ChangeShipment) and, with pull request
 * data, its breakdown: everything else is read through. A million changes take about 40 bytes each instead of
 * about 150 for eight copied fields and their boxed numbers. toJSON() gives the same plain object as the fields.
 * attribute() makes them as object literals with this prototype (see shippedChange below), not with `new`: the
 * constructor and any field initializer never run for them, so declare state in that literal, not here.
 */
class ShippedChange implements AttributedChange {
  breakdown?: LeadTimeBreakdown;

  constructor(
    readonly change: Change,
    private readonly shipment: ChangeShipment
  ) {}

  get deploymentId(): string {
    return this.shipment.deployment.id;
  }

  get service(): string {
    return this.shipment.deployment.service;
  }

  get team(): string {
    return this.shipment.team;
  }

  get environment(): string {
    return this.shipment.deployment.environment;
  }

  get deployedAt(): Instant {
    return this.shipment.deployment.finishedAt;
  }

  get startAt(): Instant {
    return startOf(this.change, this.shipment.start);
  }

  get leadTimeMs(): number | null {
    const lead = leadTimeOf(this.change, this.shipment.deployment.finishedAt, this.shipment.start);
    return lead > 0 ? lead : null;
  }

  toJSON(): AttributedChange {
    const plain: AttributedChange = {
      change: this.change,
      deploymentId: this.deploymentId,
      service: this.service,
      team: this.team,
      environment: this.environment,
      deployedAt: this.deployedAt,
      startAt: this.startAt,
      leadTimeMs: this.leadTimeMs,
    };
    if (this.breakdown) {
      plain.breakdown = this.breakdown;
    }
    return plain;
  }
}

/**
 * The attributed change attribute() produces: the lean form above, made as an object literal with its prototype
 * rather than by `new`. V8 notes per literal whether its objects outlive young collections and, once a run has shown
 * they do, allocates them in the old generation at once: a million changes are then not copied twice by young
 * collections on every later run (about 100 ms a run at full scale). Constructor calls get no such note.
 */
export function shippedChange(change: Change, shipment: ChangeShipment): AttributedChange {
  const attributed = { __proto__: SHIPPED_CHANGE, change, shipment } as unknown as ShippedChange;
  if (change.pullRequest) {
    const breakdown = breakdownOf(change, shipment.deployment.finishedAt);
    if (breakdown) {
      attributed.breakdown = breakdown;
    }
  }
  return attributed;
}

const SHIPPED_CHANGE = ShippedChange.prototype;

/** One change's attribution to a deployment as a plain object (what toJSON() of the lean form gives). */
export function attributeChange(change: Change, d: Deployment, team: string, start: LeadTimeStart): AttributedChange {
  return (shippedChange(change, new ChangeShipment(d, team, start)) as ShippedChange).toJSON();
}

/**
 * A change's lead time to a deployment that finished at `finishedAt`, before the rule that drops it (<= 0: null in
 * leadTimeMs). A change without pull request data starts at its commit whatever the option.
 */
export function leadTimeOf(change: Change, finishedAt: Instant, start: LeadTimeStart): number {
  return (
    finishedAt - (change.pullRequest === undefined || start === 'commit' ? change.committedAt : startOf(change, start))
  );
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
