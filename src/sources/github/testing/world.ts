/**
 * The data a fake GitHub serves: repositories with commits, pull requests, deployments, incident issues,
 * releases, tags and workflow runs. Tests build small worlds by hand; the bench generates a large one.
 * Timestamps are ISO strings as GitHub sends them.
 */

export interface FakeCommit {
  oid: string;
  committedDate: string;
  authoredDate: string;
  message: string;
  parents: string[];
  /** The git author; login when GitHub links the author's email to an account (absent: GitHub answers null). */
  author?: { name: string; login?: string };
  /** Pull request that brought the commit (GitHub's associatedPullRequests). */
  pullRequest?: number;
}

export interface FakePullRequest {
  number: number;
  title: string;
  baseRefName: string;
  headRefName: string;
  /** Login of who opened it (absent: a deleted account, null in GitHub's answer). */
  author?: string;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  mergeCommit?: string;
  labels: string[];
  /** The pull request's own commits, first one first. */
  commits: Array<{ oid: string; authoredDate: string; committedDate: string }>;
  /** submittedAt of reviews, first one first. */
  reviews: string[];
}

export interface FakeDeploymentStatus {
  state: 'ERROR' | 'FAILURE' | 'INACTIVE' | 'IN_PROGRESS' | 'PENDING' | 'QUEUED' | 'SUCCESS' | 'WAITING';
  createdAt: string;
}

export interface FakeDeployment {
  databaseId: number;
  environment: string;
  commitOid: string;
  createdAt: string;
  updatedAt: string;
  ref?: string;
  task?: string;
  description?: string;
  /** Oldest first. */
  statuses: FakeDeploymentStatus[];
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  state: 'OPEN' | 'CLOSED';
  stateReason?: 'COMPLETED' | 'DUPLICATE' | 'NOT_PLANNED' | 'REOPENED';
  labels: string[];
}

export interface FakeRelease {
  databaseId: number;
  name: string;
  tagName: string;
  commitOid: string;
  createdAt: string;
  publishedAt: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
}

export interface FakeTag {
  name: string;
  commitOid: string;
  /** Set for annotated tags. */
  taggerDate?: string;
}

export interface FakeJob {
  name: string;
  status: 'COMPLETED' | 'IN_PROGRESS' | 'QUEUED';
  conclusion: 'SUCCESS' | 'FAILURE' | 'CANCELLED' | 'SKIPPED' | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface FakeRunAttempt {
  status: 'completed' | 'in_progress' | 'queued';
  conclusion: string | null;
  runStartedAt: string;
  updatedAt: string;
}

export interface FakeRun {
  id: number;
  name: string;
  headBranch: string;
  headSha: string;
  event: string;
  createdAt: string;
  /** Attempts, first one first; the last is the run's current state. */
  attempts: FakeRunAttempt[];
  jobs?: FakeJob[];
}

export interface FakeRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  /** Branch name -> head commit. */
  branches: Record<string, string>;
  commits: Record<string, FakeCommit>;
  pullRequests: FakePullRequest[];
  environments: string[];
  deployments: FakeDeployment[];
  issues: FakeIssue[];
  releases: FakeRelease[];
  tags: FakeTag[];
  runs: FakeRun[];
  archived?: boolean;
}

export interface FakeWorld {
  login: string;
  /** X-OAuth-Scopes of a classic token; undefined for a fine-grained token (no header). */
  scopes?: string;
  repos: Record<string, FakeRepo>;
  /** Organisation -> repository full names. */
  orgs: Record<string, string[]>;
}

export function emptyRepo(fullName: string, defaultBranch = 'main'): FakeRepo {
  const [owner, name] = fullName.split('/');
  return {
    owner,
    name,
    defaultBranch,
    branches: {},
    commits: {},
    pullRequests: [],
    environments: [],
    deployments: [],
    issues: [],
    releases: [],
    tags: [],
    runs: [],
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A 40-hex SHA that reads back to its seed in tests ("c" + counter, padded). */
export function sha(seed: string | number): string {
  const hex = Array.from(String(seed))
    .map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('');
  return (hex + '0'.repeat(40)).slice(0, 40);
}

/** Adds a commit on top of a branch (creating the branch if needed) and returns it. */
export function addCommit(
  repo: FakeRepo,
  branch: string,
  commit: Omit<FakeCommit, 'parents'> & { parents?: string[] }
): FakeCommit {
  const parents = commit.parents ?? (repo.branches[branch] ? [repo.branches[branch]] : []);
  const full: FakeCommit = { ...commit, parents };
  repo.commits[full.oid] = full;
  repo.branches[branch] = full.oid;
  return full;
}
