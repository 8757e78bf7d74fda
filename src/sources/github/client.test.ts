/** @jest-environment node */
import { GitHubClient } from './client';
import { EtagCache } from './etagCache';
import { GitHubHttpError, GitHubRateLimitError } from './errors';
import { nodeHttpClient } from '../testing/nodeHttp';
import { FakeGitHub, startFakeGitHub } from './testing/server';
import { emptyRepo, FakeRun, iso } from './testing/world';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const MINUTE = 60 * 1000;

function runs(count: number): FakeRun[] {
  // Newest first: run i created i minutes before NOW.
  return Array.from({ length: count }, (_, i) => ({
    id: 1000 + i,
    name: 'CI',
    headBranch: 'main',
    headSha: 'a'.repeat(40),
    event: 'push',
    createdAt: iso(NOW - i * MINUTE),
    attempts: [
      {
        status: 'completed' as const,
        conclusion: 'success',
        runStartedAt: iso(NOW - i * MINUTE),
        updatedAt: iso(NOW - i * MINUTE + 30000),
      },
    ],
  }));
}

describe('GitHubClient against the fake GitHub', () => {
  let fake: FakeGitHub;
  let slept: number[];
  let client: GitHubClient;

  const makeClient = (extra: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {}) =>
    new GitHubClient({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      etagCache: new EtagCache(),
      now: () => NOW,
      sleep: async (ms) => {
        slept.push(ms);
      },
      ...extra,
    });

  beforeEach(async () => {
    const repo = emptyRepo('acme/shop');
    repo.runs = runs(250);
    fake = await startFakeGitHub({ login: 'octocat', repos: { 'acme/shop': repo }, orgs: {} });
    slept = [];
    client = makeClient();
  });
  afterEach(() => fake.close());

  const collect = async (stopBefore?: number) => {
    const seen: number[] = [];
    await client.getPages<
      { workflow_runs: Array<{ id: number; created_at: string }> },
      { id: number; created_at: string }
    >(
      '/repos/acme/shop/actions/runs',
      { per_page: 100 },
      (page) => page.workflow_runs,
      (items) => {
        for (const item of items) {
          if (stopBefore !== undefined && Date.parse(item.created_at) < stopBefore) {
            return 'stop';
          }
          seen.push(item.id);
        }
        return 'continue';
      }
    );
    return seen;
  };

  it('follows Link rel="next" through the proxy route until the last page', async () => {
    const seen = await collect();
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/repos/acme/shop/actions/runs?per_page=100',
      '/repos/acme/shop/actions/runs?per_page=100&page=2',
      '/repos/acme/shop/actions/runs?per_page=100&page=3',
    ]);
  });

  it('stops paging as soon as items fall before the start, keeping everything inside', async () => {
    // Runs 0..120 are inside (created at or after NOW - 120 min): the second page holds the boundary.
    const seen = await collect(NOW - 120 * MINUTE);
    expect(seen).toEqual(Array.from({ length: 121 }, (_, i) => 1000 + i));
    expect(fake.requests).toHaveLength(2);
  });

  it('revalidates with If-None-Match: an unchanged page is a 304 answered from the cache', async () => {
    const first = await client.get<{ total_count: number }>('/repos/acme/shop/actions/runs', { per_page: 100 });
    const second = await client.get<{ total_count: number }>('/repos/acme/shop/actions/runs', { per_page: 100 });
    expect(first.notModified).toBe(false);
    expect(second.notModified).toBe(true);
    expect(second.data.total_count).toBe(250);
    expect(second.next).toBe(first.next);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 304]);
    expect(client.requestCount).toBe(2);
    // A change upstream gives a new ETag and new data.
    fake.world.repos['acme/shop'].runs.pop();
    const third = await client.get<{ total_count: number }>('/repos/acme/shop/actions/runs', { per_page: 100 });
    expect(third.notModified).toBe(false);
    expect(third.data.total_count).toBe(249);
  });

  it('waits out a primary rate limit until its reset when the deadline allows', async () => {
    fake.knobs.rateLimitRemaining = 0;
    fake.knobs.rateLimitReset = Math.floor((NOW + 5 * MINUTE) / 1000);
    client = makeClient({
      sleep: async (ms) => {
        slept.push(ms);
        fake.knobs.rateLimitRemaining = 10; // the limit has reset
      },
    });
    const result = await client.get<unknown>('/user', undefined, { deadline: NOW + 10 * MINUTE });
    expect(result.status).toBe(200);
    expect(slept).toEqual([5 * MINUTE + 1000]);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('gives up on a primary limit it cannot wait out, saying when it resets', async () => {
    fake.knobs.rateLimitRemaining = 0;
    fake.knobs.rateLimitReset = Math.floor((NOW + 30 * MINUTE) / 1000);
    const error = await client.get('/user', undefined, { deadline: NOW + 30000 }).catch((e) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(error.secondary).toBe(false);
    expect(error.resetAt).toBe(fake.knobs.rateLimitReset * 1000);
    expect(slept).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('a primary limit whose headers were lost (Grafana proxy errors) learns its reset from /rate_limit', async () => {
    fake.knobs.rateLimitReset = Math.floor((NOW + 40 * MINUTE) / 1000);
    fake.knobs.scripted.push({ bare: true, status: 403, body: { message: 'API rate limit exceeded for user ID 1.' } });
    const error = await client.get('/user', undefined, { deadline: NOW + MINUTE }).catch((e) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(error.resetAt).toBe(fake.knobs.rateLimitReset * 1000);
    expect(fake.requests.map((r) => r.path)).toEqual(['/user', '/rate_limit']);

    // Within the deadline it waits until then and retries.
    fake.requests.length = 0;
    fake.knobs.rateLimitReset = Math.floor((NOW + 2 * MINUTE) / 1000);
    fake.knobs.scripted.push({ bare: true, status: 403, body: { message: 'API rate limit exceeded for user ID 1.' } });
    const ok = await client.get('/repos/acme/shop', undefined, { deadline: NOW + 10 * MINUTE });
    expect(ok.status).toBe(200);
    expect(slept).toEqual([2 * MINUTE + 1000]);
  });

  it('honours Retry-After of a secondary limit (403 and 429)', async () => {
    fake.knobs.scripted.push(
      { status: 403, headers: { 'retry-after': '3' }, body: { message: 'You have exceeded a secondary rate limit.' } },
      { status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too many requests' } }
    );
    const result = await client.get('/user', undefined, { deadline: NOW + MINUTE });
    expect(result.status).toBe(200);
    expect(slept).toEqual([3000, 7000]);
  });

  it('backs off a secondary limit without Retry-After and stops at the deadline', async () => {
    fake.knobs.scripted.push({
      status: 403,
      times: 5,
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    const error = await client.get('/user', undefined, { deadline: NOW + 30000 }).catch((e) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(error.secondary).toBe(true);
    expect(slept).toEqual([]);
  });

  it('retries 5xx with bounded backoff, then reports the status', async () => {
    fake.knobs.scripted.push({ status: 502, times: 2, body: { message: 'Server Error' } });
    const ok = await client.get('/user');
    expect(ok.status).toBe(200);
    expect(slept).toEqual([1000, 2000]);

    slept = [];
    fake.knobs.scripted.push({ status: 503, times: 10, body: { message: 'Unavailable' } });
    const error = await client.get('/user').catch((e) => e);
    expect(error).toBeInstanceOf(GitHubHttpError);
    expect(error.status).toBe(503);
    expect(slept).toEqual([1000, 2000, 4000]);
  });

  it('does not retry 401, 403 (no limit) and 404', async () => {
    fake.knobs.scripted.push({ status: 401, body: { message: 'Bad credentials' } });
    await expect(client.get('/user')).rejects.toMatchObject({ status: 401, kind: 'auth' });
    fake.knobs.scripted.push({ status: 403, body: { message: 'Resource not accessible by personal access token' } });
    await expect(client.get('/user')).rejects.toMatchObject({ status: 403, kind: 'forbidden' });
    await expect(client.get('/repos/acme/nope')).rejects.toMatchObject({ status: 404, kind: 'not-found' });
    expect(slept).toEqual([]);
  });

  it('shares one request between identical concurrent GETs', async () => {
    const [a, b, c] = await Promise.all([client.get('/user'), client.get('/user'), client.get('/repos/acme/shop')]);
    expect(a.data).toEqual(b.data);
    expect(c.status).toBe(200);
    expect(fake.requests.map((r) => r.path).sort()).toEqual(['/repos/acme/shop', '/user']);
  });

  it('cancels: an aborted call rejects with AbortError and the held request is dropped', async () => {
    fake.knobs.hold = (r) => r.path === '/user';
    const controller = new AbortController();
    const pending = client.get('/user', undefined, { signal: controller.signal });
    while (fake.held() === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    while (fake.held() > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(fake.held()).toBe(0);
  });

  it('keeps a shared request alive while another caller still waits for it', async () => {
    fake.knobs.hold = (r) => r.path === '/user';
    const leaving = new AbortController();
    const a = client.get('/user', undefined, { signal: leaving.signal });
    const b = client.get('/user');
    while (fake.held() === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    leaving.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    // b still waits, so the one request stays open (closing the fake in afterEach ends it).
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(fake.held()).toBe(1);
    expect(fake.requests).toHaveLength(1);
    void b.catch(() => undefined);
  });

  it('runs at most `concurrency` requests at once', async () => {
    client = makeClient({ concurrency: 2 });
    fake.knobs.hold = () => true;
    const controller = new AbortController();
    const calls = ['/a', '/b', '/c', '/d'].map((p) =>
      client.get(`/repos/acme/shop${p}`, undefined, { signal: controller.signal }).catch((e) => e)
    );
    while (fake.held() < 2) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(fake.held()).toBe(2);
    controller.abort();
    const results = await Promise.all(calls);
    expect(results.every((e) => e.name === 'AbortError')).toBe(true);
  });

  it('maps GraphQL errors and GraphQL rate limiting', async () => {
    const error = await client
      .graphql('query { repository(owner: "acme", name: "nope") { nameWithOwner } }', {})
      .catch((e) => e);
    expect(error).toMatchObject({ name: 'GitHubGraphQLError', type: 'NOT_FOUND' });

    fake.knobs.scripted.push({
      match: (r) => r.path === 'graphql',
      status: 200,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor((NOW + 3600e3) / 1000)) },
      body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
    });
    const limited = await client
      .graphql<unknown>(
        'query { repository(owner: "acme", name: "shop") { nameWithOwner } }',
        {},
        { deadline: NOW + 1000 }
      )
      .catch((e: GitHubRateLimitError) => e);
    expect(limited).toBeInstanceOf(GitHubRateLimitError);
    expect((limited as GitHubRateLimitError).resetAt).toBe(NOW + 3600e3);
  });
});
