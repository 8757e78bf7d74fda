/** @jest-environment node */
import { EtagCache } from './etagCache';
import { writeScopes } from './health';
import { SnapshotStore } from './snapshot';
import { GitHubSource } from './source';
import { nodeHttpClient } from '../testing/nodeHttp';
import { shopWorld } from './testing/scenario';
import { FakeGitHub, startFakeGitHub } from './testing/server';
import { GitHubSettings } from '../../settings/model';

describe('GitHub health check', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub(shopWorld());
  });
  afterEach(() => fake.close());

  const check = (settings: GitHubSettings) =>
    new GitHubSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, ...settings },
      etagCache: new EtagCache(),
      snapshots: new SnapshotStore(),
      sleep: async () => undefined,
    }).healthCheck();

  it('says the token is valid and what each repository gives', async () => {
    const items = await check({ repositories: 'acme/shop\nacme/shop2 deploy=releases' });
    expect(items).toEqual([
      { source: 'github', status: 'ok', message: 'Token of octocat is valid (fine-grained).' },
      {
        source: 'github',
        status: 'ok',
        message: 'GitHub acme/shop: readable, production branch main; 5 deployments to production.',
      },
      {
        source: 'github',
        status: 'error',
        message: expect.stringMatching(/^GitHub acme\/shop2: not found .*Check the repository name/),
      },
    ]);
  });

  it('warns when a classic token can write', async () => {
    fake.world.scopes = 'read:org, repo, workflow';
    const [token] = await check({ repositories: 'acme/shop' });
    expect(token.status).toBe('warning');
    expect(token.message).toMatch(/can write: scopes repo, workflow\. .*fine-grained, read-only token/);
    fake.world.scopes = 'read:org';
    const [readOnly] = await check({ repositories: 'acme/shop' });
    expect(readOnly).toEqual({
      source: 'github',
      status: 'ok',
      message: 'Token of octocat is valid (scopes: read:org).',
    });
  });

  it('a rejected token is one clear error', async () => {
    fake.knobs.scripted.push({ status: 401, times: 10, body: { message: 'Bad credentials' } });
    expect(await check({ repositories: 'acme/shop\nacme/api' })).toEqual([
      {
        source: 'github',
        status: 'error',
        message: expect.stringMatching(
          /^GitHub token: GitHub rejected the token \(401\)\. Set a valid personal access token/
        ),
      },
    ]);
  });

  it('a token that may not read /user (GitHub App) is a warning; the repositories are still checked', async () => {
    fake.knobs.scripted.push({
      match: (r) => r.path === '/user',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const [token, repo] = await check({ repositories: 'acme/shop' });
    expect(token.status).toBe('warning');
    expect(token.message).toMatch(/\/user answered 403: Resource not accessible by integration/);
    expect(repo.status).toBe('ok');
  });

  it('names the lists a fine-grained token may not read', async () => {
    fake.knobs.scripted.push({
      match: (r) => r.operation === 'AccessProbe',
      status: 200,
      body: {
        data: {
          repository: { deployments: null, pullRequests: { totalCount: 2 }, issues: null, releases: { totalCount: 0 } },
        },
        errors: [
          {
            type: 'FORBIDDEN',
            path: ['repository', 'deployments'],
            message: 'Resource not accessible by personal access token',
          },
          {
            type: 'FORBIDDEN',
            path: ['repository', 'issues'],
            message: 'Resource not accessible by personal access token',
          },
        ],
      },
    });
    const [, repo] = await check({ repositories: 'acme/shop' });
    expect(repo.status).toBe('warning');
    expect(repo.message).toMatch(
      /the token may not read deployments, issues \(Resource not accessible by personal access token/
    );
  });

  it('names environment mismatches, missing branches, unreadable Actions and bad settings', async () => {
    fake.knobs.scripted.push({
      match: (r) => r.path.indexOf('/actions/runs') >= 0,
      status: 403,
      body: { message: 'Resource not accessible by personal access token' },
    });
    const [, repo] = await check({ repositories: 'acme/shop env=^prod$' });
    expect(repo.status).toBe('warning');
    expect(repo.message).toMatch(/no environment matches "\^prod\$" \(environments: production, staging\)/);
    expect(repo.message).toMatch(/workflow runs unreadable: Actions: the token may not read this \(403/);

    const [, branch] = await check({ repositories: 'acme/shop production=release' });
    expect(branch).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/branch "release" does not exist/),
    });

    expect(await check({ repositories: 'nope' })).toEqual([
      {
        source: 'github',
        status: 'error',
        message: expect.stringMatching(/repositories line 1: "nope" is not owner\/name/),
      },
    ]);
  });

  it('writeScopes reads X-OAuth-Scopes', () => {
    expect(writeScopes(undefined)).toEqual([]);
    expect(writeScopes('')).toEqual([]);
    expect(writeScopes('repo, read:org, admin:repo_hook, write:packages')).toEqual([
      'repo',
      'admin:repo_hook',
      'write:packages',
    ]);
  });
});
