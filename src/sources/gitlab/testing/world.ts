/**
 * The data a fake GitLab serves: projects with commits, merge requests, environments, deployments, pipeline jobs,
 * incident issues, releases and tags, plus groups and the token. Tests build small worlds by hand; the bench
 * generates a large one. Timestamps are ISO strings as GitLab sends them.
 */

export interface FakeGlCommit {
  id: string;
  title: string;
  parents: string[];
  authoredDate: string;
  committedDate: string;
  /** The user (of FakeGitLabWorld.users) whose git name and email author the commit; user 1 when absent. */
  author?: number;
}

export interface FakeGlNote {
  author: number;
  body: string;
  system: boolean;
  createdAt: string;
}

export interface FakeGlMergeRequest {
  iid: number;
  title: string;
  targetBranch: string;
  sourceBranch: string;
  author: number;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  labels: string[];
  /** Head of the source branch. */
  sha: string;
  mergeCommitSha: string | null;
  squashCommitSha: string | null;
  /** The merge request's own commits. */
  commits: FakeGlCommit[];
  notes: FakeGlNote[];
}

export interface FakeGlPipeline {
  id: number;
  sha: string;
  ref: string;
  status: string;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeGlJob {
  id: number;
  name: string;
  stage: string;
  status: string;
  allowFailure?: boolean;
  pipeline: FakeGlPipeline;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface FakeGlDeployment {
  id: number;
  iid: number;
  environment: string;
  ref: string;
  sha: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  /** The job that ran it; absent for deployments made through the API. */
  job?: FakeGlJob;
}

export interface FakeGlIssue {
  iid: number;
  title: string;
  description: string;
  type: 'ISSUE' | 'INCIDENT';
  severity?: 'UNKNOWN' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  labels: string[];
  state: 'opened' | 'closed';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  duplicateOf?: number;
}

export interface FakeGlRelease {
  tagName: string;
  name: string;
  commit: string;
  createdAt: string;
  releasedAt: string;
  upcoming?: boolean;
}

export interface FakeGlTag {
  name: string;
  commit: string;
  /** Annotated tags. */
  createdAt?: string;
}

export interface FakeGlProject {
  id: number;
  path: string;
  defaultBranch: string;
  archived?: boolean;
  /** Branch name -> head commit. */
  branches: Record<string, string>;
  commits: Record<string, FakeGlCommit>;
  environments: Array<{ id: number; name: string; tier: string }>;
  deployments: FakeGlDeployment[];
  jobs: FakeGlJob[];
  mergeRequests: FakeGlMergeRequest[];
  issues: FakeGlIssue[];
  releases: FakeGlRelease[];
  tags: FakeGlTag[];
}

export interface FakeGitLabWorld {
  /** The instance URL GitLab puts in links (self-managed instances may have a path prefix). */
  instanceUrl: string;
  token: { name: string; scopes: string[]; expiresAt: string | null };
  users: Record<number, string>;
  projects: Record<string, FakeGlProject>;
  /** Group path -> project paths (subgroups included). */
  groups: Record<string, string[]>;
}

export function emptyProject(path: string, id: number, defaultBranch = 'main'): FakeGlProject {
  return {
    id,
    path,
    defaultBranch,
    branches: {},
    commits: {},
    environments: [],
    deployments: [],
    jobs: [],
    mergeRequests: [],
    issues: [],
    releases: [],
    tags: [],
  };
}

export function emptyWorld(): FakeGitLabWorld {
  return {
    instanceUrl: 'https://gitlab.com',
    token: { name: 'dora', scopes: ['read_api'], expiresAt: '2027-01-01' },
    users: { 1: 'alice', 2: 'bob', 3: 'carol' },
    projects: {},
    groups: {},
  };
}

/** Adds a commit on top of a branch (creating the branch if needed) and returns it. */
export function addCommit(
  project: FakeGlProject,
  branch: string,
  commit: Omit<FakeGlCommit, 'parents'> & { parents?: string[] }
): FakeGlCommit {
  const parents = commit.parents ?? (project.branches[branch] ? [project.branches[branch]] : []);
  const full: FakeGlCommit = { ...commit, parents };
  project.commits[full.id] = full;
  project.branches[branch] = full.id;
  return full;
}
