/**
 * A small, hand-checkable GitLab world: one week of acme/platform/shop (a project in a subgroup), used by the source
 * tests and the end-to-end test. T0 = Monday 2026-01-05 00:00 UTC. Environments: production and production-eu (tier
 * production), staging (tier staging).
 *
 *   T0-10d      c0 committed; deployment 1 (made through the API, no job) deploys it at T0-9d: first deployment
 *   T0 10:00    !1 first commit authored; opened 12:00; approved T0+1d 08:00; squash-merged as s1 at T0+1d 09:00
 *   T0+1d 11:00 c2 committed directly on main
 *               pipeline 501 (c2): test fails 11:40, is retried and passes 11:50 (flaky); deploy-us runs 12:05-12:30
 *               -> deployment 2 ships s1 (3h30 lead time) and c2 (1h30); its record is updated at 18:00 (environment
 *               stopped), which is not its finish
 *   T0+1d 14:00 !2 first commit f1 authored; opened 15:00; carol comments T0+2d 08:00; rebased (f1 committed 09:30,
 *               f2 "Add feature X" 09:40) and fast-forward merged at 10:00: f1 and f2 land on main as they are
 *               pipeline 502 (f2): deploy-us -> production 11:00-11:10 (deployment 3), deploy-eu -> production-eu
 *               11:12-11:20 (deployment 4): one deployment, finishing 11:20 -> ships f1 (1h50) and f2 (1h40)
 *   T0+2d 12:45 impact starts; incident #10 (type incident, severity high) opened 13:00 "Caused by !2", closed 15:00
 *   T0+3d 09:00 c4 'Revert "Add feature X"' committed
 *               pipeline 503 (c4): deploy-us fails 09:20 (deployment 5); pipeline 504, a new pipeline for c4, passes
 *               and deploys 09:40 (deployment 6) -> ships c4 (40 min); 503 then 504 is a flaky re-run
 *   staging deployments are never read (tier staging); issue #11 is a plain issue, #12 an incident closed as duplicate
 *   authors: !1 and !2 Alice; commits (git names) c2 Bob, c4 Carol, the others Alice, except !1's squash commit s1,
 *   recorded as Bob's (who merged it): the change is still Alice's
 */
import {
  addCommit,
  emptyProject,
  emptyWorld,
  FakeGitLabWorld,
  FakeGlJob,
  FakeGlPipeline,
  FakeGlProject,
} from './world';

export const T0 = Date.parse('2026-01-05T00:00:00Z');
export const PROJECT = 'acme/platform/shop';
const H = 3600 * 1000;
const D = 24 * H;
export const at = (days: number, hours = 0, minutes = 0) =>
  new Date(T0 + days * D + hours * H + minutes * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A 40-hex SHA that reads back to its seed in tests. */
export function sha(seed: string): string {
  const hex = Array.from(seed)
    .map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('');
  return (hex + '0'.repeat(40)).slice(0, 40);
}

/** Users of emptyWorld(): the authors of the commits (git names Alice, Bob, Carol). */
const [ALICE, BOB, CAROL] = [1, 2, 3];

export const SHA = {
  c0: sha('c0'),
  pr1a: sha('pr1-a'),
  s1: sha('s1'),
  c2: sha('c2'),
  f1: sha('f1'),
  f2: sha('f2'),
  c4: sha('c4'),
};

function pipeline(
  id: number,
  commit: string,
  createdAt: string,
  updatedAt: string,
  status = 'success',
  ref = 'main'
): FakeGlPipeline {
  return { id, sha: commit, ref, status, source: 'push', createdAt, updatedAt };
}

let nextJob = 9000;
function job(p: FakeGlPipeline, name: string, status: string, start: string, finish: string | null): FakeGlJob {
  return {
    id: nextJob++,
    name,
    stage: name.startsWith('deploy') ? 'deploy' : name,
    status,
    pipeline: p,
    createdAt: p.createdAt,
    startedAt: start,
    finishedAt: finish,
  };
}

export function shopProject(): FakeGlProject {
  nextJob = 9000;
  const p = emptyProject(PROJECT, 11);
  p.environments = [
    { id: 1, name: 'production', tier: 'production' },
    { id: 2, name: 'production-eu', tier: 'production' },
    { id: 3, name: 'staging', tier: 'staging' },
  ];
  const commit = (id: string, when: string, title: string, authored = when, author = ALICE) =>
    addCommit(p, 'main', { id, title, authoredDate: authored, committedDate: when, author });
  commit(SHA.c0, at(-10), 'Initial shop');
  commit(SHA.s1, at(1, 9), 'Checkout page', at(0, 10), BOB);
  commit(SHA.c2, at(1, 11), 'Fix typo', at(1, 11), BOB);
  commit(SHA.f1, at(2, 9, 30), 'Prepare feature X', at(1, 14));
  commit(SHA.f2, at(2, 9, 40), 'Add feature X', at(2, 9));
  commit(SHA.c4, at(3, 9), 'Revert "Add feature X"', at(3, 9), CAROL);

  p.mergeRequests = [
    {
      iid: 1,
      title: 'Checkout page',
      targetBranch: 'main',
      sourceBranch: 'feature/checkout',
      author: 1,
      createdAt: at(0, 12),
      updatedAt: at(1, 9),
      mergedAt: at(1, 9),
      labels: ['enhancement'],
      sha: SHA.pr1a,
      mergeCommitSha: null,
      squashCommitSha: SHA.s1,
      commits: [
        { id: SHA.pr1a, title: 'WIP checkout', parents: [SHA.c0], authoredDate: at(0, 10), committedDate: at(0, 10) },
      ],
      notes: [
        { author: 1, body: 'Ready for review', system: false, createdAt: at(0, 12, 5) },
        { author: 2, body: 'approved this merge request', system: true, createdAt: at(1, 8) },
        { author: 2, body: 'merged', system: true, createdAt: at(1, 9) },
      ],
    },
    {
      iid: 2,
      title: 'Feature X',
      targetBranch: 'main',
      sourceBranch: 'feature/x',
      author: 1,
      createdAt: at(1, 15),
      updatedAt: at(2, 10),
      mergedAt: at(2, 10),
      labels: [],
      sha: SHA.f2,
      mergeCommitSha: null,
      squashCommitSha: null,
      commits: [p.commits[SHA.f1], p.commits[SHA.f2]],
      notes: [
        { author: 1, body: 'added 1 commit', system: true, createdAt: at(1, 15, 1) },
        { author: 3, body: 'Looks good, one question', system: false, createdAt: at(2, 8) },
      ],
    },
  ];

  const p500 = pipeline(500, SHA.s1, at(1, 9, 1), at(1, 9, 20));
  const p501 = pipeline(501, SHA.c2, at(1, 11, 1), at(1, 12, 30));
  const p502 = pipeline(502, SHA.f2, at(2, 10, 30), at(2, 11, 20));
  const p503 = pipeline(503, SHA.c4, at(3, 9, 1), at(3, 9, 20), 'failed');
  const p504 = pipeline(504, SHA.c4, at(3, 9, 21), at(3, 9, 40));
  const p505 = pipeline(505, SHA.f2, at(2, 9, 41), at(2, 9, 50), 'success', 'feature/x');
  const deployUs501 = job(p501, 'deploy-us', 'success', at(1, 12, 5), at(1, 12, 30));
  const deployUs502 = job(p502, 'deploy-us', 'success', at(2, 11), at(2, 11, 10));
  const deployEu502 = job(p502, 'deploy-eu', 'success', at(2, 11, 12), at(2, 11, 20));
  const deployUs503 = job(p503, 'deploy-us', 'failed', at(3, 9, 10), at(3, 9, 20));
  const deployUs504 = job(p504, 'deploy-us', 'success', at(3, 9, 30), at(3, 9, 40));
  const staging502 = job(p502, 'deploy-staging', 'success', at(2, 10, 45), at(2, 10, 50));
  p.jobs = [
    job(p500, 'build', 'success', at(1, 9, 2), at(1, 9, 10)),
    job(p500, 'test', 'success', at(1, 9, 10), at(1, 9, 20)),
    { ...job(p500, 'deploy-us', 'manual', at(1, 9, 20), null), startedAt: null },
    job(p501, 'build', 'success', at(1, 11, 1), at(1, 11, 10)),
    job(p501, 'test', 'failed', at(1, 11, 10), at(1, 11, 40)),
    job(p501, 'test', 'success', at(1, 11, 41), at(1, 11, 50)),
    deployUs501,
    job(p502, 'build', 'success', at(2, 10, 31), at(2, 10, 40)),
    staging502,
    deployUs502,
    deployEu502,
    job(p503, 'build', 'success', at(3, 9, 1), at(3, 9, 5)),
    deployUs503,
    job(p504, 'build', 'success', at(3, 9, 22), at(3, 9, 25)),
    deployUs504,
    job(p505, 'build', 'success', at(2, 9, 42), at(2, 9, 50)),
  ];
  p.deployments = [
    {
      id: 101,
      iid: 1,
      environment: 'production',
      ref: 'main',
      sha: SHA.c0,
      status: 'success',
      createdAt: at(-9),
      updatedAt: at(-9, 0, 10),
    },
    {
      id: 102,
      iid: 2,
      environment: 'production',
      ref: 'main',
      sha: SHA.c2,
      status: 'success',
      createdAt: at(1, 12),
      updatedAt: at(1, 18),
      job: deployUs501,
    },
    {
      id: 103,
      iid: 3,
      environment: 'production',
      ref: 'main',
      sha: SHA.f2,
      status: 'success',
      createdAt: at(2, 10, 31),
      updatedAt: at(2, 11, 10),
      job: deployUs502,
    },
    {
      id: 104,
      iid: 4,
      environment: 'production-eu',
      ref: 'main',
      sha: SHA.f2,
      status: 'success',
      createdAt: at(2, 10, 31),
      updatedAt: at(2, 11, 20),
      job: deployEu502,
    },
    {
      id: 105,
      iid: 5,
      environment: 'production',
      ref: 'main',
      sha: SHA.c4,
      status: 'failed',
      createdAt: at(3, 9, 1),
      updatedAt: at(3, 9, 20),
      job: deployUs503,
    },
    {
      id: 106,
      iid: 6,
      environment: 'production',
      ref: 'main',
      sha: SHA.c4,
      status: 'success',
      createdAt: at(3, 9, 21),
      updatedAt: at(3, 9, 40),
      job: deployUs504,
    },
    {
      id: 107,
      iid: 7,
      environment: 'staging',
      ref: 'main',
      sha: SHA.f2,
      status: 'success',
      createdAt: at(2, 10, 31),
      updatedAt: at(2, 10, 50),
      job: staging502,
    },
  ];
  p.issues = [
    {
      iid: 10,
      title: 'Checkout errors after feature X',
      description: 'Impact start: 2026-01-07T12:45:00Z\n\nCaused by !2',
      type: 'INCIDENT',
      severity: 'HIGH',
      labels: ['incident'],
      state: 'closed',
      createdAt: at(2, 13),
      updatedAt: at(2, 15),
      closedAt: at(2, 15),
    },
    {
      iid: 11,
      title: 'Improve docs',
      description: '',
      type: 'ISSUE',
      labels: [],
      state: 'opened',
      createdAt: at(2, 9),
      updatedAt: at(2, 9),
      closedAt: null,
    },
    {
      iid: 12,
      title: 'Checkout down (again?)',
      description: 'Same as #10',
      type: 'INCIDENT',
      labels: [],
      state: 'closed',
      createdAt: at(2, 13, 5),
      updatedAt: at(2, 13, 30),
      closedAt: at(2, 13, 30),
      duplicateOf: 10,
    },
  ];
  return p;
}

export function shopWorld(): FakeGitLabWorld {
  const world = emptyWorld();
  world.projects[PROJECT] = shopProject();
  world.groups.acme = [PROJECT];
  return world;
}
