/** @jest-environment node */
import { EtagCache } from '../etagCache';
import { nodeHttpClient } from '../testing/nodeHttp';
import { GitLabClient } from './client';
import { GitLabHttpError, GitLabRateLimitError } from './errors';
import { FakeGitLab, startFakeGitLab } from './testing/server';
import { emptyProject, emptyWorld, FakeGlDeployment } from './testing/world';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const MINUTE = 60 * 1000;
const PROJECT = '/projects/acme%2Fshop';

function deployments(count: number): FakeGlDeployment[] {
  // Newest first by id: deployment i created i minutes before NOW.
  return Array.from({ length: count }, (_, i) => ({
    id: 5000 - i,
    iid: count - i,
    environment: 'production',
    ref: 'main',
    sha: 'a'.repeat(40),
    status: 'success',
    createdAt: new Date(NOW - i * MINUTE).toISOString(),
    updatedAt: new Date(NOW - i * MINUTE + 30000).toISOString(),
  }));
}

describe('GitLabClient against the fake GitLab', () => {
  let fake: FakeGitLab;
  let slept: number[];
  let client: GitLabClient;

  const makeClient = (extra: Partial<ConstructorParameters<typeof GitLabClient>[0]> = {}) =>
    new GitLabClient({
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
    const world = emptyWorld();
    const project = emptyProject('acme/shop', 1);
    project.environments = [{ id: 1, name: 'production', tier: 'production' }];
    project.deployments = deployments(250);
    world.projects['acme/shop'] = project;
    fake = await startFakeGitLab(world);
    fake.knobs.rateLimitReset = Math.floor(NOW / 1000) + 60;
    slept = [];
    client = makeClient();
  });
  afterEach(() => fake.close());

  const collect = async (stopBefore?: number) => {
    const seen: number[] = [];
    await client.getPages<{ id: number; created_at: string }>(
      `${PROJECT}/deployments`,
      { environment: 'production', order_by: 'id', sort: 'desc', per_page: 100 },
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
      `${PROJECT}/deployments?environment=production&order_by=id&sort=desc&per_page=100`,
      `${PROJECT}/deployments?environment=production&order_by=id&sort=desc&per_page=100&page=2`,
      `${PROJECT}/deployments?environment=production&order_by=id&sort=desc&per_page=100&page=3`,
    ]);
  });

  it('stops paging as soon as items fall before the start, keeping everything inside', async () => {
    // Deployments 0..120 are inside (created at or after NOW - 120 min): the second page holds the boundary.
    const seen = await collect(NOW - 120 * MINUTE);
    expect(seen).toEqual(Array.from({ length: 121 }, (_, i) => 5000 - i));
    expect(fake.requests).toHaveLength(2);
  });

  it('pages a self-managed instance with a path prefix: links name the instance, requests go through the proxy', async () => {
    fake.world.instanceUrl = 'https://example.com/gitlab';
    const seen = await collect();
    expect(seen).toHaveLength(250);
    // The fake's links were https://example.com/gitlab/api/v4/projects/...; the client asked the proxy route instead.
    expect(fake.requests.map((r) => r.path.replace(/\?.*$/, ''))).toEqual([
      `${PROJECT}/deployments`,
      `${PROJECT}/deployments`,
      `${PROJECT}/deployments`,
    ]);
    expect(client.toProxyUrl('https://example.com/gitlab/api/v4/projects/1/jobs?cursor=x')).toBe(
      `${fake.url}/gitlab/api/projects/1/jobs?cursor=x`
    );
  });

  it('revalidates with If-None-Match: an unchanged page is a 304 answered from the cache', async () => {
    const first = await client.get<unknown[]>(`${PROJECT}/deployments`, { per_page: 100 });
    const second = await client.get<unknown[]>(`${PROJECT}/deployments`, { per_page: 100 });
    expect(first.notModified).toBe(false);
    expect(second.notModified).toBe(true);
    expect(second.data).toHaveLength(100);
    expect(second.next).toBe(first.next);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 304]);
    expect(fake.requests[1].headers['if-none-match']).toMatch(/^W\/"/);
  });

  it('waits out a 429 for Retry-After seconds, then goes on', async () => {
    fake.knobs.scripted.push({
      bare: true,
      status: 429,
      headers: { 'retry-after': '7' },
      body: { message: 'Retry later' },
    });
    const seen = await collect();
    expect(seen).toHaveLength(250);
    expect(slept).toEqual([7000]);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
  });

  it('a 429 with only RateLimit-Reset waits until the reset; without any header it backs off, bounded', async () => {
    fake.knobs.scripted.push({
      bare: true,
      status: 429,
      headers: { 'ratelimit-reset': String(NOW / 1000 + 20) },
      body: {},
    });
    await client.get(`${PROJECT}/deployments`);
    expect(slept).toEqual([21000]);
    slept = [];
    // Grafana's proxy drops the headers of errors: 5 s, 10 s, 20 s, 40 s, then give up with a rate-limit error.
    fake.knobs.scripted.push({ bare: true, status: 429, times: 10, body: { message: '429 Too Many Requests' } });
    const error = await client.get(`${PROJECT}/environments`).catch((e) => e);
    expect(error).toBeInstanceOf(GitLabRateLimitError);
    expect(slept).toEqual([5000, 10000, 20000, 40000]);
  });

  it('RateLimit-Remaining 0 holds further requests until RateLimit-Reset', async () => {
    fake.knobs.rateLimitRemaining = 0;
    fake.knobs.rateLimitReset = NOW / 1000 + 30;
    await client.get(`${PROJECT}/deployments`);
    expect(slept).toEqual([]);
    fake.knobs.rateLimitRemaining = 1999;
    await client.get(`${PROJECT}/environments`);
    expect(slept).toEqual([30000]);
  });

  it('past the deadline a rate limit becomes an error carrying the reset time', async () => {
    fake.knobs.scripted.push({ status: 429, headers: { 'retry-after': '600' }, body: {} });
    const error = await client
      .get(`${PROJECT}/deployments`, undefined, { deadline: NOW + 30 * 1000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitLabRateLimitError);
    expect((error as GitLabRateLimitError).resetAt).toBe(NOW + 600 * 1000);
    expect(slept).toEqual([]);
  });

  it('retries 5xx with backoff, and an error mid-way through paging fails the read with the status and path', async () => {
    fake.knobs.scripted.push({ status: 502, body: { message: 'Bad Gateway' } });
    await client.get(`${PROJECT}/deployments`);
    expect(slept).toEqual([1000]);
    slept = [];
    fake.knobs.scripted.push({
      match: (p) => p.indexOf('page=2') >= 0,
      status: 401,
      body: { message: '401 Unauthorized' },
    });
    const error = (await collect().catch((e: unknown) => e)) as GitLabHttpError;
    expect(error).toBeInstanceOf(GitLabHttpError);
    expect([error.status, error.kind, error.path, error.detail]).toEqual([
      401,
      'auth',
      `${PROJECT}/deployments`,
      '401 Unauthorized',
    ]);
    expect(slept).toEqual([]);
  });

  it('cancellation aborts the request in flight; identical requests share one and the last leaver cancels it', async () => {
    fake.knobs.hold = (p) => p.indexOf('/environments') >= 0;
    const a = new AbortController();
    const b = new AbortController();
    const first = client.get(`${PROJECT}/environments`, undefined, { signal: a.signal });
    const second = client.get(`${PROJECT}/environments`, undefined, { signal: b.signal });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests).toHaveLength(1);
    expect(fake.held()).toBe(1);
    a.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.held()).toBe(1);
    b.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.held()).toBe(0);
  });

  it('pages jobs by keyset (cursor links) as by offset', async () => {
    const project = fake.world.projects['acme/shop'];
    const pipeline = {
      id: 1,
      sha: 'a'.repeat(40),
      ref: 'main',
      status: 'success',
      source: 'push',
      createdAt: '2026-01-09T00:00:00Z',
      updatedAt: '2026-01-09T00:00:00Z',
    };
    project.jobs = Array.from({ length: 230 }, (_, i) => ({
      id: 1000 + i,
      name: `job${i}`,
      stage: 'test',
      status: 'success',
      pipeline,
      createdAt: '2026-01-09T00:00:00Z',
      startedAt: '2026-01-09T00:00:00Z',
      finishedAt: '2026-01-09T00:01:00Z',
    }));
    const ids: number[] = [];
    await client.getPages<{ id: number }>(
      `${PROJECT}/jobs`,
      { pagination: 'keyset', order_by: 'id', sort: 'desc', per_page: 100 },
      (page) => {
        ids.push(...page.map((j) => j.id));
        return 'continue';
      }
    );
    expect(ids).toEqual(Array.from({ length: 230 }, (_, i) => 1229 - i));
    expect(fake.requests.map((r) => /cursor=/.test(r.path))).toEqual([false, true, true]);
  });
});
