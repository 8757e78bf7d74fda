/**
 * Failed deployments of one demo service: which regular deployments fail, the incident that follows (named
 * by SHA, pull request, deployment id, or only by service), and the remediation: a rollback, a revert, a
 * hotfix, a fix-forward, or an incident repaired without a deployment.
 */
import { Change, Deployment, HOUR_MS, Incident, Instant, MINUTE_MS, shortSha } from '../../engine';
import { quickPullRequest } from './pullRequests';
import { Failure, ServiceState } from './serviceState';
import { incidentTitle, slugify } from './wording';

/**
 * How incidents name their cause, in turn: the link methods of docs/definitions.md#change-failure-rate
 * ('service' = no cause given).
 */
const LINK_STYLES = ['explicit-sha', 'service', 'explicit-deployment', 'service', 'explicit-pr'] as const;

export class Remediator {
  readonly incidents: Incident[] = [];
  private failureCount = 0;
  private failureDebt: number;
  private incidentCount: number;
  private rollbackCount = 0;
  private hotfixCount = 0;

  constructor(private readonly s: ServiceState) {
    this.failureDebt = s.rng.next();
    this.incidentCount = s.rng.int(0, LINK_STYLES.length - 1);
  }

  /** Failures are paced (not coin flips) so every service shows its designed failure rate for any seed. */
  failsNow(): boolean {
    this.failureDebt += this.s.profile.failureRate * this.s.rng.between(0.5, 1.5);
    if (this.failureDebt >= 1) {
      this.failureDebt -= 1;
      return true;
    }
    return false;
  }

  /** The deployment went bad: impact, maybe an incident, and the remediation put on the timeline. */
  fail(deployment: Deployment, liveBefore: string): void {
    const { profile: p, rng } = this.s;
    let how = p.remediations[this.failureCount++ % p.remediations.length];
    const impactAt = deployment.finishedAt + rng.between(1, 20) * MINUTE_MS;
    const incident =
      how === 'incident-only' || rng.chance(p.incidentShare) ? this.openIncident(deployment, impactAt) : undefined;
    if (!incident && how === 'incident-only') {
      how = 'rollback';
    }
    const noticedAt = incident
      ? incident.createdAt
      : impactAt + rng.skewed(p.detectMinutes[0], p.detectMinutes[1]) * MINUTE_MS;
    if (how === 'incident-only' && incident) {
      const resolvedAt = incident.createdAt + rng.skewed(p.repairHours[0], p.repairHours[1]) * HOUR_MS;
      this.resolve(incident, resolvedAt);
      this.s.holdDeploymentsUntil(resolvedAt);
      return;
    }
    const actAt = noticedAt + rng.skewed(p.reactMinutes[0], p.reactMinutes[1]) * MINUTE_MS;
    // Nothing else ships until the remediation is out (it moves the hold to its own finish).
    this.s.holdDeploymentsUntil(actAt + 6 * HOUR_MS);
    const mergeAt = noticedAt + (actAt - noticedAt) * 0.6;
    this.s.later(mergeAt, {
      kind: 'remediate',
      failure: { deployment, liveBefore, how, incident, noticedAt, actAt },
    });
  }

  /** The remediation step: its commit (if any) merges now, its deployment goes out at failure.actAt. */
  remediate(at: Instant, failure: Failure): void {
    const { deployment, incident } = failure;
    let fixed: Deployment;
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
    this.s.resumeDeploymentsAt(fixed.finishedAt);
    if (incident) {
      this.resolve(incident, fixed.finishedAt + this.s.rng.between(2, 20) * MINUTE_MS);
    }
    if (failure.how === 'rollback') {
      this.s.avoid(deployment.sha);
    }
  }

  private rollBack(failure: Failure): Deployment {
    const target = failure.liveBefore;
    const line = this.s.lines.lineOf(target);
    return this.s.ship(failure.actAt, target, {
      title: `Rollback to ${shortSha(target)}`,
      ref: line !== undefined ? `v${this.s.lines.version(line)}` : 'main',
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
    const { repo, pipelines, profile } = this.s;
    const number = this.s.nextPullRequestNumber();
    const original = target.pullRequest.title ?? target.message ?? '';
    const title = `Revert "${original}"`;
    const branch = `revert-${target.pullRequest.number}-${target.pullRequest.branch ?? 'main'}`;
    const commit = repo.commitOnMain({
      committedAt: at,
      message: `${title}\n\nThis reverts commit ${target.sha}.`,
      pullRequest: quickPullRequest(profile.repo, number, title, branch, openedFor(failure, at), at, ['revert']),
    });
    pipelines.ci(commit.sha, 'main', at);
    return this.s.ship(Math.max(failure.actAt, at + 2 * MINUTE_MS), commit.sha, { title, ref: 'main' });
  }

  /** A hotfix branched from what is live, shipped directly, then merged back into main. */
  private hotfix(at: Instant, failure: Failure): Deployment {
    const { deployment } = failure;
    const { repo, pipelines, profile, lines } = this.s;
    const topic = this.s.rng.pick(profile.topics);
    const number = this.s.nextPullRequestNumber();
    const title = `Hotfix: ${topic} broken after ${shortSha(deployment.sha)}`;
    const branch = `hotfix/${slugify(topic)}-${number}`;
    const pr = quickPullRequest(profile.repo, number, title, branch, openedFor(failure, at), at, ['hotfix']);
    const line = lines.lineOf(deployment.sha);
    const onMain = line === undefined && repo.head() === deployment.sha;
    const spec = { committedAt: at, message: `${title} (#${number})`, pullRequest: pr };
    const commit = onMain ? repo.commitOnMain(spec) : repo.commit({ ...spec, parents: [deployment.sha] });
    pipelines.ci(commit.sha, branch, at);
    const version = line !== undefined ? lines.patch(line, commit.sha) : undefined;
    if (!onMain) {
      this.s.later(at + HOUR_MS, { kind: 'mergeBack', sha: commit.sha, branch });
    }
    return this.s.ship(Math.max(failure.actAt, at + 2 * MINUTE_MS), commit.sha, {
      title: version !== undefined ? `${profile.name} ${version} (${title})` : title,
      ref: version !== undefined ? `v${version}` : branch,
      hotfix: this.hotfixCount++ % 2 === 0,
    });
  }

  /** A regular-looking fix on main whose deployment names the one it fixes. */
  private fixForward(at: Instant, failure: Failure): Deployment {
    const { repo, pipelines, profile } = this.s;
    const topic = this.s.rng.pick(profile.topics);
    const number = this.s.nextPullRequestNumber();
    const title = `Fix ${topic} regression`;
    const branch = `fix/${slugify(topic)}-${number}`;
    const commit = repo.commitOnMain({
      committedAt: at,
      message: `${title} (#${number})`,
      pullRequest: quickPullRequest(profile.repo, number, title, branch, openedFor(failure, at), at, ['bug']),
    });
    pipelines.ci(commit.sha, 'main', at);
    return this.s.ship(Math.max(failure.actAt, at + 2 * MINUTE_MS), commit.sha, {
      title,
      ref: 'main',
      fixesDeploymentId: failure.deployment.id,
    });
  }

  /** The newest main-line pull request commit (merge or squash) a deployment shipped. */
  private shippedPullRequestCommit(deploymentId: string): Change | undefined {
    let best: Change | undefined;
    for (const sha of this.s.shipped[deploymentId] ?? []) {
      const change = this.s.repo.get(sha);
      const isMainLine = change && change.pullRequest && change.committedAt === change.pullRequest.mergedAt;
      if (change && isMainLine && (!best || change.committedAt > best.committedAt)) {
        best = change;
      }
    }
    return best;
  }

  private openIncident(deployment: Deployment, impactAt: Instant): Incident {
    const { profile: p, rng } = this.s;
    const createdAt = impactAt + rng.skewed(p.detectMinutes[0], p.detectMinutes[1]) * MINUTE_MS;
    const incident: Incident = {
      id: `${p.name}-incident-${this.incidents.length + 1}`,
      service: p.incidentServiceName ?? p.name,
      title: incidentTitle(rng, p.name, p.topics),
      startedAt: impactAt,
      createdAt,
      acknowledgedAt: createdAt + rng.skewed(1, 15) * MINUTE_MS,
      severity: rng.pick(['sev1', 'sev2', 'sev2', 'sev3']),
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

/** A remediation pull request opens between noticing the failure and merging the fix. */
function openedFor(failure: Failure, mergedAt: Instant): Instant {
  return mergedAt - (mergedAt - failure.noticedAt) / 2;
}
