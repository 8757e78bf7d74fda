/**
 * Pure mapping from GitLab's answers (apiTypes.ts) to the normalized events (engine/model.ts). No fetching, no
 * metrics: what GitLab says, in the model's words. Items without a usable timestamp are skipped (undefined) rather
 * than guessed.
 */
import {
  Change,
  Deployment,
  DeploymentStatus,
  Incident,
  parentFields,
  PipelineConclusion,
  PipelineRun,
  PullRequestInfo,
} from '../../engine';
import { parseSeverity } from '../incidentText';
import { issueIncident, tagDeployment } from '../forgeEvents';
import { toInstant, withoutUndefined } from '../mapping';
import { isProductionTag } from '../../settings/releaseTags';
import {
  GlCommit,
  GlDeployment,
  GlEnvironment,
  GlIssue,
  GlJob,
  GlMergeRequest,
  GlNote,
  GlRelease,
  GlTag,
  MergeRequestDetails,
} from './apiTypes';
import * as ids from './ids';
import { parseIncidentCause } from './incidents';
import { PRODUCTION_TIER, ProjectConfig } from '../../settings/gitlab';

export const SOURCE = 'gitlab';

/** Job and pipeline statuses that will not change any more. */
const FINAL_STATUSES = ['success', 'failed', 'canceled', 'skipped', 'manual'];

export function isFinalStatus(status: string): boolean {
  return FINAL_STATUSES.indexOf(status) >= 0;
}

/** The environments a project deploys production to: matching the pattern, or of tier production when there is none. */
export function productionEnvironments(environments: GlEnvironment[], pattern: string): string[] {
  const re = pattern !== '' ? new RegExp(pattern, 'i') : undefined;
  return environments.filter((e) => (re ? re.test(e.name) : e.tier === PRODUCTION_TIER)).map((e) => e.name);
}

/** First review of a merge request from its notes (oldest first): an approval, or a comment by someone else. */
export function firstReviewAt(notes: GlNote[], author: number): string | undefined {
  const times = notes
    .filter((n) => (n.system ? /^approved this merge request/i.test(n.body.trim()) : n.author.id !== author))
    .map((n) => n.created_at)
    .sort((a, b) => (toInstant(a) ?? 0) - (toInstant(b) ?? 0));
  return times[0];
}

/** What the source keeps of a merge request's commits: their ids and the earliest authoring. */
export function mergeRequestCommits(commits: GlCommit[]): Pick<MergeRequestDetails, 'commits' | 'firstCommitAt'> {
  const authored = commits.map((c) => c.authored_date).sort((a, b) => (toInstant(a) ?? 0) - (toInstant(b) ?? 0));
  return { commits: commits.map((c) => c.id), firstCommitAt: authored[0] };
}

export function mapMergeRequest(mr: GlMergeRequest, details: MergeRequestDetails | undefined): PullRequestInfo {
  return withoutUndefined<PullRequestInfo>({
    number: mr.iid,
    title: mr.title,
    labels: mr.labels,
    branch: mr.source_branch,
    url: mr.web_url,
    // Work starts when the first commit was written; a rebase changes the commit time, not the author time.
    firstCommitAt: toInstant(details?.firstCommitAt),
    openedAt: toInstant(mr.created_at),
    firstReviewAt: toInstant(details?.firstReviewAt),
    mergedAt: toInstant(mr.merged_at),
  });
}

/**
 * Merge requests by the commits that brought them to the target branch (byCommit): the merge commit (merge-commit
 * method), the squash commit (squashed), and the merge request's own commits (fast-forward and semi-linear merges put
 * them on the branch as they are; with a merge commit they are its second parent's history). authorByMergeCommit: the
 * merge request author's name by its merge and squash commits, the commits it was merged as.
 */
export interface MergeRequestIndex {
  byCommit: Map<string, PullRequestInfo>;
  authorByMergeCommit: Map<string, string>;
}

export function indexMergeRequests(
  mrs: GlMergeRequest[],
  details: Record<string, MergeRequestDetails>
): MergeRequestIndex {
  const index = new Map<string, PullRequestInfo>();
  const authorByMergeCommit = new Map<string, string>();
  // Oldest merge first, so a commit in two merge requests belongs to the later one, which brought it to the branch.
  const sorted = mrs.slice().sort((a, b) => (toInstant(a.merged_at) ?? 0) - (toInstant(b.merged_at) ?? 0));
  for (const mr of sorted) {
    const d = details[String(mr.iid)];
    const info = mapMergeRequest(mr, d);
    for (const sha of d?.commits ?? []) {
      index.set(sha, info);
    }
    for (const sha of [mr.sha, mr.merge_commit_sha, mr.squash_commit_sha]) {
      if (sha) {
        index.set(sha, info);
      }
    }
    for (const sha of [mr.merge_commit_sha, mr.squash_commit_sha]) {
      if (sha && mr.author?.name) {
        authorByMergeCommit.set(sha, mr.author.name);
      }
    }
  }
  return { byCommit: index, authorByMergeCommit };
}

/**
 * Who wrote the change (docs/definitions.md): for the commit a merge request was merged as (merge or squash commit)
 * the merge request's author, since GitLab may record someone else as that commit's author; for any other commit its
 * git author name (GitLab's commit names no account, so a merge request's author is named by name too).
 */
export function changeAuthor(commit: GlCommit, mrs: MergeRequestIndex): string | undefined {
  return mrs.authorByMergeCommit.get(commit.id) || commit.author_name?.trim() || undefined;
}

export function mapCommit(commit: GlCommit, project: string, mrs: MergeRequestIndex): Change | undefined {
  const committedAt = toInstant(commit.committed_date);
  if (committedAt === undefined) {
    return undefined;
  }
  return withoutUndefined<Change>({
    sha: commit.id,
    repo: project,
    authoredAt: toInstant(commit.authored_date),
    committedAt,
    author: changeAuthor(commit, mrs),
    ...parentFields(commit.parent_ids ?? []),
    message: commit.title,
    pullRequest: mrs.byCommit.get(commit.id),
  });
}

/** A GitLab deployment or job status in the model's words (undefined: nothing was deployed). */
export function deploymentStatus(status: string): DeploymentStatus | undefined {
  switch (status) {
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'canceled':
      return 'cancelled';
    case 'skipped':
    case 'manual':
      // Superseded by a newer deployment, or a manual job nobody ran: no deployment happened.
      return undefined;
    default:
      // created, running, pending, blocked (waiting for approval), waiting_for_resource, ...
      return 'in_progress';
  }
}

export function isTerminalDeployment(d: GlDeployment): boolean {
  return isFinalStatus(d.status);
}

/**
 * A GitLab deployment to a production environment. It finishes when its job finished (not when the record was last
 * updated, which an environment stop or a later approval also moves); deployments made through the API have no job,
 * and for them the last update of a finished deployment is the best GitLab says.
 */
export function mapDeployment(d: GlDeployment, cfg: ProjectConfig): Deployment | undefined {
  const status = deploymentStatus(d.status);
  if (!status) {
    return undefined;
  }
  const job = d.deployable;
  const finishedAt =
    toInstant(job?.finished_at) ?? (status === 'in_progress' ? toInstant(d.created_at) : toInstant(d.updated_at));
  if (finishedAt === undefined) {
    return undefined;
  }
  return withoutUndefined<Deployment>({
    id: ids.deploymentId(cfg.path, d.iid),
    service: cfg.service,
    environment: d.environment.name,
    repo: cfg.path,
    sha: d.sha,
    startedAt: toInstant(job?.started_at) ?? toInstant(d.created_at),
    finishedAt,
    status,
    source: SOURCE,
    // Selected by this project's own deployment rule: the data source's global patterns do not apply.
    production: true,
    url: job?.web_url,
    title: job?.name,
    ref: d.ref,
    pipelineRunId: job ? ids.pipelineId(cfg.path, job.pipeline.id) : undefined,
  });
}

/** Jobs grouped by pipeline id, each group newest job first. */
export function jobsByPipeline(jobs: GlJob[]): Map<number, GlJob[]> {
  const out = new Map<number, GlJob[]>();
  for (const job of jobs.slice().sort((a, b) => b.id - a.id)) {
    const list = out.get(job.pipeline.id) ?? [];
    list.push(job);
    out.set(job.pipeline.id, list);
  }
  return out;
}

/** The latest job of each name (a retried job is superseded by its retry, which has a higher id). */
function latestByName(jobs: GlJob[]): GlJob[] {
  const seen = new Set<string>();
  const out: GlJob[] = [];
  for (const job of jobs.slice().sort((a, b) => b.id - a.id)) {
    if (!seen.has(job.name)) {
      seen.add(job.name);
      out.push(job);
    }
  }
  return out;
}

function outcomeOf(jobs: GlJob[]): PipelineConclusion {
  const statuses = jobs.map((j) => (j.status === 'failed' && j.allow_failure ? 'success' : j.status));
  if (statuses.some((s) => !isFinalStatus(s))) {
    return 'in_progress';
  }
  if (statuses.indexOf('failed') >= 0) {
    return 'failure';
  }
  if (statuses.indexOf('canceled') >= 0) {
    return 'cancelled';
  }
  return statuses.indexOf('success') >= 0 ? 'success' : 'skipped';
}

function earliest(values: Array<string | null | undefined>): number | undefined {
  const ts = values.map(toInstant).filter((t): t is number => t !== undefined);
  return ts.length ? Math.min(...ts) : undefined;
}

function latest(values: Array<string | null | undefined>): number | undefined {
  const ts = values.map(toInstant).filter((t): t is number => t !== undefined);
  return ts.length ? Math.max(...ts) : undefined;
}

/** The workflow a pipeline run belongs to: pipelines of one ref are re-runs of each other for the same SHA. */
export function workflowOf(ref: string): string {
  return `pipeline ${ref}`;
}

/**
 * A pipeline as pipeline runs. Its outcome comes from the latest job of each name (a failure allowed to fail does
 * not fail it). A retried job that had failed means the pipeline failed once and passed on a re-run: that first
 * attempt is a run of its own (attempt 1, failed when the first retried job failed), so flaky re-runs count the same
 * way as a new pipeline for the same SHA does.
 */
export function mapPipeline(jobs: GlJob[], project: string): PipelineRun[] {
  if (jobs.length === 0) {
    return [];
  }
  const pipeline = jobs[0].pipeline;
  const latestJobs = latestByName(jobs);
  const latestIds = new Set(latestJobs.map((j) => j.id));
  const retriedFailures = jobs.filter((j) => !latestIds.has(j.id) && j.status === 'failed' && !j.allow_failure);
  const startedAt = earliest(jobs.map((j) => j.started_at)) ?? toInstant(pipeline.created_at);
  if (startedAt === undefined) {
    return [];
  }
  const conclusion = outcomeOf(latestJobs);
  const base = {
    repo: project,
    workflow: workflowOf(pipeline.ref),
    sha: pipeline.sha,
    startedAt,
    branch: pipeline.ref,
    url: pipeline.web_url,
  };
  const runs: PipelineRun[] = [];
  let attempt = 1;
  if (retriedFailures.length > 0) {
    runs.push(
      withoutUndefined<PipelineRun>({
        ...base,
        id: ids.pipelineRunId(project, pipeline.id, attempt),
        attempt,
        finishedAt: earliest(retriedFailures.map((j) => j.finished_at)),
        conclusion: 'failure',
      })
    );
    attempt++;
  }
  runs.push(
    withoutUndefined<PipelineRun>({
      ...base,
      id: ids.pipelineRunId(project, pipeline.id, attempt),
      attempt,
      finishedAt: conclusion === 'in_progress' ? undefined : latest(latestJobs.map((j) => j.finished_at)),
      conclusion,
    })
  );
  return runs;
}

/** Whether a pipeline is a candidate production deployment (jobs mode): on the deploying ref. */
export function isDeployingPipeline(jobs: GlJob[], ref: string): boolean {
  return jobs.length > 0 && jobs[0].pipeline.ref === ref;
}

/**
 * A deploying pipeline as one deployment (jobs mode): the latest jobs matching the job pattern decide. The pipeline
 * deploys once, finishing with its last matching job, failed if any matching job failed. Undefined when it deployed
 * nothing (no matching job that ran).
 */
export function mapPipelineDeployment(jobs: GlJob[], cfg: ProjectConfig): Deployment | undefined {
  const re = new RegExp(cfg.jobPattern, 'i');
  const matching = latestByName(jobs).filter((j) => re.test(j.name));
  const statuses = matching.map((j) => deploymentStatus(j.status)).filter((s): s is DeploymentStatus => !!s);
  if (statuses.length === 0) {
    return undefined;
  }
  const status: DeploymentStatus =
    statuses.indexOf('failure') >= 0
      ? 'failure'
      : statuses.indexOf('in_progress') >= 0
        ? 'in_progress'
        : statuses.every((s) => s === 'success')
          ? 'success'
          : 'cancelled';
  const pipeline = matching[0].pipeline;
  const finishedAt = latest(matching.map((j) => j.finished_at)) ?? toInstant(pipeline.updated_at);
  if (finishedAt === undefined) {
    return undefined;
  }
  const id = ids.pipelineId(cfg.path, pipeline.id);
  return withoutUndefined<Deployment>({
    id,
    service: cfg.service,
    environment: 'production',
    repo: cfg.path,
    sha: pipeline.sha,
    startedAt: earliest(matching.map((j) => j.started_at)) ?? toInstant(pipeline.created_at),
    finishedAt,
    status,
    source: SOURCE,
    // Selected by this project's own deployment rule: the data source's global patterns do not apply.
    production: true,
    url: pipeline.web_url,
    title: matching.map((j) => j.name).join(', '),
    ref: pipeline.ref,
    pipelineRunId: id,
  });
}

/** A released (not upcoming) release whose tag matches the tag pattern is a production deployment of its commit. */
export function mapRelease(r: GlRelease, cfg: ProjectConfig): Deployment | undefined {
  const finishedAt = toInstant(r.released_at) ?? toInstant(r.created_at);
  if (r.upcoming_release || !r.commit || finishedAt === undefined || !isProductionTag(r.tag_name, cfg.tagPattern)) {
    return undefined;
  }
  return tagDeployment({
    id: ids.releaseDeploymentId(cfg.path, r.tag_name),
    service: cfg.service,
    repo: cfg.path,
    tag: r.tag_name,
    sha: r.commit.id,
    finishedAt,
    source: SOURCE,
    title: r.name || r.tag_name,
    url: r._links?.self,
  });
}

/** When a tag was made: the annotated tag's time where GitLab gives it, else its commit's. */
export function tagTime(t: GlTag): number | undefined {
  return toInstant(t.created_at) ?? toInstant(t.commit?.committed_date);
}

/** A tag matching the tag pattern (by default not a semver pre-release) is a production deployment of its commit. */
export function mapTag(t: GlTag, cfg: ProjectConfig): Deployment | undefined {
  const at = tagTime(t);
  if (!t.commit || at === undefined || !isProductionTag(t.name, cfg.tagPattern)) {
    return undefined;
  }
  return tagDeployment({
    id: ids.tagDeploymentId(cfg.path, t.name),
    service: cfg.service,
    repo: cfg.path,
    tag: t.name,
    sha: t.commit.id,
    finishedAt: at,
    source: SOURCE,
    title: t.name,
  });
}

/** GitLab's incident severity field, unless unknown; else a severity label. */
function severityOf(issue: GlIssue): string | undefined {
  const field = issue.severity?.toLowerCase();
  return field && field !== 'unknown' ? field : parseSeverity(issue.labels);
}

export function mapIssue(issue: GlIssue, cfg: ProjectConfig): Incident | undefined {
  const createdAt = toInstant(issue.created_at);
  // Closed as a duplicate: a second report of an incident, not one that happened.
  if (createdAt === undefined || issue._links?.closed_as_duplicate_of) {
    return undefined;
  }
  const body = issue.description ?? '';
  return issueIncident({
    id: ids.incidentId(cfg.path, issue.iid),
    service: cfg.service,
    title: issue.title,
    body,
    createdAt,
    resolvedAt: issue.state === 'closed' ? toInstant(issue.closed_at) : undefined,
    severity: severityOf(issue),
    url: issue.web_url,
    source: SOURCE,
    labels: issue.labels,
    cause: parseIncidentCause(`${issue.title}\n${body}`, issue.labels, cfg.path),
  });
}
