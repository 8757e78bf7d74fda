/**
 * Everything the source reads of one project: the project (default branch) and the production branch's head, the
 * production environments, then the lists in parallel, each continuing from what the last refresh read. A list that
 * fails leaves a notice and the rest still arrives; only complete lists are kept for the next refresh.
 */
import { DoraEvents, emptyEvents, Incident } from '../../engine';
import { SourceNotice } from '../types';
import { GlBranch, GlEnvironment, GlJob, GlProject } from './apiTypes';
import { encodePath } from './client';
import { describeError, GitLabHttpError, GitLabRateLimitError } from './errors';
import { FetchContext, PER_PAGE, projectApi } from './fetch/context';
import { fetchDeployments } from './fetch/deployments';
import { fetchHistory, fetchOffBranchHistory } from './fetch/history';
import { fetchIncidentIssues } from './fetch/issues';
import { fetchJobs } from './fetch/jobs';
import { fetchMergeRequestDetails, fetchMergeRequests } from './fetch/mergeRequests';
import { fetchReleases, fetchTags } from './fetch/releases';

import * as map from './mapper';
import { ProjectSnapshot } from './snapshot';
import { TargetResult } from '../forgeSource';
import { expandShortShas, FailureWording, ListFailures, push, targetFailure } from '../targetFetch';

/** What one project gave (the skeleton's TargetResult). */
export type ProjectResult = TargetResult<GitLabRateLimitError>;

export interface Overview {
  project: GlProject;
  /** The production branch (configured, or the default branch) and its head; head undefined when it does not exist. */
  branch: string;
  head?: string;
}

/** The project and its production branch's head. Throws what GitLab answered (404: no such project). */
export async function fetchOverview(ctx: FetchContext): Promise<Overview> {
  const project = (await ctx.client.get<GlProject>(projectApi(ctx), undefined, ctx.call)).data;
  const branch = ctx.cfg.productionBranch ?? project.default_branch ?? '';
  if (!branch) {
    return { project, branch };
  }
  try {
    const data = (
      await ctx.client.get<GlBranch>(
        `${projectApi(ctx)}/repository/branches/${encodePath(branch)}`,
        undefined,
        ctx.call
      )
    ).data;
    return { project, branch, head: data.commit.id };
  } catch (e) {
    if (e instanceof GitLabHttpError && e.kind === 'not-found') {
      return { project, branch };
    }
    throw e;
  }
}

export async function fetchEnvironments(ctx: FetchContext): Promise<GlEnvironment[]> {
  const out: GlEnvironment[] = [];
  await ctx.client.getPages<GlEnvironment>(
    `${projectApi(ctx)}/environments`,
    { per_page: PER_PAGE },
    (page) => {
      out.push(...page);
      return 'continue';
    },
    ctx.call
  );
  return out;
}

export async function fetchProject(ctx: FetchContext, snapshot: ProjectSnapshot): Promise<ProjectResult> {
  const { cfg } = ctx;
  const subject = `GitLab ${cfg.path}`;
  const now = ctx.now();
  const wording: FailureWording<GitLabRateLimitError> = {
    subject,
    isRateLimit: (e): e is GitLabRateLimitError => e instanceof GitLabRateLimitError,
    describe: (what, e) => describeError(what, e, now),
  };
  const notices: SourceNotice[] = [];
  let overview: Overview;
  let environments: GlEnvironment[] = [];
  try {
    overview = await fetchOverview(ctx);
    if (cfg.deploymentSource === 'deployments') {
      environments = await fetchEnvironments(ctx);
    }
  } catch (e) {
    return targetFailure(wording, e);
  }
  const { branch, head } = overview;
  if (!head) {
    notices.push({
      severity: 'error',
      text: cfg.productionBranch
        ? `${subject}: branch "${cfg.productionBranch}" does not exist. Set production=<branch> (or the default production branch) to the branch production is built from.`
        : `${subject}: the project has no default branch (is its repository empty?); no commits were read.`,
    });
  }
  const production =
    cfg.deploymentSource === 'deployments' ? map.productionEnvironments(environments, cfg.environmentPattern) : [];
  if (cfg.deploymentSource === 'deployments' && production.length === 0) {
    const names = environments.map((e) => `${e.name}${e.tier ? ` (${e.tier})` : ''}`);
    const rule = cfg.environmentPattern
      ? `matches the pattern "${cfg.environmentPattern}"`
      : 'has the deployment tier production';
    notices.push({
      severity: 'warning',
      text: `${subject}: no environment ${rule} (environments: ${names.length ? names.join(', ') : 'none'}), so no deployments were read. Set env= or the environment pattern, set the environment's deployment tier to production in .gitlab-ci.yml, or recognise deployments by jobs, releases or tags.`,
    });
  }

  const failures = new ListFailures(wording);
  const keep = failures.keep.bind(failures);

  const [history, mergeRequests, issues, deployments, releases, tags, jobs] = await Promise.all([
    head ? fetchHistory(ctx, head, snapshot.history) : undefined,
    branch ? fetchMergeRequests(ctx, branch, snapshot.mergeRequests) : undefined,
    fetchIncidentIssues(ctx, snapshot.issues),
    production.length > 0 ? fetchDeployments(ctx, production, snapshot.deployments) : undefined,
    cfg.deploymentSource === 'releases' ? fetchReleases(ctx, snapshot.releases) : undefined,
    cfg.deploymentSource === 'tags' ? fetchTags(ctx, snapshot.tags) : undefined,
    fetchJobs(ctx, snapshot.jobs),
  ]);

  const events = emptyEvents();
  const mrList = mergeRequests
    ? Object.values(keep('merge requests', mergeRequests, (s) => (snapshot.mergeRequests = s)).items)
    : [];
  const details = keep(
    'merge request commits and reviews',
    await fetchMergeRequestDetails(ctx, mrList, snapshot.mergeRequestDetails),
    (s) => (snapshot.mergeRequestDetails = s)
  );
  const mrIndex = map.indexMergeRequests(mrList, details);
  const branchCommits = history ? keep('commits', history, (s) => (snapshot.history = s)).commits : {};
  for (const commit of Object.values(branchCommits)) {
    push(events.changes, map.mapCommit(commit, cfg.path, mrIndex));
  }
  if (deployments) {
    for (const d of Object.values(keep('deployments', deployments, (s) => (snapshot.deployments = s)).items)) {
      push(events.deployments, map.mapDeployment(d, cfg));
    }
  }
  if (releases) {
    for (const r of Object.values(keep('releases', releases, (s) => (snapshot.releases = s)).items)) {
      push(events.deployments, map.mapRelease(r, cfg));
    }
  }
  if (tags) {
    for (const t of Object.values(keep('tags', tags, (s) => (snapshot.tags = s)).items)) {
      push(events.deployments, map.mapTag(t, cfg));
    }
  }
  const jobItems: GlJob[] = Object.values(keep('pipeline jobs', jobs, (s) => (snapshot.jobs = s)).items);
  const deployRef = cfg.jobRef ?? branch;
  for (const pipelineJobs of map.jobsByPipeline(jobItems).values()) {
    events.pipelineRuns.push(...map.mapPipeline(pipelineJobs, cfg.path));
    if (cfg.deploymentSource === 'jobs' && map.isDeployingPipeline(pipelineJobs, deployRef)) {
      push(events.deployments, map.mapPipelineDeployment(pipelineJobs, cfg));
    }
  }
  // Deployments from release or hotfix branches ship commits the production branch history does not hold.
  const deployedShas = events.deployments.filter((d) => d.status === 'success').map((d) => d.sha);
  const offBranch = await fetchOffBranchHistory(ctx, deployedShas, branchCommits, snapshot.offBranch);
  for (const commit of Object.values(
    keep('commits off the production branch', offBranch, (s) => (snapshot.offBranch = s)).commits
  )) {
    if (!branchCommits[commit.id]) {
      push(events.changes, map.mapCommit(commit, cfg.path, mrIndex));
    }
  }
  const issueLists = keep('incident issues', issues, (s) => (snapshot.issues = s));
  const seenIssues = new Set<number>();
  for (const list of Object.values(issueLists)) {
    for (const issue of Object.values(list.items)) {
      if (!seenIssues.has(issue.iid)) {
        seenIssues.add(issue.iid);
        push(events.incidents, map.mapIssue(issue, cfg));
      }
    }
  }
  expandShortShas(events);
  pipelineCauses(events, cfg.path);

  return failures.result(events, notices);
}

/** A pipeline an incident names becomes the deployment that pipeline ran (deployments mode gives deployments ids of their own). */
function pipelineCauses(events: DoraEvents, project: string): void {
  const byPipeline = new Map<string, string>();
  for (const d of events.deployments) {
    if (d.pipelineRunId && d.pipelineRunId !== d.id && !byPipeline.has(d.pipelineRunId)) {
      byPipeline.set(d.pipelineRunId, d.id);
    }
  }
  events.incidents.forEach((incident: Incident) => {
    const cause = incident.cause;
    const viaPipeline = cause?.deploymentId ? byPipeline.get(cause.deploymentId) : undefined;
    if (viaPipeline && (cause?.repo ?? project) === project) {
      incident.cause = { ...cause, deploymentId: viaPipeline };
    }
  });
}
