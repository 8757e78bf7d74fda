/**
 * A small, hand-checkable GitHub world: one week of acme/shop (see the timeline below), used by the source
 * tests and the end-to-end test. T0 = Monday 2026-01-05 00:00 UTC.
 *
 *   T0-10d      c0 committed; d0 deploys it (T0-9d) -> first deployment: its changes are unknown
 *   T0 10:00    PR #1 first commit authored; opened 12:00; first review T0+1d 08:00; squash-merged as c1 09:00
 *   T0+1d 11:00 c2 committed directly on main
 *   T0+1d 12:30 d1 (c2) succeeds -> ships c1 (3h30 lead time) and c2 (1h30)
 *   T0+2d 10:00 c3 "Add feature X" (PR #2, merge commit m3 at 10:05 with parents c2 + c3)
 *   T0+2d 11:20 d2 (m3) succeeds -> ships c3 (1h20 from c3) and m3 (1h15)
 *   T0+2d 12:45 impact starts; issue #10 (label incident) opened 13:00, "Caused by <short c3>", closed 15:00
 *   T0+3d 09:00 c4 "Revert "Add feature X"" committed
 *   T0+3d 09:20 d3 (c4) fails; 09:40 d4 (c4) succeeds -> ships c4 (40 min)
 *   staging deployments are never read (environment pattern ^production$)
 *   workflow runs: 101 CI on c2 failed then passed on re-run (flaky), 102 CI on c3 passed, 103 CI on c4 failed,
 *   104 CI cancelled; 105 "Deploy" on main (c4), jobs "build" and "deploy-prod"
 *   authors: PR #1 alice (its squash commit c1 recorded as dana's, who merged it), PR #2 carol (its merge commit m3
 *   alice's, who merged it), c3 and c4 carol (logins), c2 "Bob Builder" (an email no account claims), c0 none
 */
import { addCommit, emptyRepo, FakeRepo, FakeWorld, iso, sha } from './world';

export const T0 = Date.parse('2026-01-05T00:00:00Z');
const H = 3600 * 1000;
const D = 24 * H;
export const at = (days: number, hours = 0, minutes = 0) => iso(T0 + days * D + hours * H + minutes * 60 * 1000);

export const SHA = {
  c0: sha('c0'),
  c1: sha('c1'),
  c2: sha('c2'),
  c3: sha('c3'),
  m3: sha('m3'),
  c4: sha('c4'),
  pr1a: sha('pr1-a'),
};

const ALICE = { name: 'Alice Example', login: 'alice' };
const CAROL = { name: 'Carol Example', login: 'carol' };

export function shopRepo(): FakeRepo {
  const repo = emptyRepo('acme/shop');
  repo.environments = ['production', 'staging'];
  const commit = (
    oid: string,
    when: string,
    message: string,
    extra: { pullRequest?: number; parents?: string[]; author?: { name: string; login?: string } } = {}
  ) => addCommit(repo, 'main', { oid, committedDate: when, authoredDate: when, message, ...extra });
  commit(SHA.c0, at(-10), 'Initial shop');
  commit(SHA.c1, at(1, 9), 'Checkout page (#1)', {
    pullRequest: 1,
    author: { name: 'Dana Maintainer', login: 'dana' },
  });
  commit(SHA.c2, at(1, 11), 'Fix typo', { author: { name: 'Bob Builder' } });
  // PR #2 is merged with a merge commit: c3 sits on its branch, m3 on main.
  repo.commits[SHA.c3] = {
    oid: SHA.c3,
    committedDate: at(2, 10),
    authoredDate: at(2, 10),
    message: 'Add feature X',
    parents: [SHA.c2],
    pullRequest: 2,
    author: CAROL,
  };
  commit(SHA.m3, at(2, 10, 5), 'Merge pull request #2 from acme/feature-x', {
    parents: [SHA.c2, SHA.c3],
    pullRequest: 2,
    author: ALICE,
  });
  commit(SHA.c4, at(3, 9), 'Revert "Add feature X"', { author: CAROL });

  repo.pullRequests = [
    {
      number: 1,
      title: 'Checkout page',
      baseRefName: 'main',
      headRefName: 'feature/checkout',
      author: 'alice',
      createdAt: at(0, 12),
      updatedAt: at(1, 9),
      mergedAt: at(1, 9),
      mergeCommit: SHA.c1,
      labels: ['enhancement'],
      commits: [{ oid: SHA.pr1a, authoredDate: at(0, 10), committedDate: at(0, 10) }],
      reviews: [at(1, 8)],
    },
    {
      number: 2,
      title: 'Feature X',
      baseRefName: 'main',
      headRefName: 'feature/x',
      author: 'carol',
      createdAt: at(2, 9, 30),
      updatedAt: at(2, 10, 5),
      mergedAt: at(2, 10, 5),
      mergeCommit: SHA.m3,
      labels: [],
      commits: [{ oid: SHA.c3, authoredDate: at(2, 10), committedDate: at(2, 10) }],
      reviews: [at(2, 10, 1)],
    },
  ];

  const deployment = (
    databaseId: number,
    commitOid: string,
    created: string,
    final: 'SUCCESS' | 'FAILURE',
    finished: string,
    environment = 'production'
  ) => ({
    databaseId,
    environment,
    commitOid,
    createdAt: created,
    updatedAt: finished,
    ref: 'main',
    statuses: [
      { state: 'IN_PROGRESS' as const, createdAt: created },
      { state: final, createdAt: finished },
    ],
  });
  repo.deployments = [
    deployment(900, SHA.c0, at(-9), 'SUCCESS', at(-9, 0, 10)),
    deployment(901, SHA.c2, at(1, 12), 'SUCCESS', at(1, 12, 30)),
    deployment(902, SHA.m3, at(2, 11), 'SUCCESS', at(2, 11, 20)),
    deployment(903, SHA.c4, at(3, 9, 10), 'FAILURE', at(3, 9, 20)),
    deployment(904, SHA.c4, at(3, 9, 30), 'SUCCESS', at(3, 9, 40)),
    deployment(950, SHA.c3, at(2, 10, 30), 'SUCCESS', at(2, 10, 40), 'staging'),
  ];

  repo.issues = [
    {
      number: 10,
      title: 'Checkout errors after feature X',
      body: `Impact start: ${at(2, 12, 45)}\n\nCaused by ${SHA.c3.slice(0, 7)}; reverting.`,
      createdAt: at(2, 13),
      updatedAt: at(2, 15),
      closedAt: at(2, 15),
      state: 'CLOSED',
      stateReason: 'COMPLETED',
      labels: ['incident', 'sev2'],
    },
    {
      number: 11,
      title: 'False alarm',
      body: 'Monitoring blip',
      createdAt: at(3, 1),
      updatedAt: at(3, 2),
      closedAt: at(3, 2),
      state: 'CLOSED',
      stateReason: 'NOT_PLANNED',
      labels: ['incident'],
    },
  ];

  const done = (conclusion: string, start: string, end: string) => ({
    status: 'completed' as const,
    conclusion,
    runStartedAt: start,
    updatedAt: end,
  });
  repo.runs = [
    {
      id: 101,
      name: 'CI',
      headBranch: 'main',
      headSha: SHA.c2,
      event: 'push',
      createdAt: at(1, 11, 1),
      attempts: [done('failure', at(1, 11, 1), at(1, 11, 6)), done('success', at(1, 11, 10), at(1, 11, 16))],
    },
    {
      id: 102,
      name: 'CI',
      headBranch: 'main',
      headSha: SHA.m3,
      event: 'push',
      createdAt: at(2, 10, 6),
      attempts: [done('success', at(2, 10, 6), at(2, 10, 14))],
    },
    {
      id: 103,
      name: 'CI',
      headBranch: 'main',
      headSha: SHA.c4,
      event: 'push',
      createdAt: at(3, 9, 1),
      attempts: [done('failure', at(3, 9, 1), at(3, 9, 5))],
    },
    {
      id: 104,
      name: 'CI',
      headBranch: 'feature/y',
      headSha: SHA.c4,
      event: 'push',
      createdAt: at(3, 10),
      attempts: [done('cancelled', at(3, 10), at(3, 10, 2))],
    },
    {
      id: 105,
      name: 'Deploy',
      headBranch: 'main',
      headSha: SHA.c4,
      event: 'push',
      createdAt: at(3, 9, 25),
      attempts: [done('success', at(3, 9, 25), at(3, 9, 41))],
      jobs: [
        {
          name: 'build',
          status: 'COMPLETED',
          conclusion: 'SUCCESS',
          startedAt: at(3, 9, 25),
          completedAt: at(3, 9, 30),
        },
        {
          name: 'deploy-prod',
          status: 'COMPLETED',
          conclusion: 'SUCCESS',
          startedAt: at(3, 9, 31),
          completedAt: at(3, 9, 40),
        },
      ],
    },
  ];
  return repo;
}

export function shopWorld(): FakeWorld {
  const repo = shopRepo();
  return { login: 'octocat', repos: { 'acme/shop': repo }, orgs: { acme: ['acme/shop'] } };
}
