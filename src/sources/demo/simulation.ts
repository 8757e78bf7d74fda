/**
 * Simulates one demo service over the demo window, in time order: pull requests merge, deployments go out
 * (continuously, at slots, or as release trains), some fail and are remediated (rollback, revert, hotfix,
 * fix-forward, or an incident repaired without a deployment). Everything it emits is a normalized event.
 */
import { Change, Deployment, Incident, Instant, PipelineRun, PullRequestInfo } from '../../engine/model';
import { DAY_MS, HOUR_MS } from '../../engine/options';
import { MINUTE_MS, nextWorkingInstant, startOfUtcDay, utcWeekday, workdays } from './calendar';
import { PipelineRecorder } from './pipelines';
import { DemoServiceProfile, Remediation } from './profiles';
import { Random } from './random';
import { DemoRepository } from './repository';
import { TimeQueue } from './timeQueue';
import { followUpMessage, incidentTitle, pullRequestWording, PullRequestWording, shortSha, slugify } from './wording';

export interface SimulatedService {
  changes: Change[];
  deployments: Deployment[];
  incidents: Incident[];
  pipelineRuns: PipelineRun[];
  /** Production deployment id -> SHAs it shipped for the first time (what the engine should find). */
  shipped: Record<string, string[]>;
}

interface PullRequestPlan {
  firstCommitAt: Instant;
  openedAt: Instant;
  firstReviewAt: Instant;
  mergedAt: Instant;
  commitTimes: Instant[];
  wording: PullRequestWording;
}

interface Failure {
  deployment: Deployment;
  liveBefore: string;
  how: Remediation;
  incident?: Incident;
  noticedAt: Instant;
  /** When the remediation deployment starts; its commit merges at the remediation step, before. */
  actAt: Instant;
}

interface BackportStep {
  line: number;
  /** The fix on main, once made; the step for the next line cherry-picks the same fix. */
  fix?: { sha: string; title: string };
}

interface ShipMeta {
  title: string;
  ref: string;
  rollback?: boolean;
  hotfix?: boolean;
  fixesDeploymentId?: string;
}

type Step =
  | { kind: 'merge'; plan: PullRequestPlan }
  | { kind: 'deploy' }
  | { kind: 'cut' }
  | { kind: 'release'; line: number }
  | { kind: 'remediate'; failure: Failure }
  | { kind: 'redeploy'; sha: string }
  | ({ kind: 'backport' } & BackportStep)
  | { kind: 'mergeBack'; sha: string; branch: string };

/** How incidents name their cause, in turn: the link methods of METRICS.md ('service' = no cause given). */
const LINK_STYLES = ['explicit-sha', 'service', 'explicit-deployment', 'service', 'explicit-pr'] as const;

/** Release lines (release/2.N) of a release-train service. */
interface ReleaseLine {
  head: string;
  patch: number;
}

const RELEASE_MAJOR = 2;
/** The release whose predecessor line gets a backported patch after it shipped (the release-branch case). */
const BACKPORT_AFTER_RELEASE = 3;

export class ServiceSimulation {
  private readonly rng: Random;
  private readonly repo: DemoRepository;
  private readonly pipelines: PipelineRecorder;
  private readonly queue = new TimeQueue<Step>();
  private readonly deployments: Deployment[] = [];
  private readonly incidents: Incident[] = [];
  private readonly shipped: Record<string, string[]> = {};
  private readonly lines: ReleaseLine[] = [];
  private readonly lineOfSha = new Map<string, number>();
  private readonly start: Instant;

  private live: string | undefined;
  /** After a rollback, the bad SHA is not redeployed until main moves on. */
  private avoidSha: string | undefined;
  private busyUntil = 0;
  private freezeUntil = 0;
  private deployCounter = 0;
  private prNumber = 0;
  private failureCount = 0;
  private failureDebt: number;
  private incidentCount: number;
  private rollbackCount = 0;
  private hotfixCount = 0;

  constructor(
    private readonly profile: DemoServiceProfile,
    seed: number,
    windowStart: Instant,
    private readonly end: Instant
  ) {
    this.rng = Random.derive(seed, profile.name);
    this.repo = new DemoRepository(profile.repo, this.rng);
    this.pipelines = new PipelineRecorder(profile.repo, this.rng, profile.ciFailureRate, profile.flakyShare);
    this.start = profile.launchedDaysAgo ? end - profile.launchedDaysAgo * DAY_MS : windowStart;
    this.failureDebt = this.rng.next();
    this.incidentCount = this.rng.int(0, LINK_STYLES.length - 1);
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
      incidents: this.incidents,
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
        return this.onRemediate(at, step.failure);
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
    const number = ++this.prNumber;
    const w = plan.wording;
    const branch = `${w.branchPrefix}/${w.slug}-${number}`;
    const pr: PullRequestInfo = {
      number,
      title: w.title,
      labels: w.labels,
      branch,
      url: `https://github.example.com/${p.repo}/pull/${number}`,
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
    const line = this.lines.length;
    let sha = head;
    if (schedule.branches) {
      sha = this.repo.commit({ committedAt: at, parents: [head], message: `Release ${this.version(line, 0)}` }).sha;
    }
    this.lines.push({ head: sha, patch: 0 });
    this.lineOfSha.set(sha, line);
    this.queue.push(nextWorkingInstant(at + schedule.qaDays * DAY_MS), { kind: 'release', line });
    this.queue.push(nextWorkingInstant(at + schedule.everyDays * DAY_MS), { kind: 'cut' });
  }

  private onRelease(at: Instant, line: number): void {
    const blockedUntil = Math.max(this.freezeUntil, this.busyUntil);
    if (at < blockedUntil) {
      this.queue.push(nextWorkingInstant(blockedUntil + 12 * HOUR_MS), { kind: 'release', line });
      return;
    }
    const version = this.version(line, this.lines[line].patch);
    this.shipRegular(at, this.lines[line].head, { title: `${this.profile.name} ${version}`, ref: `v${version}` });
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
   * The release-branch case of METRICS.md: a fix lands on main and is cherry-picked to the previous release
   * line, shipped as its next patch after the newer release went out; two days later to the current line.
   */
  private onBackport(at: Instant, step: BackportStep): void {
    let fix = step.fix;
    if (!fix) {
      const number = ++this.prNumber;
      const topic = this.rng.pick(this.profile.topics);
      const title = `Fix ${topic} for EUR accounts`;
      const branch = `fix/${slugify(topic)}-eur`;
      const commit = this.repo.commitOnMain({
        committedAt: at,
        message: `${title} (#${number})`,
        pullRequest: this.quickPullRequest(number, title, branch, at - 3 * HOUR_MS, at, ['bug']),
      });
      fix = { sha: commit.sha, title };
    }
    const target = this.lines[step.line];
    const pick = this.repo.commit({
      committedAt: at,
      parents: [target.head],
      message: `${fix.title} (cherry picked from commit ${fix.sha})`,
    });
    target.head = pick.sha;
    target.patch++;
    this.lineOfSha.set(pick.sha, step.line);
    const version = this.version(step.line, target.patch);
    this.ship(at + HOUR_MS, pick.sha, { title: `${this.profile.name} ${version}`, ref: `v${version}` });
    if (step.line + 1 < this.lines.length && !step.fix) {
      this.queue.push(nextWorkingInstant(at + 2 * DAY_MS), { kind: 'backport', line: step.line + 1, fix });
    }
  }

  private version(line: number, patch: number): string {
    return `${RELEASE_MAJOR}.${line}.${patch}`;
  }

  // ---- shipping --------------------------------------------------------------------------------------------

  private shipRegular(at: Instant, sha: string, meta: ShipMeta): void {
    const liveBefore = this.live;
    const deployment = this.ship(at, sha, meta);
    if (liveBefore !== undefined && this.failsNow()) {
      this.fail(deployment, liveBefore);
    } else if (this.rng.chance(this.profile.redeployShare)) {
      this.queue.push(nextWorkingInstant(deployment.finishedAt + 18 * HOUR_MS), { kind: 'redeploy', sha });
    }
  }

  /** Failures are paced (not coin flips) so every service shows its designed failure rate for any seed. */
  private failsNow(): boolean {
    this.failureDebt += this.profile.failureRate * this.rng.between(0.5, 1.5);
    if (this.failureDebt >= 1) {
      this.failureDebt -= 1;
      return true;
    }
    return false;
  }

  /** Deploys a SHA to production (after staging, with failed attempts and regions); returns the last record. */
  private ship(requestedAt: Instant, sha: string, meta: ShipMeta): Deployment {
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

  // ---- failures and remediation ------------------------------------------------------------------------------

  private fail(deployment: Deployment, liveBefore: string): void {
    const p = this.profile;
    let how = p.remediations[this.failureCount++ % p.remediations.length];
    const impactAt = deployment.finishedAt + this.rng.between(1, 20) * MINUTE_MS;
    const incident =
      how === 'incident-only' || this.rng.chance(p.incidentShare) ? this.openIncident(deployment, impactAt) : undefined;
    if (!incident && how === 'incident-only') {
      how = 'rollback';
    }
    const noticedAt = incident
      ? incident.createdAt
      : impactAt + this.rng.skewed(p.detectMinutes[0], p.detectMinutes[1]) * MINUTE_MS;
    if (how === 'incident-only' && incident) {
      const resolvedAt = incident.createdAt + this.rng.skewed(p.repairHours[0], p.repairHours[1]) * HOUR_MS;
      this.resolve(incident, resolvedAt);
      this.freezeUntil = Math.max(this.freezeUntil, resolvedAt);
      return;
    }
    const actAt = noticedAt + this.rng.skewed(p.reactMinutes[0], p.reactMinutes[1]) * MINUTE_MS;
    // Nothing else ships until the remediation is out (it moves the freeze to its own finish).
    this.freezeUntil = Math.max(this.freezeUntil, actAt + 6 * HOUR_MS);
    const mergeAt = noticedAt + (actAt - noticedAt) * 0.6;
    this.queue.push(mergeAt, {
      kind: 'remediate',
      failure: { deployment, liveBefore, how, incident, noticedAt, actAt },
    });
  }

  private onRemediate(at: Instant, failure: Failure): void {
    const { deployment, incident } = failure;
    let fixed: Deployment | undefined;
    switch (failure.how) {
      case 'rollback':
        fixed = this.rollBack(failure);
        break;
      case 'revert':
        fixed = this.revert(at, failure) ?? this.fixForward(at, failure);
        break;
      case 'hotfix':
        fixed = this.hotfix(at, failure);
        break;
      default:
        fixed = this.fixForward(at, failure);
    }
    this.freezeUntil = fixed.finishedAt;
    if (incident) {
      this.resolve(incident, fixed.finishedAt + this.rng.between(2, 20) * MINUTE_MS);
    }
    if (failure.how === 'rollback') {
      this.avoidSha = deployment.sha;
    }
  }

  private rollBack(failure: Failure): Deployment {
    const target = failure.liveBefore;
    const line = this.lineOfSha.get(target);
    return this.ship(failure.actAt, target, {
      title: `Rollback to ${shortSha(target)}`,
      ref: line !== undefined ? `v${this.version(line, this.lines[line].patch)}` : 'main',
      // Half the rollbacks carry the provider hint; the engine must find the others by ancestry.
      rollback: this.rollbackCount++ % 2 === 0,
    });
  }

  /** Reverts the main-line pull request commit the failed deployment shipped (GitHub's revert button). */
  private revert(at: Instant, failure: Failure): Deployment | undefined {
    const target = this.shippedPullRequestCommit(failure.deployment.id);
    if (!target || !target.pullRequest) {
      return undefined;
    }
    const number = ++this.prNumber;
    const original = target.pullRequest.title ?? target.message ?? '';
    const title = `Revert "${original}"`;
    const mergedAt = at;
    const branch = `revert-${target.pullRequest.number}-${target.pullRequest.branch ?? 'main'}`;
    const commit = this.repo.commitOnMain({
      committedAt: mergedAt,
      message: `${title}\n\nThis reverts commit ${target.sha}.`,
      pullRequest: this.quickPullRequest(number, title, branch, this.openedFor(failure, at), mergedAt, ['revert']),
    });
    this.pipelines.ci(commit.sha, 'main', mergedAt);
    return this.ship(Math.max(failure.actAt, mergedAt + 2 * MINUTE_MS), commit.sha, { title, ref: 'main' });
  }

  /** A hotfix branched from what is live, shipped directly, then merged back into main. */
  private hotfix(at: Instant, failure: Failure): Deployment {
    const { deployment } = failure;
    const topic = this.rng.pick(this.profile.topics);
    const number = ++this.prNumber;
    const title = `Hotfix: ${topic} broken after ${shortSha(deployment.sha)}`;
    const branch = `hotfix/${slugify(topic)}-${number}`;
    const mergedAt = at;
    const pr = this.quickPullRequest(number, title, branch, this.openedFor(failure, at), mergedAt, ['hotfix']);
    const line = this.lineOfSha.get(deployment.sha);
    const onMain = line === undefined && this.repo.head() === deployment.sha;
    const spec = { committedAt: mergedAt, message: `${title} (#${number})`, pullRequest: pr };
    const commit = onMain ? this.repo.commitOnMain(spec) : this.repo.commit({ ...spec, parents: [deployment.sha] });
    this.pipelines.ci(commit.sha, branch, mergedAt);
    let ref = branch;
    if (line !== undefined) {
      const target = this.lines[line];
      target.head = commit.sha;
      target.patch++;
      this.lineOfSha.set(commit.sha, line);
      ref = `v${this.version(line, target.patch)}`;
    }
    if (!onMain) {
      this.queue.push(mergedAt + HOUR_MS, { kind: 'mergeBack', sha: commit.sha, branch });
    }
    return this.ship(Math.max(failure.actAt, mergedAt + 2 * MINUTE_MS), commit.sha, {
      title: line !== undefined ? `${this.profile.name} ${ref.slice(1)} (${title})` : title,
      ref,
      hotfix: this.hotfixCount++ % 2 === 0,
    });
  }

  /** A regular-looking fix on main whose deployment names the one it fixes. */
  private fixForward(at: Instant, failure: Failure): Deployment {
    const topic = this.rng.pick(this.profile.topics);
    const number = ++this.prNumber;
    const title = `Fix ${topic} regression`;
    const mergedAt = at;
    const branch = `fix/${slugify(topic)}-${number}`;
    const commit = this.repo.commitOnMain({
      committedAt: mergedAt,
      message: `${title} (#${number})`,
      pullRequest: this.quickPullRequest(number, title, branch, this.openedFor(failure, at), mergedAt, ['bug']),
    });
    this.pipelines.ci(commit.sha, 'main', mergedAt);
    return this.ship(Math.max(failure.actAt, mergedAt + 2 * MINUTE_MS), commit.sha, {
      title,
      ref: 'main',
      fixesDeploymentId: failure.deployment.id,
    });
  }

  /** A remediation pull request opens between noticing the failure and merging the fix. */
  private openedFor(failure: Failure, mergedAt: Instant): Instant {
    return mergedAt - (mergedAt - failure.noticedAt) / 2;
  }

  private quickPullRequest(
    number: number,
    title: string,
    branch: string,
    openedAt: Instant,
    mergedAt: Instant,
    labels: string[]
  ): PullRequestInfo {
    return {
      number,
      title,
      labels,
      branch,
      url: `https://github.example.com/${this.profile.repo}/pull/${number}`,
      firstCommitAt: openedAt - Math.min(10 * MINUTE_MS, (mergedAt - openedAt) / 2),
      openedAt,
      firstReviewAt: openedAt + (mergedAt - openedAt) / 2,
      mergedAt,
    };
  }

  /** The newest main-line pull request commit (merge or squash) a deployment shipped. */
  private shippedPullRequestCommit(deploymentId: string): Change | undefined {
    const shas = this.shipped[deploymentId] ?? [];
    let best: Change | undefined;
    for (const sha of shas) {
      const change = this.repo.get(sha);
      const isMainLine = change && change.pullRequest && change.committedAt === change.pullRequest.mergedAt;
      if (change && isMainLine && (!best || change.committedAt > best.committedAt)) {
        best = change;
      }
    }
    return best;
  }

  private openIncident(deployment: Deployment, impactAt: Instant): Incident {
    const p = this.profile;
    const createdAt = impactAt + this.rng.skewed(p.detectMinutes[0], p.detectMinutes[1]) * MINUTE_MS;
    const incident: Incident = {
      id: `${p.name}-incident-${this.incidents.length + 1}`,
      service: p.incidentServiceName ?? p.name,
      title: incidentTitle(this.rng, p.name, p.topics),
      startedAt: impactAt,
      createdAt,
      acknowledgedAt: createdAt + this.rng.skewed(1, 15) * MINUTE_MS,
      severity: this.rng.pick(['sev1', 'sev2', 'sev2', 'sev3']),
      source: 'demo',
    };
    const style = LINK_STYLES[this.incidentCount++ % LINK_STYLES.length];
    const culprit = this.shippedPullRequestCommit(deployment.id);
    if (style === 'explicit-deployment' || (style !== 'service' && !culprit)) {
      incident.cause = { deploymentId: deployment.id };
    } else if (style === 'explicit-sha' && culprit) {
      incident.cause = { sha: culprit.sha, repo: p.repo };
    } else if (style === 'explicit-pr' && culprit && culprit.pullRequest) {
      incident.cause = { pullRequest: culprit.pullRequest.number, repo: p.repo };
      incident.labels = [`pr:#${culprit.pullRequest.number}`, `repo:${p.repo}`];
    }
    this.incidents.push(incident);
    return incident;
  }

  private resolve(incident: Incident, resolvedAt: Instant): void {
    incident.resolvedAt = resolvedAt;
    if (incident.acknowledgedAt !== undefined && incident.acknowledgedAt > resolvedAt) {
      incident.acknowledgedAt = resolvedAt;
    }
  }
}
