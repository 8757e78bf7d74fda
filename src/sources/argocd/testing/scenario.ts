/**
 * A hand-made week of Argo CD syncs (Monday T0 = 2026-03-02 00:00 UTC) and the commits GitHub would give for them,
 * used by the mapper, source and end-to-end tests. Every number the tests expect is worked out from this file.
 *
 * checkout-prod (label env=production, service=checkout), repo acme/checkout:
 *   #1 a1 T0-2d 10:00  (before the week; first known deployment)
 *   #2 b2 T0+1d 09:55 -> 10:00
 *   #3 c3 T0+2d 13:50 -> 14:00
 *   #4 b2 T0+2d 14:55 -> 15:00  (back to an older revision: a rollback of #3)
 *   #5 d4 T0+3d 10:50 -> 11:00
 *   operation: sync of e5 failed T0+4d 09:00 -> 09:02
 * checkout-staging (env=staging): #1 e5 T0+3d 16:00
 */
import { Change } from '../../../engine';
import { commit } from '../../testing/changes';
import { FakeArgoApp } from './applications';

export const T0 = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export function at(day: number, hh: number, mm = 0): string {
  return new Date(T0 + day * DAY + hh * HOUR + mm * 60000).toISOString().replace('.000Z', 'Z');
}

export const SHA = {
  a1: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
  b2: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',
  c3: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
  d4: 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4',
  e5: 'e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5',
};

export function shopApps(): FakeArgoApp[] {
  const repoURL = 'https://github.com/acme/checkout.git';
  return [
    {
      name: 'checkout-prod',
      project: 'payments',
      labels: { env: 'production', service: 'checkout' },
      repoURL,
      path: 'deploy/production',
      history: [
        { id: 1, sha: SHA.a1, deployedAt: at(-2, 10) },
        { id: 2, sha: SHA.b2, startedAt: at(1, 9, 55), deployedAt: at(1, 10) },
        { id: 3, sha: SHA.c3, startedAt: at(2, 13, 50), deployedAt: at(2, 14) },
        { id: 4, sha: SHA.b2, startedAt: at(2, 14, 55), deployedAt: at(2, 15) },
        { id: 5, sha: SHA.d4, startedAt: at(3, 10, 50), deployedAt: at(3, 11) },
      ],
      operation: {
        phase: 'Failed',
        sha: SHA.e5,
        startedAt: at(4, 9),
        finishedAt: at(4, 9, 2),
        message: 'one or more objects failed to apply',
      },
      sync: 'OutOfSync',
      health: 'Healthy',
    },
    {
      name: 'checkout-staging',
      project: 'payments',
      labels: { env: 'staging', service: 'checkout' },
      repoURL,
      path: 'deploy/staging',
      history: [{ id: 1, sha: SHA.e5, startedAt: at(3, 15, 58), deployedAt: at(3, 16) }],
      operation: { phase: 'Succeeded', sha: SHA.e5, startedAt: at(3, 15, 58), finishedAt: at(3, 16) },
    },
    {
      name: 'billing-prod',
      project: 'billing',
      labels: { env: 'production', service: 'billing' },
      repoURL: 'git@github.com:acme/billing.git',
      history: [{ id: 7, sha: SHA.a1, deployedAt: at(0, 12) }],
    },
  ];
}

/** The commits of acme/checkout as the GitHub source would map them (changes meet deployments on repo + SHA). */
export function checkoutChanges(): Change[] {
  const c = (sha: string, parent: string | undefined, committedAt: string) =>
    commit('acme/checkout', sha, parent, Date.parse(committedAt));
  return [
    c(SHA.a1, undefined, at(-3, 9)),
    c(SHA.b2, SHA.a1, at(1, 8)),
    c(SHA.c3, SHA.b2, at(2, 12)),
    c(SHA.d4, SHA.c3, at(3, 8)),
    c(SHA.e5, SHA.d4, at(3, 15)),
  ];
}
