/** @jest-environment node */
import { FakeGitHub, startFakeGitHub } from './testing/server';
import { nodeHttpClient } from './testing/nodeHttp';
import { SHA, shopWorld, T0 } from './testing/scenario';
import { EtagCache } from './etagCache';
import { SnapshotStore } from './snapshot';
import { GitHubSource } from './source';

const DAY = 24 * 3600 * 1000;
const RANGE = { from: T0 - 30 * DAY, to: T0 + 7 * DAY };

describe('GitHubSource against the fake GitHub', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub(shopWorld());
  });
  afterEach(() => fake.close());

  const source = (settings = {}) =>
    new GitHubSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, repositories: 'acme/shop', ...settings },
      now: () => T0 + 7 * DAY,
      etagCache: new EtagCache(),
      snapshots: new SnapshotStore(),
      sleep: async () => undefined,
    });

  it('maps deployments, commits, pull requests, incidents and runs', async () => {
    const result = await source().fetchEvents(RANGE);
    expect(result.notices).toEqual([]);
    const { deployments, changes, incidents, pipelineRuns } = result.events;
    expect(deployments.map((d) => [d.id, d.status]).sort()).toEqual([
      ['github:acme/shop:deployment:900', 'success'],
      ['github:acme/shop:deployment:901', 'success'],
      ['github:acme/shop:deployment:902', 'success'],
      ['github:acme/shop:deployment:903', 'failure'],
      ['github:acme/shop:deployment:904', 'success'],
    ]);
    expect(changes.map((c) => c.sha).sort()).toEqual([SHA.c0, SHA.c1, SHA.c2, SHA.c3, SHA.c4, SHA.m3].sort());
    const c1 = changes.find((c) => c.sha === SHA.c1)!;
    expect(c1.pullRequest).toMatchObject({ number: 1, firstCommitAt: T0 + 10 * 3600e3, openedAt: T0 + 12 * 3600e3 });
    expect(incidents).toHaveLength(1);
    expect(incidents[0].cause).toEqual({ repo: 'acme/shop', sha: SHA.c3 });
    expect(pipelineRuns.map((r) => `${r.id}:${r.conclusion}`).sort()).toEqual([
      'github:acme/shop:run:101:1:failure',
      'github:acme/shop:run:101:2:success',
      'github:acme/shop:run:102:1:success',
      'github:acme/shop:run:103:1:failure',
      'github:acme/shop:run:104:1:cancelled',
      'github:acme/shop:run:105:1:success',
    ]);
  });
});
