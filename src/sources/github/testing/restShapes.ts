/**
 * REST answers of the fake, built from the examples in GitHub's OpenAPI description (@octokit/openapi, copied to
 * openapi-examples/) with the world's values put in. restShapes.test.ts validates them against the schemas of
 * their operations, so the fake cannot drift from GitHub's documented shapes.
 */
import workflowRunExample from './openapi-examples/workflow-run.json';
import minimalRepositoryExample from './openapi-examples/minimal-repository.json';
import privateUserExample from './openapi-examples/private-user.json';
import fullRepositoryExample from './openapi-examples/full-repository.json';
import { FakeRepo, FakeRun, FakeRunAttempt } from './world';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

export function runNodeId(id: number): string {
  return `WFR_${id}`;
}

export function workflowRunJson(repo: FakeRepo, run: FakeRun, attempt?: FakeRunAttempt, attemptNumber?: number) {
  const full = `${repo.owner}/${repo.name}`;
  const a = attempt ?? run.attempts[run.attempts.length - 1];
  const number = attemptNumber ?? run.attempts.length;
  const base = clone(workflowRunExample) as Record<string, unknown>;
  const api = `https://api.github.com/repos/${full}/actions/runs/${run.id}`;
  return {
    ...base,
    id: run.id,
    node_id: runNodeId(run.id),
    name: run.name,
    display_title: run.name,
    path: `.github/workflows/${run.name.toLowerCase().replace(/\W+/g, '-')}.yml`,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    run_number: run.id,
    run_attempt: number,
    event: run.event,
    status: a.status,
    conclusion: a.conclusion,
    created_at: run.createdAt,
    run_started_at: a.runStartedAt,
    updated_at: a.updatedAt,
    url: api,
    html_url: `https://github.com/${full}/actions/runs/${run.id}`,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `https://api.github.com/repos/${full}/check-suites/${run.id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    head_commit: { ...(base.head_commit as object), id: run.headSha, timestamp: run.createdAt },
  };
}

export function minimalRepositoryJson(fullName: string, archived = false) {
  const [owner, name] = fullName.split('/');
  const base = clone(minimalRepositoryExample) as Record<string, unknown>;
  return {
    ...base,
    name,
    full_name: fullName,
    archived,
    owner: { ...(base.owner as object), login: owner },
    html_url: `https://github.com/${fullName}`,
    url: `https://api.github.com/repos/${fullName}`,
  };
}

export function fullRepositoryJson(repo: FakeRepo) {
  const base = clone(fullRepositoryExample) as Record<string, unknown>;
  const full = `${repo.owner}/${repo.name}`;
  return {
    ...base,
    // GitHub's own example predates this required field.
    has_discussions: false,
    name: repo.name,
    full_name: full,
    default_branch: repo.defaultBranch,
    archived: repo.archived ?? false,
    html_url: `https://github.com/${full}`,
    url: `https://api.github.com/repos/${full}`,
  };
}

export function userJson(login: string) {
  return { ...clone(privateUserExample), login };
}

/** GET /rate_limit (schema "rate-limit-overview"). */
export function rateLimitJson(remaining: number, reset: number) {
  const limit = (used: number) => ({ limit: 5000, remaining, reset, used });
  const core = limit(5000 - remaining);
  return {
    resources: { core, graphql: core, search: { limit: 30, remaining: 30, reset, used: 0 } },
    rate: core,
  };
}
