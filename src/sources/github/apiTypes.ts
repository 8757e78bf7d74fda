/**
 * The parts of GitHub's answers the source reads. GraphQL node shapes follow queries.ts (GitHub's public
 * schema); REST shapes follow GitHub's OpenAPI description (@octokit/openapi). Timestamps are ISO 8601 strings.
 */

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<N> {
  pageInfo: PageInfo;
  nodes: N[];
}

export interface OverviewNode {
  nameWithOwner: string;
  isArchived: boolean;
  defaultBranchRef: { name: string; target: { __typename: string; oid: string } | null } | null;
  productionRef?: { name: string; target: { __typename: string; oid: string } | null } | null;
  environments: { nodes: Array<{ name: string }> };
}

export interface CommitNode {
  oid: string;
  committedDate: string;
  authoredDate: string;
  messageHeadline: string;
  /** The git author; user is the GitHub account the author's email belongs to (null when none does). */
  author: { name: string | null; user: { login: string } | null } | null;
  parents: { nodes: Array<{ oid: string }> };
  associatedPullRequests: { nodes: Array<{ number: number }> } | null;
}

export interface PullRequestNode {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  headRefName: string;
  /** Who opened the pull request (a User or a Bot); null for a deleted account. */
  author: { __typename: string; login: string } | null;
  mergeCommit: { oid: string } | null;
  labels: { nodes: Array<{ name: string }> } | null;
  commits: { nodes: Array<{ commit: { oid: string; authoredDate: string; committedDate: string } }> };
  reviews: { nodes: Array<{ submittedAt: string | null }> } | null;
}

export type DeploymentStatusState =
  'ERROR' | 'FAILURE' | 'INACTIVE' | 'IN_PROGRESS' | 'PENDING' | 'QUEUED' | 'SUCCESS' | 'WAITING';

export interface DeploymentStatusNode {
  state: DeploymentStatusState;
  createdAt: string;
  logUrl?: string | null;
  environmentUrl?: string | null;
}

export interface DeploymentNode {
  id: string;
  databaseId: number | null;
  environment: string | null;
  commitOid: string;
  createdAt: string;
  updatedAt: string;
  task: string | null;
  description: string | null;
  ref: { name: string } | null;
  latestStatus: { state: DeploymentStatusState; createdAt: string } | null;
  statuses: { nodes: DeploymentStatusNode[] } | null;
}

export interface IssueNode {
  number: number;
  title: string;
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  state: 'OPEN' | 'CLOSED';
  stateReason: 'COMPLETED' | 'DUPLICATE' | 'NOT_PLANNED' | 'REOPENED' | null;
  labels: { nodes: Array<{ name: string }> } | null;
}

export interface ReleaseNode {
  databaseId: number | null;
  name: string | null;
  tagName: string;
  url: string;
  createdAt: string;
  publishedAt: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  tagCommit: { oid: string } | null;
}

export interface TagTarget {
  __typename: string;
  oid: string;
  committedDate?: string;
  tagger?: { date: string | null } | null;
  target?: TagTarget;
}

export interface TagRefNode {
  name: string;
  target: TagTarget | null;
}

export interface CheckRunNode {
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface WorkflowRunJobsNode {
  __typename: string;
  id?: string;
  databaseId?: number | null;
  checkSuite?: { checkRuns: { nodes: CheckRunNode[] } | null };
}

/** REST "workflow-run" (GET /repos/{owner}/{repo}/actions/runs). */
export interface WorkflowRunRest {
  id: number;
  node_id: string;
  name?: string | null;
  head_branch: string | null;
  head_sha: string;
  run_attempt?: number;
  status: string | null;
  conclusion: string | null;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
  html_url: string;
  workflow_id: number;
  path: string;
  event: string;
}

export interface WorkflowRunsPage {
  total_count: number;
  workflow_runs: WorkflowRunRest[];
}

/** REST "minimal-repository" (GET /orgs/{org}/repos). */
export interface OrgRepositoryRest {
  full_name: string;
  name: string;
  archived?: boolean;
  disabled?: boolean;
}
