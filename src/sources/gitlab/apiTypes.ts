/**
 * The parts of GitLab's REST (v4) answers the source reads. Field names and types follow GitLab's OpenAPI
 * description and API entities (see testing/openapi/README.md); fixtures.test.ts validates the fixtures and the fake's
 * answers against them. Times are ISO 8601 strings as GitLab sends them.
 */

export interface GlUserBasic {
  id: number;
  username: string;
  name: string;
}

/** GET /projects/:id, GET /groups/:id/projects (API_Entities_Project). */
export interface GlProject {
  id: number;
  name: string;
  path_with_namespace: string;
  default_branch?: string | null;
  archived?: boolean;
  empty_repo?: boolean;
  web_url: string;
}

/** GET /projects/:id/environments (API_Entities_Environment). */
export interface GlEnvironment {
  id: number;
  name: string;
  /** production, staging, testing, development, other. */
  tier?: string | null;
  state?: string;
}

/** API_Entities_Ci_PipelineBasic. */
export interface GlPipelineBasic {
  id: number;
  iid?: number;
  project_id?: number;
  sha: string;
  ref: string;
  status: string;
  source?: string;
  created_at: string;
  updated_at: string;
  web_url: string;
}

/** GET /projects/:id/jobs (API_Entities_Ci_Job, which extends API_Entities_Ci_JobBasic). */
export interface GlJob {
  id: number;
  status: string;
  stage: string;
  name: string;
  ref: string;
  tag: boolean;
  allow_failure: boolean;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration?: number | null;
  pipeline: GlPipelineBasic;
  web_url: string;
}

/** GET /projects/:id/deployments (API_Entities_Deployment). */
export interface GlDeployment {
  id: number;
  iid: number;
  ref: string;
  sha: string;
  created_at: string;
  updated_at: string;
  status: string;
  environment: { id: number; name: string };
  /** The job that ran the deployment; null for deployments made through the API. */
  deployable: GlJob | null;
}

/** API_Entities_Commit. */
export interface GlCommit {
  id: string;
  short_id: string;
  title: string;
  message: string;
  parent_ids: string[];
  /** The git author's name (GitLab's commit carries no username). */
  author_name?: string | null;
  authored_date: string;
  committed_date: string;
  created_at: string;
}

/** GET /projects/:id/repository/branches/:branch (API_Entities_Branch). */
export interface GlBranch {
  name: string;
  commit: GlCommit;
}

/** GET /projects/:id/merge_requests (API_Entities_MergeRequestBasic). */
export interface GlMergeRequest {
  id: number;
  iid: number;
  title: string;
  state: string;
  created_at: string;
  updated_at: string;
  merged_at: string | null;
  target_branch: string;
  source_branch: string;
  labels: string[];
  author: GlUserBasic;
  /** Head of the source branch; with a fast-forward merge, the commit the target branch moved to. */
  sha: string | null;
  /** The merge commit (merge-commit method), null for fast-forward merges. */
  merge_commit_sha: string | null;
  /** The squash commit when the merge request was squashed. */
  squash_commit_sha: string | null;
  web_url: string;
}

/** GET /projects/:id/merge_requests/:iid/notes (API_Entities_Note). */
export interface GlNote {
  id: number;
  body: string;
  author: GlUserBasic;
  created_at: string;
  system: boolean;
}

/** What the source keeps of a merged merge request beyond the list: its commits' first authoring and first review. */
export interface MergeRequestDetails {
  /** Commits of the merge request (ids). */
  commits: string[];
  /** Earliest authored_date among its commits. */
  firstCommitAt?: string;
  /** First approval or first comment by someone other than the author. */
  firstReviewAt?: string;
}

/** GET /projects/:id/issues (API_Entities_Issue). */
export interface GlIssue {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  state: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  labels: string[];
  /** ISSUE, INCIDENT, TEST_CASE, REQUIREMENT, TASK. */
  type?: string;
  /** Incidents: UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL. */
  severity?: string;
  web_url: string;
  _links?: { closed_as_duplicate_of?: string | null };
}

/** GET /projects/:id/releases (API_Entities_Release). */
export interface GlRelease {
  name: string;
  tag_name: string;
  created_at: string;
  released_at: string | null;
  upcoming_release: boolean;
  commit: GlCommit;
  _links?: { self?: string };
}

/** GET /projects/:id/repository/tags (API_Entities_Tag). */
export interface GlTag {
  name: string;
  message: string | null;
  target: string;
  commit: GlCommit;
  protected: boolean;
  /** Annotated tags: when the tag was made (GitLab 15.x+); else absent or null. */
  created_at?: string | null;
}

/** GET /personal_access_tokens/self (API_Entities_PersonalAccessToken). */
export interface GlTokenSelf {
  id: number;
  name: string;
  revoked: boolean;
  active: boolean;
  scopes: string[];
  expires_at: string | null;
}
