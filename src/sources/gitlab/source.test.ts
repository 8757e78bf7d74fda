/** @jest-environment node */
import { parentsOf } from '../../engine';
import { GitLabSettings } from '../../settings/model';
import { EtagCache } from '../etagCache';
import { nodeHttpClient } from '../testing/nodeHttp';
import { SnapshotStore } from './snapshot';
import { GitLabSource } from './source';
import { at, PROJECT, SHA, shopProject, shopWorld, T0 } from './testing/scenario';
import { FakeGitLab, startFakeGitLab } from './testing/server';

const DAY = 24 * 3600 * 1000;
const NOW = T0 + 7 * DAY;
const RANGE = { from: T0 - 30 * DAY, to: NOW };
const ENC = encodeURIComponent(PROJECT);

describe('GitLabSource against the fake GitLab', () => {
  let fake: FakeGitLab;
  let etags: EtagCache;
  let snapshots: SnapshotStore;
  beforeEach(async () => {
    fake = await startFakeGitLab(shopWorld());
    etags = new EtagCache();
    snapshots = new SnapshotStore();
  });
  afterEach(() => fake.close());

  const source = (settings: GitLabSettings = {}) =>
    new GitLabSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, projects: PROJECT, ...settings },
      now: () => NOW,
      etagCache: etags,
      snapshots,
      sleep: async () => undefined,
    });

  it('maps deployments of the production tier by their job finish, commits with merge requests, incidents and pipelines', async () => {
    const result = await source().fetchEvents(RANGE);
    expect(result.notices).toEqual([]);
    const { deployments, changes, incidents, pipelineRuns } = result.events;
    expect(deployments.map((d) => [d.id, d.status, d.environment]).sort()).toEqual([
      [`gitlab:${PROJECT}:deployment:1`, 'success', 'production'],
      [`gitlab:${PROJECT}:deployment:2`, 'success', 'production'],
      [`gitlab:${PROJECT}:deployment:3`, 'success', 'production'],
      [`gitlab:${PROJECT}:deployment:4`, 'success', 'production-eu'],
      [`gitlab:${PROJECT}:deployment:5`, 'failure', 'production'],
      [`gitlab:${PROJECT}:deployment:6`, 'success', 'production'],
    ]);
    expect(deployments.find((d) => d.id.endsWith(':deployment:2'))).toEqual({
      id: `gitlab:${PROJECT}:deployment:2`,
      service: PROJECT,
      environment: 'production',
      repo: PROJECT,
      sha: SHA.c2,
      // The job's start and finish, not the record's creation or its later update (18:00).
      startedAt: Date.parse(at(1, 12, 5)),
      finishedAt: Date.parse(at(1, 12, 30)),
      status: 'success',
      source: 'gitlab',
      production: true,
      url: expect.stringMatching(/\/-\/jobs\/\d+$/),
      title: 'deploy-us',
      ref: 'main',
      pipelineRunId: `gitlab:${PROJECT}:pipeline:501`,
    });
    // Made through the API (no job): its finish is its last update.
    expect(deployments.find((d) => d.id.endsWith(':deployment:1'))!.finishedAt).toBe(Date.parse(at(-9, 0, 10)));
    expect(changes.map((c) => c.sha).sort()).toEqual([SHA.c0, SHA.s1, SHA.c2, SHA.f1, SHA.f2, SHA.c4].sort());
    expect(changes.find((c) => c.sha === SHA.s1)!.pullRequest).toEqual({
      number: 1,
      title: 'Checkout page',
      labels: ['enhancement'],
      branch: 'feature/checkout',
      url: `https://gitlab.com/${PROJECT}/-/merge_requests/1`,
      firstCommitAt: Date.parse(at(0, 10)),
      openedAt: Date.parse(at(0, 12)),
      // The approval, not the author's own comment before it.
      firstReviewAt: Date.parse(at(1, 8)),
      mergedAt: Date.parse(at(1, 9)),
    });
    expect(changes.find((c) => c.sha === SHA.f1)!.pullRequest).toMatchObject({
      number: 2,
      firstReviewAt: Date.parse(at(2, 8)),
    });
    expect(parentsOf(changes.find((c) => c.sha === SHA.f2)!)).toEqual([SHA.f1]);
    expect(incidents).toEqual([
      {
        id: `gitlab:${PROJECT}#10`,
        service: PROJECT,
        title: 'Checkout errors after feature X',
        startedAt: Date.parse('2026-01-07T12:45:00Z'),
        createdAt: Date.parse(at(2, 13)),
        resolvedAt: Date.parse(at(2, 15)),
        severity: 'high',
        url: `https://gitlab.com/${PROJECT}/-/issues/10`,
        source: 'gitlab',
        labels: ['incident'],
        cause: { repo: PROJECT, pullRequest: 2 },
      },
    ]);
    expect(pipelineRuns.map((r) => [r.id, r.conclusion]).sort()).toEqual([
      [`gitlab:${PROJECT}:pipeline:500:1`, 'success'],
      [`gitlab:${PROJECT}:pipeline:501:1`, 'failure'],
      [`gitlab:${PROJECT}:pipeline:501:2`, 'success'],
      [`gitlab:${PROJECT}:pipeline:502:1`, 'success'],
      [`gitlab:${PROJECT}:pipeline:503:1`, 'failure'],
      [`gitlab:${PROJECT}:pipeline:504:1`, 'success'],
      [`gitlab:${PROJECT}:pipeline:505:1`, 'success'],
    ]);
    expect(pipelineRuns.find((r) => r.id.endsWith(':501:1'))).toMatchObject({
      startedAt: Date.parse(at(1, 11, 1)),
      finishedAt: Date.parse(at(1, 11, 40)),
      workflow: 'pipeline main',
    });
  });

  it('an unchanged refresh asks only "anything new?": 304s and first pages, no merge request details again', async () => {
    await source().fetchEvents(RANGE);
    const first = fake.requests.length;
    const again = await source().fetchEvents(RANGE);
    const second = fake.requests.slice(first);
    expect(again.events.deployments).toHaveLength(6);
    expect(second.every((r) => r.status === 304)).toBe(true);
    expect(second.some((r) => /merge_requests\/\d+\//.test(r.path))).toBe(false);
    expect(second.some((r) => /repository\/commits/.test(r.path))).toBe(false);
    // The project, the branch head, the environments, one page per list (two production environments), all 304.
    expect(second.map((r) => r.path.replace(/\?.*$/, '').replace(`/projects/${ENC}`, '')).sort()).toEqual([
      '',
      '/deployments',
      '/deployments',
      '/environments',
      '/issues',
      '/jobs',
      '/merge_requests',
      '/repository/branches/main',
    ]);
    expect(first).toBe(13);
  });

  it('reads new commits and deployments on the next refresh, continuing from the snapshot', async () => {
    await source().fetchEvents(RANGE);
    const project = fake.world.projects[PROJECT];
    const c5 = {
      id: 'c5'.padEnd(40, '0'),
      title: 'More',
      parents: [SHA.c4],
      authoredDate: at(4, 9),
      committedDate: at(4, 9),
    };
    project.commits[c5.id] = c5;
    project.branches.main = c5.id;
    const before = fake.requests.length;
    const result = await source().fetchEvents(RANGE);
    expect(result.events.changes.map((c) => c.sha)).toContain(c5.id);
    const commitReads = fake.requests.slice(before).filter((r) => /repository\/commits/.test(r.path));
    expect(commitReads).toHaveLength(1);
    expect(commitReads[0].path).toContain(`ref_name=${c5.id}`);
  });

  it('recognises deployments by pipeline jobs: one per pipeline on the production branch, finishing with its last matching job', async () => {
    const result = await source({ deploymentSource: 'jobs', jobPattern: '^deploy-(us|eu)$' }).fetchEvents(RANGE);
    expect(result.notices).toEqual([]);
    expect(result.events.deployments.map((d) => [d.id, d.status, d.finishedAt, d.title]).sort()).toEqual([
      [`gitlab:${PROJECT}:pipeline:501`, 'success', Date.parse(at(1, 12, 30)), 'deploy-us'],
      [`gitlab:${PROJECT}:pipeline:502`, 'success', Date.parse(at(2, 11, 20)), 'deploy-eu, deploy-us'],
      [`gitlab:${PROJECT}:pipeline:503`, 'failure', Date.parse(at(3, 9, 20)), 'deploy-us'],
      [`gitlab:${PROJECT}:pipeline:504`, 'success', Date.parse(at(3, 9, 40)), 'deploy-us'],
    ]);
    // The manual deploy-us of pipeline 500 never ran: not a deployment. Deployments were not listed at all.
    expect(fake.requests.some((r) => /\/deployments|\/environments/.test(r.path))).toBe(false);
  });

  it('recognises deployments by releases and by tags; the default tag pattern leaves out release candidates', async () => {
    const project = fake.world.projects[PROJECT];
    project.releases = [
      { tagName: 'v1.0.0', name: 'v1.0.0', commit: SHA.c2, createdAt: at(1, 13), releasedAt: at(1, 13) },
      { tagName: 'v1.1.0-rc.1', name: 'v1.1.0-rc.1', commit: SHA.f2, createdAt: at(2, 12), releasedAt: at(2, 12) },
      { tagName: 'v1.1.0', name: 'v1.1.0', commit: SHA.c4, createdAt: at(3, 12), releasedAt: at(3, 12) },
      { tagName: 'v2.0.0', name: 'v2.0.0', commit: SHA.c4, createdAt: at(3, 13), releasedAt: at(20), upcoming: true },
    ];
    project.tags = [
      { name: 'v1.0.0', commit: SHA.c2, createdAt: at(1, 13) },
      { name: 'v1.1.0-rc.1', commit: SHA.f2 },
      { name: 'v1.1.0', commit: SHA.c4 },
    ];
    const releases = await source({ deploymentSource: 'releases' }).fetchEvents(RANGE);
    expect(releases.events.deployments.map((d) => [d.id, d.sha, d.finishedAt]).sort()).toEqual([
      [`gitlab:${PROJECT}:release:v1.0.0`, SHA.c2, Date.parse(at(1, 13))],
      [`gitlab:${PROJECT}:release:v1.1.0`, SHA.c4, Date.parse(at(3, 12))],
    ]);
    const tags = await source({ deploymentSource: 'tags' }).fetchEvents(RANGE);
    expect(tags.events.deployments.map((d) => [d.id, d.sha, d.finishedAt]).sort()).toEqual([
      [`gitlab:${PROJECT}:tag:v1.0.0`, SHA.c2, Date.parse(at(1, 13))],
      [`gitlab:${PROJECT}:tag:v1.1.0`, SHA.c4, Date.parse(at(3, 9))],
    ]);
    const candidates = await source({ deploymentSource: 'tags', tagPattern: '.*' }).fetchEvents(RANGE);
    expect(candidates.events.deployments).toHaveLength(3);
  });

  it('reads the projects of a group and its subgroups that match the include pattern, skipping archived ones', async () => {
    const web = { ...shopProject(), id: 12, path: 'acme/web' };
    const old = { ...shopProject(), id: 13, path: 'acme/legacy/old', archived: true };
    fake.world.projects['acme/web'] = web;
    fake.world.projects['acme/legacy/old'] = old;
    fake.world.groups.acme = [PROJECT, 'acme/web', 'acme/legacy/old', 'acme/docs'];
    const result = await source({ projects: '', group: 'acme', groupInclude: 'shop|web|old' }).fetchEvents(RANGE);
    expect(Array.from(new Set(result.events.deployments.map((d) => d.repo))).sort()).toEqual([
      'acme/platform/shop',
      'acme/web',
    ]);
  });

  it('one project failing is a notice naming it and the fix; the others still arrive', async () => {
    fake.world.projects['acme/web'] = { ...shopProject(), id: 12, path: 'acme/web' };
    fake.knobs.scripted.push({
      match: (p) => p === `/projects/${encodeURIComponent('acme/gone')}`,
      status: 404,
      body: { message: '404 Project Not Found' },
    });
    fake.knobs.scripted.push({
      match: (p) => p.indexOf(`/projects/${encodeURIComponent('acme/web')}/jobs`) === 0,
      status: 403,
      body: { message: '403 Forbidden' },
    });
    const result = await source({ projects: `${PROJECT}\nacme/gone\nacme/web` }).fetchEvents(RANGE);
    expect(result.notices.map((n) => [n.severity, n.text])).toEqual([
      [
        'error',
        expect.stringMatching(/^GitLab acme\/gone: not found \(404: 404 Project Not Found\)\. Check the project path/),
      ],
      [
        'warning',
        expect.stringMatching(
          /^GitLab acme\/web: the token may not read this \(403: 403 Forbidden\)\. Give the token the read_api scope .* Incomplete: pipeline jobs\.$/
        ),
      ],
    ]);
    expect(result.events.deployments.filter((d) => d.repo === PROJECT)).toHaveLength(6);
    expect(result.events.deployments.filter((d) => d.repo === 'acme/web')).toHaveLength(6);
    expect(result.events.pipelineRuns.filter((r) => r.repo === 'acme/web')).toHaveLength(0);
  });

  it('a 5xx that outlasts the retries and a rate limit past the timeout are notices with the projects and the reset time', async () => {
    fake.knobs.scripted.push({
      match: (p) => p.indexOf('/issues') > 0,
      status: 503,
      times: 10,
      body: { message: 'Service Unavailable' },
    });
    const failed = await source().fetchEvents(RANGE);
    expect(failed.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(
        /GitLab acme\/platform\/shop: GitLab answered 503 .* after retries\..*Incomplete: incident issues\.$/
      ),
    ]);
    expect(failed.events.deployments).toHaveLength(6);
    fake.knobs.scripted = [
      {
        match: (p) => p.indexOf('/merge_requests') > 0,
        status: 429,
        times: 10,
        headers: { 'retry-after': '3600' },
        body: {},
      },
    ];
    const limited = await source().fetchEvents(RANGE);
    expect(limited.notices.map((n) => n.text)).toEqual([
      "GitLab data is incomplete for acme/platform/shop (merge requests): GitLab's rate limit was reached and could not be waited out within the query timeout; the limit resets at 2026-01-12 01:00 UTC (in 60 min). Refresh after that, or raise the timeout.",
    ]);
  });

  it('warns when no environment is of the production tier or matches, and when the production branch does not exist', async () => {
    const result = await source({ environmentPattern: '^prod$', productionBranch: 'release' }).fetchEvents(RANGE);
    expect(result.events.deployments).toEqual([]);
    expect(result.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/branch "release" does not exist/),
      expect.stringMatching(
        /no environment matches the pattern "\^prod\$" \(environments: production \(production\), production-eu \(production\), staging \(staging\)\)/
      ),
    ]);
  });

  it('a cancelled query stops its requests and rejects with AbortError', async () => {
    fake.knobs.hold = (p) => p.indexOf('/jobs') > 0;
    const controller = new AbortController();
    const pending = source().fetchEvents(RANGE, controller.signal);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.held()).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.held()).toBe(0);
  });

  it('refuses invalid settings with a notice naming the field', async () => {
    const result = await source({ projects: 'shop' }).fetchEvents(RANGE);
    expect(result.notices).toEqual([
      {
        severity: 'error',
        text: expect.stringContaining('projects line 1: "shop" is not a project path group/project'),
      },
    ]);
    expect(fake.requests).toHaveLength(0);
  });

  it('uses the project path, URL-encoded, in every request', async () => {
    await source().fetchEvents(RANGE);
    expect(fake.requests.every((r) => r.path.indexOf(`/projects/${ENC}`) === 0)).toBe(true);
  });
});
