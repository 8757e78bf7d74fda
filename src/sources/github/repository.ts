/**
 * Everything the source reads of one repository: the overview (default branch, head, environments), then the
 * lists in parallel, each continuing from what the last refresh read. A list that fails leaves a notice and the
 * rest still arrives; only complete lists are kept for the next refresh.
 */
import { emptyEvents } from '../../engine';
import { SourceNotice } from '../types';
import { OverviewNode, WorkflowRunRest } from './apiTypes';
import { describeError, GitHubGraphQLError, GitHubRateLimitError } from './errors';
import { FetchContext } from './fetch/context';
import { fetchDeployments } from './fetch/deployments';
import { fetchHistory, fetchOffBranchHistory } from './fetch/history';
import { fetchIncidentIssues } from './fetch/issues';
import { fetchPullRequests } from './fetch/pullRequests';
import { fetchReleases, fetchTags } from './fetch/releases';
import { fetchWorkflowRuns } from './fetch/workflowRuns';
import * as map from './mapper';
import { REPOSITORY_OVERVIEW } from './queries';
import { RepoSnapshot } from './snapshot';
import { TargetResult } from '../forgeSource';
import { expandShortShas, FailureWording, ListFailures, push, targetFailure } from '../targetFetch';

/** What one repository gave (the skeleton's TargetResult). */
export type RepositoryResult = TargetResult<GitHubRateLimitError>;

interface OverviewData {
  repository: OverviewNode | null;
}

export async function fetchOverview(ctx: FetchContext): Promise<OverviewNode> {
  const { cfg } = ctx;
  const branch = cfg.productionBranch;
  const data = await ctx.client.graphql<OverviewData>(
    REPOSITORY_OVERVIEW,
    {
      owner: cfg.owner,
      name: cfg.name,
      branch: branch ? `refs/heads/${branch}` : '',
      hasBranch: branch !== undefined,
    },
    ctx.call
  );
  if (!data.repository) {
    throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a Repository with the name '${cfg.repo}'`);
  }
  return data.repository;
}

/** Names of the repository's environments that the environment pattern selects. */
export function productionEnvironments(overview: OverviewNode, pattern: string): string[] {
  const re = new RegExp(pattern, 'i');
  return overview.environments.nodes.map((e) => e.name).filter((name) => re.test(name));
}

/** What the overview says the lists need: the production branch and its head, the production environments. */
interface RepositoryPlan {
  branch: string;
  head: string | undefined;
  environments: string[];
  /** The branch deploying workflow runs must run on. */
  workflowBranch: string;
  /** What is missing (no such branch, no matching environment), each naming the fix. */
  notices: SourceNotice[];
}

function planRepository(ctx: FetchContext, subject: string, overview: OverviewNode): RepositoryPlan {
  const { cfg } = ctx;
  const notices: SourceNotice[] = [];
  const ref = cfg.productionBranch ? overview.productionRef : overview.defaultBranchRef;
  const branch = ref?.name ?? cfg.productionBranch ?? '';
  const head = ref?.target?.oid;
  if (!head) {
    notices.push({
      severity: 'error',
      text: cfg.productionBranch
        ? `${subject}: branch "${cfg.productionBranch}" does not exist. Set production=<branch> (or the default production branch) to the branch production is built from.`
        : `${subject}: the repository has no default branch (is it empty?); no commits were read.`,
    });
  }
  const environments =
    cfg.deploymentSource === 'deployments' ? productionEnvironments(overview, cfg.environmentPattern) : [];
  if (cfg.deploymentSource === 'deployments' && environments.length === 0) {
    const names = overview.environments.nodes.map((e) => e.name);
    notices.push({
      severity: 'warning',
      text: `${subject}: no environment matches the pattern "${cfg.environmentPattern}" (environments: ${
        names.length ? names.join(', ') : 'none'
      }), so no deployments were read. Change env= or the default environment pattern, or recognise deployments by workflows or releases.`,
    });
  }
  return { branch, head, environments, workflowBranch: cfg.workflowBranch ?? branch, notices };
}

/** The lists the plan needs, read in parallel, each continuing from what the last refresh read. */
async function fetchLists(ctx: FetchContext, plan: RepositoryPlan, snapshot: RepoSnapshot) {
  const { cfg } = ctx;
  const needsJobs = (run: WorkflowRunRest) =>
    cfg.deploymentSource === 'workflows' && cfg.jobPattern !== '' && map.isDeployingRun(run, cfg, plan.workflowBranch);
  const [history, pullRequests, issues, deployments, releases, tags, runs] = await Promise.all([
    plan.head ? fetchHistory(ctx, plan.head, snapshot.history) : undefined,
    plan.branch ? fetchPullRequests(ctx, plan.branch, snapshot.pullRequests) : undefined,
    fetchIncidentIssues(ctx, snapshot.issues),
    cfg.deploymentSource === 'deployments' ? fetchDeployments(ctx, plan.environments, snapshot.deployments) : undefined,
    cfg.deploymentSource === 'releases' ? fetchReleases(ctx, snapshot.releases) : undefined,
    cfg.deploymentSource === 'tags' ? fetchTags(ctx, snapshot.tags) : undefined,
    fetchWorkflowRuns(ctx, snapshot.runs, needsJobs),
  ]);
  return { history, pullRequests, issues, deployments, releases, tags, runs };
}

export async function fetchRepository(ctx: FetchContext, snapshot: RepoSnapshot): Promise<RepositoryResult> {
  const { cfg } = ctx;
  const subject = `GitHub ${cfg.repo}`;
  const now = ctx.now();
  const wording: FailureWording<GitHubRateLimitError> = {
    subject,
    isRateLimit: (e): e is GitHubRateLimitError => e instanceof GitHubRateLimitError,
    describe: (what, e) => describeError(what, e, now),
  };
  let overview: OverviewNode;
  try {
    overview = await fetchOverview(ctx);
  } catch (e) {
    return targetFailure(wording, e);
  }
  snapshot.overview = overview;
  const plan = planRepository(ctx, subject, overview);
  const lists = await fetchLists(ctx, plan, snapshot);

  const failures = new ListFailures(wording);
  const keep = failures.keep.bind(failures);
  const events = emptyEvents();
  const prIndex = map.indexPullRequests(
    lists.pullRequests
      ? Object.values(keep('pull requests', lists.pullRequests, (s) => (snapshot.pullRequests = s)).items)
      : []
  );
  const branchCommits = lists.history ? keep('commits', lists.history, (s) => (snapshot.history = s)).commits : {};
  for (const node of Object.values(branchCommits)) {
    push(events.changes, map.mapCommit(node, cfg.repo, prIndex));
  }
  if (lists.deployments) {
    for (const node of Object.values(keep('deployments', lists.deployments, (s) => (snapshot.deployments = s)).items)) {
      push(events.deployments, map.mapDeployment(node, cfg));
    }
  }
  if (lists.releases) {
    for (const node of Object.values(keep('releases', lists.releases, (s) => (snapshot.releases = s)).items)) {
      push(events.deployments, map.mapRelease(node, cfg));
    }
  }
  if (lists.tags) {
    for (const node of Object.values(keep('tags', lists.tags, (s) => (snapshot.tags = s)).items)) {
      push(events.deployments, map.mapTag(node, cfg));
    }
  }
  const runState = keep('workflow runs', lists.runs, (s) => (snapshot.runs = s));
  for (const run of Object.values(runState.items)) {
    push(events.pipelineRuns, map.mapWorkflowRun(run, cfg.repo));
    if (cfg.deploymentSource === 'workflows' && map.isDeployingRun(run, cfg, plan.workflowBranch)) {
      push(events.deployments, map.mapWorkflowRunDeployment(run, runState.jobs[run.node_id], cfg));
    }
  }
  for (const attempt of Object.values(runState.attempts)) {
    push(events.pipelineRuns, map.mapWorkflowRun(attempt, cfg.repo));
  }
  // Deployments from release or hotfix branches ship commits the production branch history does not hold.
  const deployedShas = events.deployments.filter((d) => d.status === 'success').map((d) => d.sha);
  const offBranch = await fetchOffBranchHistory(ctx, deployedShas, branchCommits, snapshot.offBranch);
  for (const node of Object.values(
    keep('commits off the production branch', offBranch, (s) => (snapshot.offBranch = s)).commits
  )) {
    if (!branchCommits[node.oid]) {
      push(events.changes, map.mapCommit(node, cfg.repo, prIndex));
    }
  }
  for (const node of Object.values(keep('incident issues', lists.issues, (s) => (snapshot.issues = s)).items)) {
    push(events.incidents, map.mapIssue(node, cfg));
  }
  expandShortShas(events);

  return failures.result(events, plan.notices);
}
