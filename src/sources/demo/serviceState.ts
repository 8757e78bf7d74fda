/** What the parts of one service's simulation share: the steps of its timeline and the service's state. */
import { Deployment, Incident, Instant } from '../../engine';
import { PipelineRecorder } from './pipelines';
import { DemoServiceProfile, Remediation } from './profiles';
import { Random } from './random';
import { ReleaseLines } from './releaseLines';
import { DemoRepository } from './repository';
import { PullRequestWording } from './wording';

export interface PullRequestPlan {
  firstCommitAt: Instant;
  openedAt: Instant;
  firstReviewAt: Instant;
  mergedAt: Instant;
  commitTimes: Instant[];
  wording: PullRequestWording;
}

export interface Failure {
  deployment: Deployment;
  liveBefore: string;
  how: Remediation;
  incident?: Incident;
  noticedAt: Instant;
  /** When the remediation deployment starts; its commit merges at the remediation step, before. */
  actAt: Instant;
}

export interface BackportStep {
  line: number;
  /** The fix on main, once made; the step for the next line cherry-picks the same fix. */
  fix?: { sha: string; title: string };
}

export interface ShipMeta {
  title: string;
  ref: string;
  rollback?: boolean;
  hotfix?: boolean;
  fixesDeploymentId?: string;
}

/** The timeline's steps, run in time order. */
export type Step =
  | { kind: 'merge'; plan: PullRequestPlan }
  | { kind: 'deploy' }
  | { kind: 'cut' }
  | { kind: 'release'; line: number }
  | { kind: 'remediate'; failure: Failure }
  | { kind: 'redeploy'; sha: string }
  | ({ kind: 'backport' } & BackportStep)
  | { kind: 'mergeBack'; sha: string; branch: string };

export interface ServiceState {
  readonly profile: DemoServiceProfile;
  readonly rng: Random;
  readonly repo: DemoRepository;
  readonly pipelines: PipelineRecorder;
  readonly lines: ReleaseLines;
  /** Production deployment id -> SHAs it shipped for the first time. */
  readonly shipped: Record<string, string[]>;
  /** Deploys a SHA to production now (or when the running deployment is done); returns the last record. */
  ship(requestedAt: Instant, sha: string, meta: ShipMeta): Deployment;
  /** Puts a step on the timeline. */
  later(at: Instant, step: Step): void;
  nextPullRequestNumber(): number;
  /** Regular deployments wait at least until then (an incident is open, a remediation is coming). */
  holdDeploymentsUntil(at: Instant): void;
  /** Regular deployments resume then (the remediation is out). */
  resumeDeploymentsAt(at: Instant): void;
  /** After a rollback: the bad SHA is not redeployed until main moves on. */
  avoid(sha: string): void;
}
