/** @jest-environment node */
import { EtagCache } from '../etagCache';
import { SnapshotStore } from './snapshot';
import { GitHubSource } from './source';
import { nodeHttpClient } from '../testing/nodeHttp';
import { at, SHA, shopRepo, shopWorld, T0 } from './testing/scenario';
import { FakeGitHub, startFakeGitHub } from './testing/server';
import { addCommit, sha } from './testing/world';
import { GitHubSettings } from '../../settings/model';
import { attribute, parentsOf } from '../../engine';

const DAY = 24 * 3600 * 1000;
const NOW = T0 + 7 * DAY;
const RANGE = { from: T0 - 30 * DAY, to: NOW };

describe('GitHubSource against the fake GitHub', () => {
  let fake: FakeGitHub;
  let etags: EtagCache;
  let snapshots: SnapshotStore;
  beforeEach(async () => {
    fake = await startFakeGitHub(shopWorld());
    etags = new EtagCache();
    snapshots = new SnapshotStore();
  });
  afterEach(() => fake.close());

  const source = (settings: GitHubSettings = {}) =>
    new GitHubSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, repositories: 'acme/shop', ...settings },
      now: () => NOW,
      etagCache: etags,
      snapshots,
      sleep: async () => undefined,
    });

  it('maps deployments, commits, pull requests, incidents and runs', async () => {
    const result = await source().fetchEvents(RANGE);
    expect(result.notices).toEqual([]);
    const { deployments, changes, incidents, pipelineRuns } = result.events;
    expect(deployments.map((d) => [d.id, d.status, d.environment]).sort()).toEqual([
      ['github:acme/shop:deployment:900', 'success', 'production'],
      ['github:acme/shop:deployment:901', 'success', 'production'],
      ['github:acme/shop:deployment:902', 'success', 'production'],
      ['github:acme/shop:deployment:903', 'failure', 'production'],
      ['github:acme/shop:deployment:904', 'success', 'production'],
    ]);
    expect(deployments.find((d) => d.id.endsWith(':901'))).toMatchObject({
      sha: SHA.c2,
      startedAt: Date.parse(at(1, 12)),
      finishedAt: Date.parse(at(1, 12, 30)),
      service: 'acme/shop',
      repo: 'acme/shop',
      source: 'github',
      ref: 'main',
    });
    expect(changes.map((c) => c.sha).sort()).toEqual([SHA.c0, SHA.c1, SHA.c2, SHA.c3, SHA.c4, SHA.m3].sort());
    // Squash merge: the commit on main carries its pull request, whose first commit started the work.
    expect(changes.find((c) => c.sha === SHA.c1)!.pullRequest).toEqual({
      number: 1,
      title: 'Checkout page',
      labels: ['enhancement'],
      branch: 'feature/checkout',
      url: 'https://github.com/acme/shop/pull/1',
      firstCommitAt: Date.parse(at(0, 10)),
      openedAt: Date.parse(at(0, 12)),
      firstReviewAt: Date.parse(at(1, 8)),
      mergedAt: Date.parse(at(1, 9)),
    });
    // Merge commit: the branch commit and the merge commit both belong to PR #2.
    expect(changes.find((c) => c.sha === SHA.c3)!.pullRequest?.number).toBe(2);
    expect(parentsOf(changes.find((c) => c.sha === SHA.m3)!)).toEqual([SHA.c2, SHA.c3]);
    expect(changes.find((c) => c.sha === SHA.c4)!.message).toBe('Revert "Add feature X"');
    // The "not planned" issue is a false alarm and left out; the short SHA is expanded.
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      id: 'github:acme/shop#10',
      startedAt: Date.parse(at(2, 12, 45)),
      createdAt: Date.parse(at(2, 13)),
      resolvedAt: Date.parse(at(2, 15)),
      severity: '2',
      cause: { repo: 'acme/shop', sha: SHA.c3 },
    });
    expect(pipelineRuns.map((r) => `${r.id}:${r.conclusion}`).sort()).toEqual([
      'github:acme/shop:run:101:1:failure',
      'github:acme/shop:run:101:2:success',
      'github:acme/shop:run:102:1:success',
      'github:acme/shop:run:103:1:failure',
      'github:acme/shop:run:104:1:cancelled',
      'github:acme/shop:run:105:1:success',
    ]);
  });

  it('an unchanged refresh costs one request per list (304s and first pages)', async () => {
    await source().fetchEvents(RANGE);
    const first = fake.requests.length;
    fake.requests.length = 0;
    const again = await source().fetchEvents(RANGE);
    expect(again.events.deployments).toHaveLength(5);
    expect(again.events.changes).toHaveLength(6);
    // overview, deployments, pull requests, issues (GraphQL) + workflow runs (304); the history is skipped.
    expect(fake.requests.map((r) => r.operation ?? `${r.path} ${r.status}`).sort()).toEqual([
      '/repos/acme/shop/actions/runs?per_page=100 304',
      'Deployments',
      'IncidentIssues',
      'MergedPullRequests',
      'RepositoryOverview',
    ]);
    expect(first).toBeGreaterThan(fake.requests.length);
  });

  it('a refresh reads only what is new, including an old branch merged into production', async () => {
    await source().fetchEvents(RANGE);
    const repo = fake.world.repos['acme/shop'];
    // A branch forked from c2 with commits older than c4, merged now, and a new deployment of the merge.
    repo.commits[sha('b1')] = {
      oid: sha('b1'),
      committedDate: at(1, 20),
      authoredDate: at(1, 20),
      message: 'Old work',
      parents: [SHA.c2],
    };
    repo.commits[sha('b2')] = {
      oid: sha('b2'),
      committedDate: at(1, 21),
      authoredDate: at(1, 21),
      message: 'More old work',
      parents: [sha('b1')],
    };
    addCommit(repo, 'main', {
      oid: sha('m5'),
      committedDate: at(4, 9),
      authoredDate: at(4, 9),
      message: 'Merge old branch',
      parents: [SHA.c4, sha('b2')],
    });
    repo.deployments.push({
      databaseId: 905,
      environment: 'production',
      commitOid: sha('m5'),
      createdAt: at(4, 10),
      updatedAt: at(4, 10, 5),
      statuses: [{ state: 'SUCCESS', createdAt: at(4, 10, 5) }],
    });
    fake.requests.length = 0;
    const result = await source().fetchEvents(RANGE);
    expect(result.events.changes.map((c) => c.sha)).toEqual(expect.arrayContaining([sha('b1'), sha('b2'), sha('m5')]));
    expect(result.events.changes).toHaveLength(9);
    expect(result.events.deployments.map((d) => d.id)).toContain('github:acme/shop:deployment:905');
    expect(fake.requests.filter((r) => r.operation === 'CommitHistory')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.operation === 'Deployments')).toHaveLength(1);
  });

  it('follows deployments from other branches (hotfix, release) to the commits they ship', async () => {
    const repo = fake.world.repos['acme/shop'];
    // hotfix/1 forks from c2 with two commits; 907 deploys its tip without it ever reaching main.
    repo.commits[sha('h1')] = {
      oid: sha('h1'),
      committedDate: at(4, 8),
      authoredDate: at(4, 8),
      message: 'Hotfix part 1',
      parents: [SHA.c2],
    };
    addCommit(repo, 'hotfix/1', {
      oid: sha('h2'),
      committedDate: at(4, 9),
      authoredDate: at(4, 9),
      message: 'Hotfix part 2',
      parents: [sha('h1')],
    });
    repo.deployments.push({
      databaseId: 907,
      environment: 'production',
      commitOid: sha('h2'),
      createdAt: at(4, 10),
      updatedAt: at(4, 10, 5),
      ref: 'hotfix/1',
      statuses: [{ state: 'SUCCESS', createdAt: at(4, 10, 5) }],
    });
    const result = await source().fetchEvents(RANGE);
    expect(result.notices).toEqual([]);
    expect(result.events.changes.map((c) => c.sha)).toEqual(expect.arrayContaining([sha('h1'), sha('h2')]));
    expect(result.events.changes).toHaveLength(8);
    // One walk from the hotfix tip, stopping where it meets c2; remembered for the next refresh.
    expect(fake.requests.filter((r) => r.operation === 'CommitHistory').map((r) => r.variables?.head)).toEqual([
      SHA.c4,
      sha('h2'),
    ]);
    fake.requests.length = 0;
    const again = await source().fetchEvents(RANGE);
    expect(again.events.changes).toHaveLength(8);
    expect(fake.requests.filter((r) => r.operation === 'CommitHistory')).toHaveLength(0);
  });

  it('re-reads by id a deployment that was still running below the first known final one', async () => {
    const repo = fake.world.repos['acme/shop'];
    const running = repo.deployments.find((d) => d.databaseId === 902)!;
    const final = running.statuses.pop()!;
    const first = await source().fetchEvents(RANGE);
    expect(first.events.deployments.find((d) => d.id.endsWith(':902'))!.status).toBe('in_progress');
    running.statuses.push(final);
    fake.requests.length = 0;
    const second = await source().fetchEvents(RANGE);
    expect(second.events.deployments.find((d) => d.id.endsWith(':902'))!.status).toBe('success');
    // Paging stopped at 904 (known, final); 902 was re-read by id.
    expect(fake.requests.filter((r) => r.operation === 'Deployments')).toHaveLength(1);
    expect(fake.requests.find((r) => r.operation === 'DeploymentsById')!.variables).toEqual({ ids: ['D_902'] });
  });

  it('one failing repository is a notice; the others still arrive', async () => {
    fake.world.repos['acme/other'] = shopRepo();
    fake.world.repos['acme/other'].name = 'other';
    const result = await source({ repositories: 'acme/shop\nacme/missing\nacme/other' }).fetchEvents(RANGE);
    expect(result.events.deployments.filter((d) => d.repo === 'acme/shop')).toHaveLength(5);
    expect(result.events.deployments.filter((d) => d.repo === 'acme/other')).toHaveLength(5);
    expect(result.notices).toEqual([
      {
        severity: 'error',
        text: expect.stringMatching(/^GitHub acme\/missing: not found .*Check the repository name \(owner\/name\)/),
      },
    ]);
  });

  it('errors mid-way keep what was read and name the incomplete lists', async () => {
    fake.knobs.scripted.push({
      match: (r) => r.path.indexOf('/actions/runs') >= 0,
      status: 500,
      times: 10,
      body: { message: 'Server Error' },
    });
    const result = await source().fetchEvents(RANGE);
    expect(result.events.deployments).toHaveLength(5);
    expect(result.events.pipelineRuns).toHaveLength(0);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0].severity).toBe('warning');
    expect(result.notices[0].text).toMatch(
      /^GitHub acme\/shop: GitHub answered 500 .*githubstatus.*Incomplete: workflow runs\.$/
    );
  });

  it('a rate limit that outlasts the timeout returns partial data and says when it resets', async () => {
    fake.knobs.rateLimitRemaining = 3; // overview + two lists, then the limit
    fake.knobs.rateLimitReset = Math.floor((NOW + 20 * 60 * 1000) / 1000);
    const result = await source().fetchEvents(RANGE);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0].severity).toBe('warning');
    expect(result.notices[0].text).toMatch(
      /^GitHub data is incomplete for acme\/shop \([a-z ,]+\): GitHub's API rate limit was reached .*resets at 2026-01-12 00:20 UTC \(in 20 min\)/
    );
    const partial = result.events.deployments.length + result.events.changes.length + result.events.incidents.length;
    expect(partial).toBeGreaterThan(0);
    // Incomplete lists are not remembered: once the limit resets, everything is read.
    fake.knobs.rateLimitRemaining = undefined;
    const later = await source().fetchEvents(RANGE);
    expect(later.notices).toEqual([]);
    expect(later.events.deployments).toHaveLength(5);
    expect(later.events.changes).toHaveLength(6);
  });

  it('several rate-limited repositories are named in one notice', async () => {
    fake.world.repos['acme/other'] = { ...shopRepo(), name: 'other' };
    fake.knobs.rateLimitRemaining = 0;
    fake.knobs.rateLimitReset = Math.floor((NOW + 45 * 60 * 1000) / 1000);
    const result = await source({ repositories: 'acme/shop\nacme/other' }).fetchEvents(RANGE);
    expect(result.notices).toEqual([
      {
        severity: 'warning',
        text: "GitHub data is incomplete for acme/shop (everything); acme/other (everything): GitHub's API rate limit was reached and could not be waited out within the query timeout; the limit resets at 2026-01-12 00:45 UTC (in 45 min). Refresh after that, or raise the timeout.",
      },
    ]);
  });

  it('cancellation rejects with AbortError', async () => {
    fake.knobs.hold = (r) => r.operation === 'CommitHistory';
    const controller = new AbortController();
    const pending = source().fetchEvents(RANGE, controller.signal);
    while (fake.held() === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('recognises deployments by workflow runs and job pattern, one per run at its last matching job', async () => {
    const result = await source({
      deploymentSource: 'workflows',
      workflowPattern: '^deploy$',
      jobPattern: '^deploy-',
    }).fetchEvents(RANGE);
    expect(result.events.deployments).toEqual([
      {
        id: 'github:acme/shop:run:105',
        service: 'acme/shop',
        environment: 'production',
        production: true,
        repo: 'acme/shop',
        sha: SHA.c4,
        startedAt: Date.parse(at(3, 9, 31)),
        finishedAt: Date.parse(at(3, 9, 40)),
        status: 'success',
        source: 'github',
        url: 'https://github.com/acme/shop/actions/runs/105',
        title: 'Deploy',
        ref: 'main',
        pipelineRunId: 'github:acme/shop:run:105',
      },
    ]);
    expect(fake.requests.filter((r) => r.operation === 'WorkflowRunJobs')).toHaveLength(1);
  });

  it('recognises deployments by releases and by tags', async () => {
    const repo = fake.world.repos['acme/shop'];
    repo.releases = [
      {
        databaseId: 1,
        name: 'v1.0.0',
        tagName: 'v1.0.0',
        commitOid: SHA.c2,
        createdAt: at(1, 13),
        publishedAt: at(1, 13),
        isDraft: false,
        isPrerelease: false,
      },
      {
        databaseId: 2,
        name: 'v1.1.0-rc1',
        tagName: 'v1.1.0-rc1',
        commitOid: SHA.m3,
        createdAt: at(2, 12),
        publishedAt: at(2, 12),
        isDraft: false,
        isPrerelease: true,
      },
    ];
    repo.tags = [
      { name: 'v1.0.0', commitOid: SHA.c2, taggerDate: at(1, 13) },
      { name: 'v1.1.0', commitOid: SHA.m3 },
    ];
    const releases = await source({ deploymentSource: 'releases' }).fetchEvents(RANGE);
    expect(releases.events.deployments.map((d) => [d.id, d.sha, d.finishedAt])).toEqual([
      ['github:acme/shop:release:v1.0.0', SHA.c2, Date.parse(at(1, 13))],
    ]);
    const tags = await source({ deploymentSource: 'tags' }).fetchEvents(RANGE);
    expect(tags.events.deployments.map((d) => [d.id, d.sha, d.finishedAt]).sort()).toEqual([
      ['github:acme/shop:tag:v1.0.0', SHA.c2, Date.parse(at(1, 13))],
      ['github:acme/shop:tag:v1.1.0', SHA.m3, Date.parse(at(2, 10, 5))],
    ]);
  });

  it('tags mode leaves out semver pre-releases by default: lead time runs to the release, not its candidate', async () => {
    // A history with release candidates, as real projects tag them (v0.29.0-rc.0 before v0.29.0).
    const repo = fake.world.repos['acme/shop'];
    repo.tags = [
      { name: 'v1.0.0', commitOid: SHA.c2, taggerDate: at(1, 13) },
      { name: 'v1.1.0-rc.0', commitOid: SHA.m3, taggerDate: at(2, 11) },
      { name: 'v1.1.0-beta.1', commitOid: SHA.m3, taggerDate: at(2, 12) },
      { name: 'v1.1.0-alpha', commitOid: SHA.m3, taggerDate: at(2, 10, 30) },
      { name: 'v1.1.0+build.7', commitOid: SHA.c4, taggerDate: at(3, 12) },
    ];
    const result = await source({ deploymentSource: 'tags' }).fetchEvents(RANGE);
    expect(result.events.deployments.map((d) => d.ref).sort()).toEqual(['v1.0.0', 'v1.1.0+build.7']);
    const attributed = attribute(result.events, {}, NOW);
    const m3 = attributed.changes.find((c) => c.change.sha === SHA.m3)!;
    // m3 (T0+2d 10:05) ships with v1.1.0 at T0+3d 12:00, not with the candidate an hour after the merge.
    expect(m3.deploymentId).toBe('github:acme/shop:tag:v1.1.0+build.7');
    expect(m3.leadTimeMs).toBe(Date.parse(at(3, 12)) - Date.parse(at(2, 10, 5)));

    // A project that does ship candidates to production says so with its own pattern.
    const all = await source({ deploymentSource: 'tags', tagPattern: '.*' }).fetchEvents(RANGE);
    expect(all.events.deployments).toHaveLength(5);
    const lines = await source({ deploymentSource: 'tags', repositories: 'acme/shop tags=^v1\\.0' }).fetchEvents(RANGE);
    expect(lines.events.deployments.map((d) => d.ref)).toEqual(['v1.0.0']);
  });

  it('warns when no environment matches and when the production branch does not exist', async () => {
    const result = await source({ environmentPattern: '^prod$', productionBranch: 'release' }).fetchEvents(RANGE);
    expect(result.events.deployments).toEqual([]);
    expect(result.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/branch "release" does not exist/),
      expect.stringMatching(/no environment matches the pattern "\^prod\$" \(environments: production, staging\)/),
    ]);
  });

  it('reads the repositories of an organisation that match the include pattern', async () => {
    fake.world.repos['acme/web'] = { ...shopRepo(), name: 'web' };
    fake.world.repos['acme/old'] = { ...shopRepo(), name: 'old', archived: true };
    fake.world.orgs.acme = ['acme/shop', 'acme/web', 'acme/old', 'acme/docs'];
    const result = await source({
      repositories: '',
      organization: 'acme',
      organizationInclude: '^(shop|web|old)$',
    }).fetchEvents(RANGE);
    expect(Array.from(new Set(result.events.deployments.map((d) => d.repo))).sort()).toEqual(['acme/shop', 'acme/web']);
  });

  it('refuses invalid settings with a notice naming the field', async () => {
    const result = await source({ repositories: 'not a repo' }).fetchEvents(RANGE);
    expect(result.events.deployments).toEqual([]);
    expect(result.notices).toEqual([
      { severity: 'error', text: expect.stringContaining('repositories line 1: "not" is not owner/name') },
    ]);
    expect(fake.requests).toHaveLength(0);
  });
});
