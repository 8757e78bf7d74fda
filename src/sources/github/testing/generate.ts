/**
 * A large, deterministic fake repository for the request-count bench: commits spread evenly over a span, every
 * 40th a squash-merged pull request, deployments of every tenth commit (5 % failing), staging deployments the
 * environment filter drops, CI runs with a few re-runs, and incident issues.
 */
import { FakeDeployment, FakeIssue, FakePullRequest, FakeRepo, FakeRun, emptyRepo, iso, sha } from './world';

export interface GenerateOptions {
  fullName: string;
  now: number;
  spanDays: number;
  commits: number;
  deployments: number;
  pullRequests: number;
  stagingDeployments: number;
  runs: number;
  incidents: number;
}

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateRepo(o: GenerateOptions): FakeRepo {
  const rnd = random(42);
  const repo = emptyRepo(o.fullName);
  repo.environments = ['production', 'staging'];
  const start = o.now - o.spanDays * 24 * 3600 * 1000;
  const step = (o.now - start) / (o.commits + 1);
  const oids: string[] = [];
  const prEvery = Math.max(1, Math.floor(o.commits / o.pullRequests));
  let parent: string | undefined;
  for (let i = 0; i < o.commits; i++) {
    const when = Math.round(start + (i + 1) * step);
    const oid = sha(`g${i}`);
    const prNumber =
      i % prEvery === prEvery - 1 && repo.pullRequests.length < o.pullRequests
        ? repo.pullRequests.length + 1
        : undefined;
    repo.commits[oid] = {
      oid,
      committedDate: iso(when),
      authoredDate: iso(when - Math.round(rnd() * 3600e3)),
      message: prNumber ? `Feature ${prNumber} (#${prNumber})` : `Change ${i}`,
      parents: parent ? [parent] : [],
      pullRequest: prNumber,
    };
    if (prNumber) {
      const opened = when - Math.round((1 + rnd() * 48) * 3600e3);
      const pr: FakePullRequest = {
        number: prNumber,
        title: `Feature ${prNumber}`,
        baseRefName: 'main',
        headRefName: `feature/${prNumber}`,
        createdAt: iso(opened),
        updatedAt: iso(when),
        mergedAt: iso(when),
        mergeCommit: oid,
        labels: rnd() < 0.05 ? ['hotfix'] : [],
        commits: [
          { oid: sha(`p${prNumber}`), authoredDate: iso(opened - 3600e3), committedDate: iso(opened - 3600e3) },
        ],
        reviews: [iso(opened + Math.round((when - opened) / 2))],
      };
      repo.pullRequests.push(pr);
    }
    oids.push(oid);
    parent = oid;
  }
  repo.branches.main = parent!;

  const deployEvery = Math.max(1, Math.floor(o.commits / o.deployments));
  const deployments: FakeDeployment[] = [];
  for (let i = 0; i < o.deployments; i++) {
    const oid = oids[Math.min(oids.length - 1, (i + 1) * deployEvery - 1)];
    const created = Date.parse(repo.commits[oid].committedDate) + 10 * 60 * 1000;
    const failed = rnd() < 0.05;
    deployments.push({
      databaseId: 100000 + i,
      environment: 'production',
      commitOid: oid,
      createdAt: iso(created),
      updatedAt: iso(created + 5 * 60 * 1000),
      ref: 'main',
      statuses: [
        { state: 'IN_PROGRESS', createdAt: iso(created + 60 * 1000) },
        { state: failed ? 'FAILURE' : 'SUCCESS', createdAt: iso(created + 5 * 60 * 1000) },
      ],
    });
  }
  for (let i = 0; i < o.stagingDeployments; i++) {
    const oid = oids[Math.floor(rnd() * oids.length)];
    const created = Date.parse(repo.commits[oid].committedDate) + 60 * 1000;
    deployments.push({
      databaseId: 500000 + i,
      environment: 'staging',
      commitOid: oid,
      createdAt: iso(created),
      updatedAt: iso(created),
      statuses: [{ state: 'SUCCESS', createdAt: iso(created + 60 * 1000) }],
    });
  }
  repo.deployments = deployments;

  const runs: FakeRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    const oid = oids[Math.floor((i / o.runs) * oids.length)];
    const created = Date.parse(repo.commits[oid].committedDate) + 30 * 1000;
    const rerun = i % 30 === 7;
    const attempt = (conclusion: string, offset: number) => ({
      status: 'completed' as const,
      conclusion,
      runStartedAt: iso(created + offset),
      updatedAt: iso(created + offset + 6 * 60 * 1000),
    });
    runs.push({
      id: 9000000 + i,
      name: 'CI',
      headBranch: 'main',
      headSha: oid,
      event: 'push',
      createdAt: iso(created),
      attempts: rerun
        ? [attempt('failure', 0), attempt('success', 10 * 60 * 1000)]
        : [attempt(rnd() < 0.1 ? 'failure' : 'success', 0)],
    });
  }
  repo.runs = runs;

  const issues: FakeIssue[] = [];
  for (let i = 0; i < o.incidents; i++) {
    const created = start + Math.round(((i + 0.5) / o.incidents) * (o.now - start));
    issues.push({
      number: 10000 + i,
      title: `Incident ${i}`,
      body: `Impact start: ${iso(created - 15 * 60 * 1000)}`,
      createdAt: iso(created),
      updatedAt: iso(created + 2 * 3600e3),
      closedAt: iso(created + 2 * 3600e3),
      state: 'CLOSED',
      stateReason: 'COMPLETED',
      labels: ['incident'],
    });
  }
  repo.issues = issues;
  return repo;
}
