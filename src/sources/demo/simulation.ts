/**
 * Simulates one demo service over the demo window, in time order: pull requests merge, deployments go out
 * (continuously, at slots, or as release trains), some fail and are remediated (see remediation.ts).
 * Everything it emits is a normalized event.
 */
import {
  Change,
  DAY_MS,
  Deployment,
  HOUR_MS,
  Incident,
  Instant,
  MINUTE_MS,
  PipelineRun,
  PullRequestInfo,
  shortSha,
} from '../../engine';
import { nextWorkingInstant, startOfUtcDay, utcWeekday, workdays } from './calendar';
import { PipelineRecorder } from './pipelines';
import { DemoServiceProfile } from './profiles';
import { pullRequestUrl, quickPullRequest } from './pullRequests';
import { Random } from './random';
import { ReleaseLines } from './releaseLines';
import { Remediator } from './remediation';
import { DemoRepository } from './repository';
import { BackportStep, PullRequestPlan, ServiceState, ShipMeta, Step } from './serviceState';
import { TimeQueue } from './timeQueue';
import { followUpMessage, pullRequestWording, slugify } from './wording';

export interface SimulatedService {
  changes: Change[];
  deployments: Deployment[];
  incidents: Incident[];
  pipelineRuns: PipelineRun[];
  /** Production deployment id -> SHAs it shipped for the first time (what the engine should find). */
  shipped: Record<string, string[]>;
}

/** The release whose predecessor line gets a backported patch after it shipped (the release-branch case). */
const BACKPORT_AFTER_RELEASE = 3;

export class ServiceSimulation implements ServiceState {
  readonly rng: Random;
  readonly repo: DemoRepository;
  readonly pipelines: PipelineRecorder;
  readonly lines = new ReleaseLines();
  readonly shipped: Record<string, string[]> = {};
  private readonly queue = new TimeQueue<Step>();
  private readonly deployments: Deployment[] = [];
  private readonly remediator: Remediator;
  private readonly start: Instant;

  private live: string | undefined;
  /** After a rollback, the bad SHA is not redeployed until main moves on. */
  private avoidSha: string | undefined;
  private busyUntil = 0;
  private freezeUntil = 0;
  private deployCounter = 0;
  private prNumber = 0;

  constructor(
    readonly profile: DemoServiceProfile,
    seed: number,
    windowStart: Instant,
    private readonly end: Instant
  ) {
    this.rng = Random.derive(seed, profile.name);
    this.repo = new DemoRepository(profile.repo, this.rng);
    this.pipelines = new PipelineRecorder(profile.repo, this.rng, profile.ciFailureRate, profile.flakyShare);
    this.start = profile.launchedDaysAgo ? end - profile.launchedDaysAgo * DAY_MS : windowStart;
    this.remediator = new Remediator(this);
  }

  run(): SimulatedService {
    const historyStart = this.profile.launchedDaysAgo ? this.start - 12 * DAY_MS : this.start;
    this.seedHistory(historyStart);
    for (const plan of this.planPullRequests(historyStart)) {
      this.queue.push(plan.mergedAt, { kind: 'merge', plan });
    }
    this.planDeployments();

    for (let next = this.queue.pop(); next && next.at <= this.end; next = this.queue.pop()) {
      this.step(next.at, next.item);
    }
    return {
      changes: this.repo.changes,
      deployments: this.deployments,
      incidents: this.remediator.incidents,
      pipelineRuns: this.pipelines.runs,
      shipped: this.shipped,
    };
  }

  private step(at: Instant, step: Step): void {
    switch (step.kind) {
      case 'merge':
        return this.onMerge(step.plan);
      case 'deploy':
        return this.onDeploy(at);
      case 'cut':
        return this.onCut(at);
      case 'release':
        return this.onRelease(at, step.line);
      case 'remediate':
        return this.remediator.remediate(at, step.failure);
      case 'redeploy':
        return this.onRedeploy(at, step.sha);
      case 'backport':
        return this.onBackport(at, step);
      case 'mergeBack':
        this.repo.commitOnMain({
          committedAt: at,
          message: `Merge branch '${step.branch}' into main`,
          extraParents: [step.sha],
        });
        return;
    }
  }

  // ---- history -------------------------------------------------------------------------------------------

  private seedHistory(historyStart: Instant): void {
    const messages = ['Initial commit', 'Add CI workflow', 'Add deployment manifests'];
    messages.forEach((message, i) => {
      this.repo.commitOnMain({ committedAt: historyStart - (30 - i * 7) * DAY_MS + 10 * HOUR_MS, message });
    });
  }

  private planPullRequests(from: Instant): PullRequestPlan[] {
    const p = this.profile;
    const plans: PullRequestPlan[] = [];
    for (const day of workdays(from, this.end)) {
      const count = this.rng.poisson(p.mergesPerWorkday);
      for (let i = 0; i < count; i++) {
        const mergedAt = day + this.rng.between(9, 18) * HOUR_MS;
        const openedAt = mergedAt - this.rng.skewed(p.reviewHours[0], p.reviewHours[1]) * HOUR_MS;
        const firstCommitAt = openedAt - this.rng.skewed(p.codingHours[0], p.codingHours[1]) * HOUR_MS;
        const firstReviewAt = openedAt + (mergedAt - openedAt) * this.rng.between(0.1, 0.7);
        const commitTimes = [firstCommitAt];
        const extra = this.rng.int(p.commitsPerPullRequest[0], p.commitsPerPullRequest[1]) - 1;
        for (let c = 0; c < extra; c++) {
          commitTimes.push(this.rng.between(firstCommitAt, mergedAt - 5 * MINUTE_MS));
        }
        commitTimes.sort((a, b) => a - b);
        plans.push({
          firstCommitAt,
          openedAt,
          firstReviewAt,
          mergedAt,
          commitTimes,
          wording: pullRequestWording(this.rng, p.topics),
        });
      }
    }
    return plans;
  }

  private onMerge(plan: PullRequestPlan): void {
    const p = this.profile;
    const number = this.nextPullRequestNumber();
    const w = plan.wording;
    const branch = `${w.branchPrefix}/${w.slug}-${number}`;
    const pr: PullRequestInfo = {
      number,
      title: w.title,
      labels: w.labels,
      branch,
      url: pullRequestUrl(p.repo, number),
      firstCommitAt: plan.firstCommitAt,
      openedAt: plan.openedAt,
      firstReviewAt: plan.firstReviewAt,
      mergedAt: plan.mergedAt,
    };
    let mainCommit: Change;
    if (p.mergeStyle === 'squash') {
      // The branch commits stay on the PR branch; main gets one squashed commit stamped at the merge.
      this.pipelines.ci(this.rng.sha(), branch, plan.openedAt);
      mainCommit = this.repo.commitOnMain({
        committedAt: plan.mergedAt,
        message: `${w.title} (#${number})`,
        pullRequest: pr,
      });
    } else {
      let tip = this.repo.headAt(plan.firstCommitAt);
      plan.commitTimes.forEach((t, i) => {
        const commit = this.repo.commit({
          committedAt: t,
          parents: tip ? [tip] : [],
          message: i === 0 ? w.title : followUpMessage(this.rng),
          pullRequest: pr,
        });
        tip = commit.sha;
      });
      this.pipelines.ci(tip as string, branch, plan.openedAt);
      mainCommit = this.repo.commitOnMain({
        committedAt: plan.mergedAt,
        message: `Merge pull request #${number} from ${p.repo.split('/')[0]}/${branch}`,
        extraParents: [tip as string],
        pullRequest: pr,
      });
    }
    this.pipelines.ci(mainCommit.sha, 'main', plan.mergedAt);
    if (p.schedule.kind === 'continuous') {
      const ci = p.schedule.ciMinutes;
      this.queue.push(plan.mergedAt + this.rng.skewed(ci[0], ci[1]) * MINUTE_MS, { kind: 'deploy' });
    }
  }

  // ---- deployment schedule ---------------------------------------------------------------------------------

  private planDeployments(): void {
    const schedule = this.profile.schedule;
    if (schedule.kind === 'release') {
      // The first train is cut so that it ships at the start: that deployment has no predecessor.
      this.queue.push(this.start - schedule.qaDays * DAY_MS, { kind: 'cut' });
      return;
    }
    this.queue.push(nextWorkingInstant(this.start), { kind: 'deploy' });
    if (schedule.kind === 'slots') {
      for (let day = startOfUtcDay(this.start) + DAY_MS; day < this.end; day += DAY_MS) {
        const week = Math.floor((day - startOfUtcDay(this.start)) / (7 * DAY_MS));
        if (week % schedule.everyWeeks !== 0 || schedule.weekdays.indexOf(utcWeekday(day)) < 0) {
          continue;
        }
        for (const hour of schedule.hours) {
          this.queue.push(day + hour * HOUR_MS + this.rng.between(0, 20) * MINUTE_MS, { kind: 'deploy' });
        }
      }
    }
  }

  private onDeploy(at: Instant): void {
    const blockedUntil = Math.max(this.freezeUntil, this.busyUntil);
    if (at < blockedUntil) {
      // Continuous delivery waits for the incident or the running deployment; a missed slot is skipped.
      if (this.profile.schedule.kind === 'continuous' || at >= this.freezeUntil) {
        this.queue.push(blockedUntil + this.rng.between(1, 15) * MINUTE_MS, { kind: 'deploy' });
      }
      return;
    }
    const head = this.repo.head();
    if (!head || head === this.live || head === this.avoidSha) {
      return;
    }
    this.shipRegular(at, head, { title: `Deploy ${shortSha(head)}`, ref: 'main' });
  }

  private onCut(at: Instant): void {
    const schedule = this.profile.schedule;
    if (schedule.kind !== 'release') {
      return;
    }
    const head = this.repo.head() as string;
    let sha = head;
    if (schedule.branches) {
      const message = `Release ${ReleaseLines.format(this.lines.count, 0)}`;
      sha = this.repo.commit({ committedAt: at, parents: [head], message }).sha;
    }
    const line = this.lines.open(sha);
    this.queue.push(nextWorkingInstant(at + schedule.qaDays * DAY_MS), { kind: 'release', line });
    this.queue.push(nextWorkingInstant(at + schedule.everyDays * DAY_MS), { kind: 'cut' });
  }

  private onRelease(at: Instant, line: number): void {
    const blockedUntil = Math.max(this.freezeUntil, this.busyUntil);
    if (at < blockedUntil) {
      this.queue.push(nextWorkingInstant(blockedUntil + 12 * HOUR_MS), { kind: 'release', line });
      return;
    }
    const version = this.lines.version(line);
    this.shipRegular(at, this.lines.head(line), { title: `${this.profile.name} ${version}`, ref: `v${version}` });
    const schedule = this.profile.schedule;
    if (schedule.kind === 'release' && schedule.branches && line === BACKPORT_AFTER_RELEASE) {
      this.queue.push(nextWorkingInstant(at + 3 * DAY_MS), { kind: 'backport', line: line - 1 });
    }
  }

  private onRedeploy(at: Instant, sha: string): void {
    if (at < Math.max(this.freezeUntil, this.busyUntil) || this.live !== sha) {
      return;
    }
    this.ship(at, sha, { title: `Redeploy ${shortSha(sha)} (configuration change)`, ref: 'main' });
  }

  /**
   * The release-branch case of docs/definitions.md#change-lead-time: a fix lands on main and is cherry-picked
   * to the previous release line, shipped as its next patch after the newer release went out; two days later to the current line.
   */
  private onBackport(at: Instant, step: BackportStep): void {
    let fix = step.fix;
    if (!fix) {
      const number = this.nextPullRequestNumber();
      const topic = this.rng.pick(this.profile.topics);
      const title = `Fix ${topic} for EUR accounts`;
      const branch = `fix/${slugify(topic)}-eur`;
      const commit = this.repo.commitOnMain({
        committedAt: at,
        message: `${title} (#${number})`,
        pullRequest: quickPullRequest(this.profile.repo, number, title, branch, at - 3 * HOUR_MS, at, ['bug']),
      });
      fix = { sha: commit.sha, title };
    }
    const pick = this.repo.commit({
      committedAt: at,
      parents: [this.lines.head(step.line)],
      message: `${fix.title} (cherry picked from commit ${fix.sha})`,
    });
    const version = this.lines.patch(step.line, pick.sha);
    this.ship(at + HOUR_MS, pick.sha, { title: `${this.profile.name} ${version}`, ref: `v${version}` });
    if (step.line + 1 < this.lines.count && !step.fix) {
      this.queue.push(nextWorkingInstant(at + 2 * DAY_MS), { kind: 'backport', line: step.line + 1, fix });
    }
  }

  // ---- state shared with the remediation -------------------------------------------------------------------

  later(at: Instant, step: Step): void {
    this.queue.push(at, step);
  }

  nextPullRequestNumber(): number {
    return ++this.prNumber;
  }

  holdDeploymentsUntil(at: Instant): void {
    this.freezeUntil = Math.max(this.freezeUntil, at);
  }

  resumeDeploymentsAt(at: Instant): void {
    this.freezeUntil = at;
  }

  avoid(sha: string): void {
    this.avoidSha = sha;
  }

  // ---- shipping --------------------------------------------------------------------------------------------

  private shipRegular(at: Instant, sha: string, meta: ShipMeta): void {
    const liveBefore = this.live;
    const deployment = this.ship(at, sha, meta);
    if (liveBefore !== undefined && this.remediator.failsNow()) {
      this.remediator.fail(deployment, liveBefore);
    } else if (this.rng.chance(this.profile.redeployShare)) {
      this.queue.push(nextWorkingInstant(deployment.finishedAt + 18 * HOUR_MS), { kind: 'redeploy', sha });
    }
  }

  /** Deploys a SHA to production (after staging, with failed attempts and regions); returns the last record. */
  ship(requestedAt: Instant, sha: string, meta: ShipMeta): Deployment {
    const p = this.profile;
    const runId = this.pipelines.newRunId('deploy');
    const branch = meta.ref;
    let start = Math.max(requestedAt, this.busyUntil);
    let attempt = 1;
    if (this.rng.chance(p.attemptFailureRate)) {
      const failedAt = start + this.deployDuration() / 2;
      const status = this.rng.chance(0.25) ? 'cancelled' : 'failure';
      this.record(`${p.name}-${++this.deployCounter}`, 'production', sha, start, failedAt, runId, meta, status);
      this.pipelines.record(runId, 'deploy', sha, branch, attempt, start, failedAt, status);
      start = failedAt + this.rng.skewed(5, 25) * MINUTE_MS;
      attempt = 2;
    }
    const runStart = start;
    const number = ++this.deployCounter;
    if (p.staging) {
      const stagedAt = start + this.deployDuration();
      this.record(`${p.name}-${number}-staging`, 'staging', sha, start, stagedAt, runId, meta, 'success');
      start = stagedAt + this.rng.between(2, 8) * MINUTE_MS;
    }
    let last: Deployment | undefined;
    for (const region of p.regions ?? ['']) {
      const id = region ? `${p.name}-${number}-${region}` : `${p.name}-${number}`;
      const done = this.record(id, 'production', sha, start, start + this.deployDuration(), runId, meta, 'success');
      if (!last || done.finishedAt > last.finishedAt) {
        last = done;
      }
    }
    const deployed = last as Deployment;
    this.pipelines.record(runId, 'deploy', sha, branch, attempt, runStart, deployed.finishedAt, 'success');
    this.busyUntil = deployed.finishedAt;
    this.shipped[deployed.id] = this.repo.ship(sha);
    this.live = sha;
    return deployed;
  }

  private deployDuration(): number {
    const span = this.profile.deployMinutes;
    return this.rng.skewed(span[0], span[1]) * MINUTE_MS;
  }

  private record(
    id: string,
    environment: string,
    sha: string,
    startedAt: Instant,
    finishedAt: Instant,
    pipelineRunId: string,
    meta: ShipMeta,
    status: Deployment['status']
  ): Deployment {
    const d: Deployment = {
      id,
      service: this.profile.name,
      environment,
      repo: this.profile.repo,
      sha,
      startedAt,
      finishedAt,
      status,
      source: 'demo',
      url: `https://github.example.com/${this.profile.repo}/deployments/${id}`,
      title: meta.title,
      ref: meta.ref,
      pipelineRunId,
    };
    if (environment === 'production' && status === 'success') {
      if (meta.rollback) {
        d.rollback = true;
      }
      if (meta.hotfix) {
        d.hotfix = true;
      }
      if (meta.fixesDeploymentId) {
        d.fixesDeploymentId = meta.fixesDeploymentId;
      }
    }
    this.deployments.push(d);
    return d;
  }
}
