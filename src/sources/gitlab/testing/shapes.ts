/**
 * The fake GitLab's answers, built from a world with the field names and types of GitLab's REST entities
 * (openapi/definitions.json). fixtures.test.ts validates them against those definitions, so the fake cannot drift.
 */
import {
  FakeGitLabWorld,
  FakeGlCommit,
  FakeGlDeployment,
  FakeGlIssue,
  FakeGlJob,
  FakeGlMergeRequest,
  FakeGlNote,
  FakeGlPipeline,
  FakeGlProject,
  FakeGlRelease,
  FakeGlTag,
} from './world';

const webOf = (world: FakeGitLabWorld, project: FakeGlProject) => `${world.instanceUrl}/${project.path}`;

export function userJson(world: FakeGitLabWorld, id: number) {
  const username = world.users[id] ?? `user${id}`;
  return {
    id,
    username,
    name: username.charAt(0).toUpperCase() + username.slice(1),
    state: 'active',
    locked: false,
    avatar_url: `https://www.gravatar.com/avatar/${id}`,
    web_url: `${world.instanceUrl}/${username}`,
  };
}

export function projectJson(world: FakeGitLabWorld, p: FakeGlProject) {
  const [name] = p.path.split('/').slice(-1);
  return {
    id: p.id,
    description: null,
    name,
    name_with_namespace: p.path.split('/').join(' / '),
    path: name,
    path_with_namespace: p.path,
    created_at: '2024-01-01T00:00:00.000Z',
    default_branch: p.defaultBranch,
    tag_list: [],
    topics: [],
    web_url: webOf(world, p),
    last_activity_at: '2026-01-01T00:00:00.000Z',
    visibility: 'private',
    empty_repo: Object.keys(p.commits).length === 0,
    archived: p.archived ?? false,
  };
}

export function commitJson(world: FakeGitLabWorld, p: FakeGlProject, c: FakeGlCommit) {
  const author = userJson(world, c.author ?? 1);
  return {
    id: c.id,
    short_id: c.id.slice(0, 8),
    created_at: c.committedDate,
    parent_ids: c.parents,
    title: c.title,
    message: `${c.title}\n`,
    author_name: author.name,
    author_email: `${author.username}@example.com`,
    authored_date: c.authoredDate,
    committer_name: author.name,
    committer_email: `${author.username}@example.com`,
    committed_date: c.committedDate,
    web_url: `${webOf(world, p)}/-/commit/${c.id}`,
  };
}

export function branchJson(world: FakeGitLabWorld, p: FakeGlProject, name: string) {
  return {
    name,
    commit: commitJson(world, p, p.commits[p.branches[name]]),
    merged: false,
    protected: name === p.defaultBranch,
    developers_can_push: false,
    developers_can_merge: false,
    can_push: false,
    default: name === p.defaultBranch,
    web_url: `${webOf(world, p)}/-/tree/${name}`,
  };
}

export function environmentJson(world: FakeGitLabWorld, p: FakeGlProject, e: FakeGlProject['environments'][number]) {
  return {
    id: e.id,
    name: e.name,
    slug: e.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase(),
    external_url: `https://${e.name}.example.com`,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
    tier: e.tier,
    state: 'available',
  };
}

export function pipelineJson(world: FakeGitLabWorld, p: FakeGlProject, pipeline: FakeGlPipeline) {
  return {
    id: pipeline.id,
    iid: pipeline.id % 100000,
    project_id: p.id,
    sha: pipeline.sha,
    ref: pipeline.ref,
    status: pipeline.status,
    source: pipeline.source,
    created_at: pipeline.createdAt,
    updated_at: pipeline.updatedAt,
    web_url: `${webOf(world, p)}/-/pipelines/${pipeline.id}`,
  };
}

export function jobJson(world: FakeGitLabWorld, p: FakeGlProject, j: FakeGlJob) {
  const started = j.startedAt ? Date.parse(j.startedAt) : undefined;
  const finished = j.finishedAt ? Date.parse(j.finishedAt) : undefined;
  return {
    id: j.id,
    status: j.status,
    stage: j.stage,
    name: j.name,
    ref: j.pipeline.ref,
    tag: false,
    coverage: null,
    allow_failure: j.allowFailure ?? false,
    created_at: j.createdAt,
    started_at: j.startedAt,
    finished_at: j.finishedAt,
    erased_at: null,
    duration: started !== undefined && finished !== undefined ? (finished - started) / 1000 : null,
    queued_duration: 1.5,
    pipeline: pipelineJson(world, p, j.pipeline),
    web_url: `${webOf(world, p)}/-/jobs/${j.id}`,
    ...(j.status === 'failed' ? { failure_reason: 'script_failure' } : {}),
  };
}

export function deploymentJson(world: FakeGitLabWorld, p: FakeGlProject, d: FakeGlDeployment) {
  const env = p.environments.find((e) => e.name === d.environment) ?? { id: 0, name: d.environment, tier: 'other' };
  const { tier: _tier, state: _state, ...basic } = environmentJson(world, p, env);
  return {
    id: d.id,
    iid: d.iid,
    ref: d.ref,
    sha: d.sha,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    user: userJson(world, 1),
    environment: basic,
    deployable: d.job ? jobJson(world, p, d.job) : null,
    status: d.status,
  };
}

export function mergeRequestJson(world: FakeGitLabWorld, p: FakeGlProject, mr: FakeGlMergeRequest) {
  return {
    id: p.id * 10000 + mr.iid,
    iid: mr.iid,
    project_id: p.id,
    title: mr.title,
    description: '',
    state: mr.mergedAt ? 'merged' : 'opened',
    created_at: mr.createdAt,
    updated_at: mr.updatedAt,
    merged_by: mr.mergedAt ? userJson(world, 2) : null,
    merge_user: mr.mergedAt ? userJson(world, 2) : null,
    merged_at: mr.mergedAt,
    closed_by: null,
    closed_at: null,
    target_branch: mr.targetBranch,
    source_branch: mr.sourceBranch,
    user_notes_count: mr.notes.length,
    upvotes: 0,
    downvotes: 0,
    author: userJson(world, mr.author),
    assignees: [],
    assignee: null,
    reviewers: [],
    source_project_id: p.id,
    target_project_id: p.id,
    labels: mr.labels,
    draft: false,
    work_in_progress: false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: 'can_be_merged',
    detailed_merge_status: 'not_open',
    sha: mr.sha,
    merge_commit_sha: mr.mergeCommitSha,
    squash_commit_sha: mr.squashCommitSha,
    discussion_locked: null,
    should_remove_source_branch: true,
    force_remove_source_branch: true,
    reference: `!${mr.iid}`,
    web_url: `${webOf(world, p)}/-/merge_requests/${mr.iid}`,
    squash: mr.squashCommitSha !== null,
    squash_on_merge: mr.squashCommitSha !== null,
    has_conflicts: false,
    blocking_discussions_resolved: true,
  };
}

export function noteJson(world: FakeGitLabWorld, mr: FakeGlMergeRequest, n: FakeGlNote, index: number) {
  return {
    id: mr.iid * 1000 + index,
    type: null,
    body: n.body,
    attachment: null,
    author: userJson(world, n.author),
    created_at: n.createdAt,
    updated_at: n.createdAt,
    system: n.system,
    noteable_id: mr.iid,
    noteable_type: 'MergeRequest',
    resolvable: false,
    confidential: false,
    noteable_iid: mr.iid,
    commands_changes: {},
  };
}

export function issueJson(world: FakeGitLabWorld, p: FakeGlProject, i: FakeGlIssue) {
  const web = `${webOf(world, p)}/-/issues/${i.iid}`;
  const api = `${world.instanceUrl}/api/v4/projects/${p.id}`;
  return {
    id: p.id * 10000 + i.iid,
    iid: i.iid,
    project_id: p.id,
    title: i.title,
    description: i.description,
    state: i.state,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    closed_by: i.closedAt ? userJson(world, 3) : null,
    labels: i.labels.slice().sort(),
    milestone: null,
    assignees: [],
    author: userJson(world, 3),
    type: i.type,
    assignee: null,
    user_notes_count: 0,
    merge_requests_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: null,
    confidential: false,
    discussion_locked: null,
    web_url: web,
    has_tasks: false,
    _links: {
      self: `${api}/issues/${i.iid}`,
      notes: `${api}/issues/${i.iid}/notes`,
      award_emoji: `${api}/issues/${i.iid}/award_emoji`,
      project: api,
      closed_as_duplicate_of: i.duplicateOf ? `${api}/issues/${i.duplicateOf}` : null,
    },
    severity: i.severity ?? 'UNKNOWN',
    subscribed: false,
    moved_to_id: null,
    service_desk_reply_to: null,
  };
}

export function releaseJson(world: FakeGitLabWorld, p: FakeGlProject, r: FakeGlRelease) {
  return {
    name: r.name,
    tag_name: r.tagName,
    description: '',
    created_at: r.createdAt,
    released_at: r.releasedAt,
    author: userJson(world, 1),
    commit: commitJson(world, p, p.commits[r.commit]),
    upcoming_release: r.upcoming ?? false,
    commit_path: `/${p.path}/-/commit/${r.commit}`,
    tag_path: `/${p.path}/-/tags/${r.tagName}`,
    assets: { count: 0, sources: [], links: [] },
    _links: { self: `${webOf(world, p)}/-/releases/${encodeURIComponent(r.tagName)}` },
  };
}

export function tagJson(world: FakeGitLabWorld, p: FakeGlProject, t: FakeGlTag) {
  return {
    name: t.name,
    message: t.createdAt ? `Release ${t.name}` : null,
    target: t.createdAt ? `${t.commit.slice(0, 30)}aaaaaaaaaa` : t.commit,
    commit: commitJson(world, p, p.commits[t.commit]),
    release: null,
    protected: false,
    created_at: t.createdAt ?? null,
  };
}

export function tokenJson(world: FakeGitLabWorld) {
  return {
    id: 7,
    name: world.token.name,
    revoked: false,
    created_at: '2026-01-01T00:00:00.000Z',
    scopes: world.token.scopes,
    user_id: 1,
    active: true,
    expires_at: world.token.expiresAt,
  };
}
