/**
 * Pure mapping from GitHub's answers (apiTypes.ts) to the normalized events (engine/model.ts).
 * No fetching, no metrics: what GitHub says, in the model's words. Items without a usable timestamp are skipped
 * (returned as undefined) rather than guessed.
 */
import { toInstant, withoutUndefined } from '../mapping';
import {
  Change,
  Deployment,
  DeploymentStatus,
  Incident,
  Instant,
  parentFields,
  PipelineConclusion,
  PipelineRun,
  PullRequestInfo,
} from '../../engine';
import {
  CheckRunNode,
  CommitNode,
  DeploymentNode,
  DeploymentStatusNode,
  IssueNode,
  PullRequestNode,
  ReleaseNode,
  TagRefNode,
  WorkflowRunRest,
} from './apiTypes';
import * as ids from './ids';
import { parseSeverity } from '../incidentText';
import { issueIncident, tagDeployment } from '../forgeEvents';
import { parseIncidentCause } from './incidents';
import { isProductionTag } from '../../settings/releaseTags';
import { RepositoryConfig } from '../../settings/github';

export const SOURCE = 'github';

export { toInstant };

function labelNames(labels: { nodes: Array<{ name: string }> } | null | undefined): string[] {
  return labels ? labels.nodes.map((l) => l.name) : [];
}

export function mapPullRequest(node: PullRequestNode): PullRequestInfo {
  const first = node.commits.nodes[0]?.commit;
  const firstReview = node.reviews?.nodes.find((r) => r.submittedAt)?.submittedAt;
  return withoutUndefined<PullRequestInfo>({
    number: node.number,
    title: node.title,
    labels: labelNames(node.labels),
    branch: node.headRefName,
    url: node.url,
    // Work starts when the first commit was written; a rebase changes the commit time, not the author time.
    firstCommitAt: first ? toInstant(first.authoredDate) : undefined,
    openedAt: toInstant(node.createdAt),
    firstReviewAt: toInstant(firstReview),
    mergedAt: toInstant(node.mergedAt),
  });
}

/**
 * Pull requests by number and by merge commit (a squash or rebase merge is known by its merge commit), and the author
 * of each pull request by its merge commit.
 */
export interface PullRequestIndex {
  byNumber: Map<number, PullRequestInfo>;
  byMergeCommit: Map<string, PullRequestInfo>;
  authorByMergeCommit: Map<string, string>;
}

export function indexPullRequests(nodes: PullRequestNode[]): PullRequestIndex {
  const index: PullRequestIndex = { byNumber: new Map(), byMergeCommit: new Map(), authorByMergeCommit: new Map() };
  for (const node of nodes) {
    const info = mapPullRequest(node);
    index.byNumber.set(node.number, info);
    if (node.mergeCommit) {
      index.byMergeCommit.set(node.mergeCommit.oid, info);
      if (node.author?.login) {
        index.authorByMergeCommit.set(node.mergeCommit.oid, node.author.login);
      }
    }
  }
  return index;
}

/**
 * Who wrote the change (docs/definitions.md): for the commit a pull request was merged as (squash, rebase or merge
 * commit) the pull request's author, since whoever or whatever merged may be recorded as that commit's author; for
 * any other commit its author's GitHub login, else the git author name (an email no account claims).
 */
export function changeAuthor(node: CommitNode, prs: PullRequestIndex): string | undefined {
  return prs.authorByMergeCommit.get(node.oid) || node.author?.user?.login || node.author?.name?.trim() || undefined;
}

export function mapCommit(node: CommitNode, repo: string, prs: PullRequestIndex): Change | undefined {
  const committedAt = toInstant(node.committedDate);
  if (committedAt === undefined) {
    return undefined;
  }
  const associated = node.associatedPullRequests?.nodes[0]?.number;
  const pullRequest =
    prs.byMergeCommit.get(node.oid) ?? (associated !== undefined ? prs.byNumber.get(associated) : undefined);
  return withoutUndefined<Change>({
    sha: node.oid,
    repo,
    authoredAt: toInstant(node.authoredDate),
    committedAt,
    author: changeAuthor(node, prs),
    ...parentFields(node.parents.nodes.map((p) => p.oid)),
    message: node.messageHeadline,
    pullRequest,
  });
}

const FAILED_STATES = ['FAILURE', 'ERROR'];
const PENDING_STATES = ['IN_PROGRESS', 'PENDING', 'QUEUED', 'WAITING'];

/** The outcome of a GitHub deployment from its statuses: success wins, then failure, then still running. */
export function deploymentOutcome(node: DeploymentNode): { status: DeploymentStatus; at: Instant } | undefined {
  const statuses: DeploymentStatusNode[] = (node.statuses?.nodes ?? []).slice();
  if (node.latestStatus && !statuses.some((s) => s.createdAt === node.latestStatus!.createdAt)) {
    statuses.push(node.latestStatus);
  }
  statuses.sort((a, b) => (toInstant(a.createdAt) ?? 0) - (toInstant(b.createdAt) ?? 0));
  const success = statuses.find((s) => s.state === 'SUCCESS');
  if (success) {
    return { status: 'success', at: toInstant(success.createdAt)! };
  }
  const failure = statuses.find((s) => FAILED_STATES.indexOf(s.state) >= 0);
  if (failure) {
    return { status: 'failure', at: toInstant(failure.createdAt)! };
  }
  const latest = statuses[statuses.length - 1];
  const created = toInstant(node.createdAt);
  if (!latest || PENDING_STATES.indexOf(latest.state) >= 0) {
    return created === undefined ? undefined : { status: 'in_progress', at: toInstant(latest?.createdAt) ?? created };
  }
  // Inactive without ever succeeding: superseded before it finished.
  return { status: 'cancelled', at: toInstant(latest.createdAt) ?? created! };
}

export function isTerminalDeployment(node: DeploymentNode): boolean {
  const outcome = deploymentOutcome(node);
  return outcome !== undefined && outcome.status !== 'in_progress';
}

export function mapDeployment(node: DeploymentNode, cfg: RepositoryConfig): Deployment | undefined {
  const outcome = deploymentOutcome(node);
  if (!outcome) {
    return undefined;
  }
  const withUrl = (node.statuses?.nodes ?? []).find((s) => s.logUrl || s.environmentUrl);
  return withoutUndefined<Deployment>({
    id: ids.deploymentId(cfg.repo, node.databaseId ?? node.id),
    service: cfg.service,
    environment: node.environment ?? '',
    repo: cfg.repo,
    sha: node.commitOid,
    startedAt: toInstant(node.createdAt),
    finishedAt: outcome.at,
    status: outcome.status,
    source: SOURCE,
    // Selected by this repository's own deployment rule: the data source's global patterns do not apply.
    production: true,
    url: withUrl ? (withUrl.logUrl ?? withUrl.environmentUrl ?? undefined) : undefined,
    title: node.description ?? undefined,
    ref: node.ref?.name,
  });
}

export function workflowConclusion(status: string | null, conclusion: string | null): PipelineConclusion {
  if (status !== 'completed') {
    return 'in_progress';
  }
  switch (conclusion) {
    case 'success':
      return 'success';
    case 'failure':
    case 'timed_out':
    case 'startup_failure':
      return 'failure';
    case 'cancelled':
      return 'cancelled';
    default:
      // skipped, neutral, stale, action_required: the run did not build anything.
      return 'skipped';
  }
}

export function isTerminalRun(run: WorkflowRunRest): boolean {
  return run.status === 'completed';
}

export function mapWorkflowRun(run: WorkflowRunRest, repo: string): PipelineRun | undefined {
  const startedAt = toInstant(run.run_started_at) ?? toInstant(run.created_at);
  if (startedAt === undefined) {
    return undefined;
  }
  const conclusion = workflowConclusion(run.status, run.conclusion);
  const attempt = run.run_attempt ?? 1;
  return withoutUndefined<PipelineRun>({
    id: ids.pipelineRunId(repo, run.id, attempt),
    repo,
    workflow: run.name ?? run.path,
    sha: run.head_sha,
    attempt,
    startedAt,
    // For a completed run GitHub's updated_at is when it finished.
    finishedAt: conclusion === 'in_progress' ? undefined : toInstant(run.updated_at),
    conclusion,
    branch: run.head_branch ?? undefined,
    url: run.html_url,
  });
}

function matches(pattern: string, value: string): boolean {
  return pattern === '' || new RegExp(pattern, 'i').test(value);
}

/** Whether a workflow run is a candidate production deployment (workflow name and branch rules). */
export function isDeployingRun(run: WorkflowRunRest, cfg: RepositoryConfig, productionBranch: string): boolean {
  const branch = cfg.workflowBranch ?? productionBranch;
  return matches(cfg.workflowPattern, run.name ?? run.path) && run.head_branch === branch;
}

function jobStatus(job: CheckRunNode): DeploymentStatus {
  const c = workflowConclusion(
    job.status === 'COMPLETED' ? 'completed' : job.status,
    job.conclusion?.toLowerCase() ?? null
  );
  return c === 'skipped' ? 'cancelled' : c;
}

/**
 * A deploying workflow run as one deployment. With a job pattern, the matching jobs decide: the run deploys
 * once, finishing with its last matching job (docs/definitions.md#deployments), failed if any matching job
 * failed. Undefined when the run deployed nothing (no matching job, or skipped).
 */
export function mapWorkflowRunDeployment(
  run: WorkflowRunRest,
  jobs: CheckRunNode[] | undefined,
  cfg: RepositoryConfig
): Deployment | undefined {
  let status: DeploymentStatus;
  let startedAt = toInstant(run.run_started_at) ?? toInstant(run.created_at);
  let finishedAt = toInstant(run.updated_at);
  if (cfg.jobPattern !== '') {
    const matching = (jobs ?? []).filter((j) => matches(cfg.jobPattern, j.name));
    if (matching.length === 0) {
      return undefined;
    }
    const statuses = matching.map(jobStatus);
    status =
      statuses.indexOf('failure') >= 0
        ? 'failure'
        : statuses.indexOf('in_progress') >= 0
          ? 'in_progress'
          : statuses.every((s) => s === 'success')
            ? 'success'
            : 'cancelled';
    const starts = matching.map((j) => toInstant(j.startedAt)).filter((t): t is number => t !== undefined);
    const ends = matching.map((j) => toInstant(j.completedAt)).filter((t): t is number => t !== undefined);
    startedAt = starts.length ? Math.min(...starts) : startedAt;
    finishedAt = ends.length ? Math.max(...ends) : finishedAt;
  } else {
    const c = workflowConclusion(run.status, run.conclusion);
    if (c === 'skipped') {
      return undefined;
    }
    status = c;
  }
  if (finishedAt === undefined) {
    return undefined;
  }
  const id = ids.workflowRunDeploymentId(cfg.repo, run.id);
  return withoutUndefined<Deployment>({
    id,
    service: cfg.service,
    environment: 'production',
    repo: cfg.repo,
    sha: run.head_sha,
    startedAt,
    finishedAt,
    status,
    source: SOURCE,
    // Selected by this repository's own deployment rule: the data source's global patterns do not apply.
    production: true,
    url: run.html_url,
    title: run.name ?? undefined,
    ref: run.head_branch ?? undefined,
    pipelineRunId: id,
  });
}

/** A published, non-prerelease release whose tag matches the tag pattern is a production deployment of its commit. */
export function mapRelease(node: ReleaseNode, cfg: RepositoryConfig): Deployment | undefined {
  const finishedAt = toInstant(node.publishedAt) ?? toInstant(node.createdAt);
  if (
    node.isDraft ||
    node.isPrerelease ||
    !node.tagCommit ||
    finishedAt === undefined ||
    !isProductionTag(node.tagName, cfg.tagPattern)
  ) {
    return undefined;
  }
  return tagDeployment({
    id: ids.releaseDeploymentId(cfg.repo, node.tagName),
    service: cfg.service,
    repo: cfg.repo,
    tag: node.tagName,
    sha: node.tagCommit.oid,
    finishedAt,
    source: SOURCE,
    title: node.name ?? node.tagName,
    url: node.url,
  });
}

/** The commit a tag points at (annotated tags are peeled) and when the tag was made. */
export function tagTarget(node: TagRefNode): { sha: string; at: Instant | undefined } | undefined {
  const target = node.target;
  if (!target) {
    return undefined;
  }
  if (target.__typename === 'Tag' && target.target) {
    return {
      sha: target.target.oid,
      at: toInstant(target.tagger?.date) ?? toInstant(target.target.committedDate),
    };
  }
  if (target.__typename === 'Commit') {
    return { sha: target.oid, at: toInstant(target.committedDate) };
  }
  return undefined;
}

/** A tag matching the tag pattern (by default not a semver pre-release) is a production deployment of its commit. */
export function mapTag(node: TagRefNode, cfg: RepositoryConfig): Deployment | undefined {
  const target = tagTarget(node);
  if (!target || target.at === undefined || !isProductionTag(node.name, cfg.tagPattern)) {
    return undefined;
  }
  return tagDeployment({
    id: ids.tagDeploymentId(cfg.repo, node.name),
    service: cfg.service,
    repo: cfg.repo,
    tag: node.name,
    sha: target.sha,
    finishedAt: target.at,
    source: SOURCE,
    title: node.name,
  });
}

/** Closed as not planned or duplicate: not an incident that happened (a false alarm or a second report). */
export function isDismissedIssue(node: IssueNode): boolean {
  return node.state === 'CLOSED' && (node.stateReason === 'NOT_PLANNED' || node.stateReason === 'DUPLICATE');
}

export function mapIssue(node: IssueNode, cfg: RepositoryConfig): Incident | undefined {
  const createdAt = toInstant(node.createdAt);
  if (createdAt === undefined || isDismissedIssue(node)) {
    return undefined;
  }
  const labels = labelNames(node.labels);
  const body = node.body ?? '';
  return issueIncident({
    id: ids.incidentId(cfg.repo, node.number),
    service: cfg.service,
    title: node.title,
    body,
    createdAt,
    resolvedAt: node.state === 'CLOSED' ? toInstant(node.closedAt) : undefined,
    severity: parseSeverity(labels),
    url: node.url,
    source: SOURCE,
    labels,
    cause: parseIncidentCause(`${node.title}\n${body}`, labels, cfg.repo),
  });
}
