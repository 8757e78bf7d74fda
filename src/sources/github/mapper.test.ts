import { WorkflowRunRest } from './apiTypes';
import * as gql from './fixtures/graphql';
import * as rest from './fixtures/rest';
import {
  deploymentOutcome,
  indexPullRequests,
  mapCommit,
  mapDeployment,
  mapIssue,
  mapRelease,
  mapTag,
  mapWorkflowRun,
  mapWorkflowRunDeployment,
  workflowConclusion,
} from './mapper';
import { repositoryConfig } from '../../settings/github';

const cfg = repositoryConfig('acme/shop', {});
const t = Date.parse;
const sha = (c: string) => c.repeat(40);

describe('mapper (fixtures validated in fixtures.test.ts)', () => {
  const prs = indexPullRequests(gql.pullRequests.repository.pullRequests.nodes);

  it('a squash-merged commit carries its pull request, found by merge commit', () => {
    const [squash, merge] = gql.history.repository.object.history.nodes;
    expect(mapCommit(squash, 'acme/shop', prs)).toEqual({
      sha: sha('c'),
      repo: 'acme/shop',
      authoredAt: t('2026-01-06T09:00:00Z'),
      committedAt: t('2026-01-06T09:00:00Z'),
      // The pull request's author, not the maintainer recorded as the squash commit's author.
      author: 'alice',
      parent: sha('b'),
      message: 'Checkout page (#12)',
      pullRequest: {
        number: 12,
        title: 'Checkout page',
        labels: ['hotfix'],
        branch: 'hotfix/checkout',
        url: 'https://github.com/acme/shop/pull/12',
        firstCommitAt: t('2026-01-05T10:00:00Z'),
        openedAt: t('2026-01-05T12:00:00Z'),
        firstReviewAt: t('2026-01-06T08:00:00Z'),
        mergedAt: t('2026-01-06T09:00:00Z'),
      },
    });
    const mapped = mapCommit(merge, 'acme/shop', prs)!;
    expect(mapped).toMatchObject({ parent: sha('a'), mergedParents: [sha('9')] });
    expect(mapped.pullRequest).toBeUndefined();
    // No GitHub account claims the author's email: the git author name.
    expect(mapped.author).toBe('Build Bot');
  });

  it("a commit no pull request was merged as: its author's login, else the git name; absent when GitHub knows neither", () => {
    const [, merge] = gql.history.repository.object.history.nodes;
    const author = (a: (typeof merge)['author']) => mapCommit({ ...merge, author: a }, 'acme/shop', prs)!;
    expect(author({ name: 'Alice Example', user: { login: 'alice' } }).author).toBe('alice');
    expect(author({ name: ' Alice Example ', user: null }).author).toBe('Alice Example');
    expect(author({ name: null, user: null })).not.toHaveProperty('author');
    expect(author({ name: '', user: null })).not.toHaveProperty('author');
    expect(author(null)).not.toHaveProperty('author');
  });

  it("a pull request's merge commit whose author account was deleted (author null): the commit's author", () => {
    const [squash] = gql.history.repository.object.history.nodes;
    const [pr] = gql.pullRequests.repository.pullRequests.nodes;
    const ghost = indexPullRequests([{ ...pr, author: null }]);
    expect(mapCommit(squash, 'acme/shop', ghost)?.author).toBe('dana');
  });

  it('deployment outcome: success wins (even when later inactive), then failure, else running or cancelled', () => {
    const [ok, error, running, superseded, bare] = gql.deployments.repository.deployments.nodes;
    expect(deploymentOutcome(ok)).toEqual({ status: 'success', at: t('2026-01-06T10:12:00Z') });
    expect(deploymentOutcome(error)).toEqual({ status: 'failure', at: t('2026-01-06T10:20:00Z') });
    expect(deploymentOutcome(running)).toEqual({ status: 'in_progress', at: t('2026-01-06T10:01:00Z') });
    expect(deploymentOutcome(superseded)).toEqual({ status: 'cancelled', at: t('2026-01-06T10:30:00Z') });
    expect(deploymentOutcome(bare)).toEqual({ status: 'in_progress', at: t('2026-01-06T10:00:00Z') });
  });

  it('maps a deployment with its id, times, environment, ref and log URL', () => {
    expect(mapDeployment(gql.deployments.repository.deployments.nodes[0], cfg)).toEqual({
      id: 'github:acme/shop:deployment:501',
      service: 'acme/shop',
      environment: 'production',
      production: true,
      repo: 'acme/shop',
      sha: sha('c'),
      startedAt: t('2026-01-06T10:00:00Z'),
      finishedAt: t('2026-01-06T10:12:00Z'),
      status: 'success',
      source: 'github',
      url: 'https://github.com/acme/shop/actions/runs/1',
      title: 'Deploy checkout',
      ref: 'main',
    });
    expect(
      mapDeployment(gql.deployments.repository.deployments.nodes[0], { ...cfg, service: 'checkout' })!.service
    ).toBe('checkout');
  });

  it('maps workflow runs and their earlier attempts (REST, OpenAPI-valid)', () => {
    const [running, flaky] = rest.workflowRunsPage.workflow_runs as unknown as WorkflowRunRest[];
    expect(mapWorkflowRun(flaky, 'acme/shop')).toEqual({
      id: 'github:acme/shop:run:7001:2',
      repo: 'acme/shop',
      workflow: 'CI',
      sha: rest.flakyRun.headSha,
      attempt: 2,
      startedAt: t('2026-01-06T10:10:00Z'),
      finishedAt: t('2026-01-06T10:15:30Z'),
      conclusion: 'success',
      branch: 'main',
      url: 'https://github.com/acme/shop/actions/runs/7001',
    });
    expect(mapWorkflowRun(rest.firstAttempt as unknown as WorkflowRunRest, 'acme/shop')).toMatchObject({
      id: 'github:acme/shop:run:7001:1',
      attempt: 1,
      conclusion: 'failure',
      finishedAt: t('2026-01-06T10:04:00Z'),
    });
    const inProgress = mapWorkflowRun(running, 'acme/shop')!;
    expect(inProgress.conclusion).toBe('in_progress');
    expect(inProgress.finishedAt).toBeUndefined();
  });

  it('maps every run conclusion GitHub documents', () => {
    expect(
      [
        'success',
        'failure',
        'timed_out',
        'startup_failure',
        'cancelled',
        'skipped',
        'neutral',
        'stale',
        'action_required',
      ].map((c) => workflowConclusion('completed', c))
    ).toEqual(['success', 'failure', 'failure', 'failure', 'cancelled', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(workflowConclusion('queued', null)).toBe('in_progress');
  });

  it('a deploying run with a job pattern: failed if a matching job failed, finished at the last matching job', () => {
    const run = rest.workflowRunsPage.workflow_runs[0] as unknown as WorkflowRunRest;
    const jobs = gql.workflowRunJobs.nodes[0].checkSuite!.checkRuns!.nodes;
    const deploy = mapWorkflowRunDeployment({ ...run, status: 'completed', conclusion: 'failure' }, jobs, {
      ...cfg,
      jobPattern: '^deploy-',
    })!;
    expect(deploy).toMatchObject({
      id: 'github:acme/shop:run:7002',
      status: 'failure',
      startedAt: t('2026-01-06T11:03:05Z'),
      finishedAt: t('2026-01-06T11:08:00Z'),
      pipelineRunId: 'github:acme/shop:run:7002',
    });
    expect(mapWorkflowRunDeployment(run, jobs, { ...cfg, jobPattern: '^deploy-eu$' })!.status).toBe('success');
    expect(mapWorkflowRunDeployment(run, jobs, { ...cfg, jobPattern: '^release$' })).toBeUndefined();
  });

  it('releases: published and not prerelease; tags: annotated tags peeled, dated by the tagger', () => {
    const [published, prerelease, draft] = gql.releases.repository.releases.nodes;
    expect(mapRelease(published, cfg)).toMatchObject({
      id: 'github:acme/shop:release:v2.1.0',
      sha: sha('c'),
      finishedAt: t('2026-01-06T09:30:00Z'),
      title: 'Shop 2.1.0',
      ref: 'v2.1.0',
      status: 'success',
      environment: 'production',
    });
    expect(mapRelease(prerelease, cfg)).toBeUndefined();
    expect(mapRelease(draft, cfg)).toBeUndefined();
    const [annotated, lightweight] = gql.tags.repository.refs.nodes;
    expect(mapTag(annotated, cfg)).toMatchObject({ sha: sha('c'), finishedAt: t('2026-01-06T09:30:00Z') });
    expect(mapTag(lightweight, cfg)).toMatchObject({ sha: sha('b'), finishedAt: t('2026-01-05T17:00:00Z') });
  });

  it('incident issues: cause, impact start, severity; duplicates and not planned are left out', () => {
    const [payments, search, duplicate] = gql.issues.repository.issues.nodes;
    expect(mapIssue(payments, cfg)).toEqual({
      id: 'github:acme/shop#40',
      service: 'acme/shop',
      title: 'Payments failing',
      startedAt: t('2026-01-06T10:30:00Z'),
      createdAt: t('2026-01-06T10:45:00Z'),
      resolvedAt: t('2026-01-06T12:00:00Z'),
      severity: '1',
      url: 'https://github.com/acme/shop/issues/40',
      source: 'github',
      labels: ['incident', 'SEV-1'],
      cause: { repo: 'acme/shop', pullRequest: 12 },
    });
    const open = mapIssue(search, cfg)!;
    expect(open.resolvedAt).toBeUndefined();
    expect(open.startedAt).toBeUndefined(); // after the report: a typo, not information
    expect(open.cause).toEqual({ repo: 'acme/shop', deploymentId: 'github:acme/shop:deployment:501' });
    expect(mapIssue(duplicate, cfg)).toBeUndefined();
  });
});
