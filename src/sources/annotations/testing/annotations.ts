/**
 * Annotation answers for the tests and the fake, shaped like the documented "Find annotations" example of
 * Grafana's HTTP API (id, alertId, dashboardId, dashboardUID, panelId, userId, newState, prevState, created,
 * updated, time, timeEnd, text, tags, login, email, avatarUrl, data) and validated against annotation.schema.json
 * by ../fixtures.test.ts. The week: Monday T0 = 2026-03-02 00:00 UTC.
 */
import { GrafanaAnnotation } from '../apiTypes';

export const T0 = Date.parse('2026-03-02T00:00:00Z');
const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;

export function at(day: number, hh: number, mm = 0): number {
  return T0 + day * DAY + (hh * 60 + mm) * MIN;
}

export function annotation(
  id: number,
  time: number,
  tags: string[],
  text: string,
  extra: Partial<GrafanaAnnotation> = {}
): GrafanaAnnotation {
  return {
    id,
    alertId: 0,
    dashboardId: 0,
    dashboardUID: null,
    panelId: 0,
    userId: 3,
    newState: '',
    prevState: '',
    created: time,
    updated: time,
    time,
    timeEnd: time,
    text,
    tags,
    login: 'deploy-bot',
    email: 'deploy-bot@example.com',
    avatarUrl: '/avatar/46d229b033af06a191ff2267bca9ae56',
    data: {},
    ...extra,
  };
}

export const SHA = {
  a: 'a1'.repeat(20),
  b: 'b2'.repeat(20),
  c: 'c3'.repeat(20),
  d: 'd4'.repeat(20),
};

/**
 * checkout deployments posted by a deploy job (tags deploy, service:, sha:, env:), one failed, one on staging;
 * an incident region on the dashboard "ops" naming the SHA that caused it; one annotation of another kind.
 */
export function shopAnnotations(): GrafanaAnnotation[] {
  return [
    annotation(101, at(-3, 10), ['deploy', 'service:checkout', `sha:${SHA.a}`, 'env:production'], 'Deployed checkout'),
    annotation(
      102,
      at(1, 9, 50),
      ['deploy', 'service:checkout', `sha:${SHA.b}`, 'env:production'],
      'Deployed checkout <b>v1.2</b>',
      {
        timeEnd: at(1, 10),
      }
    ),
    annotation(
      103,
      at(2, 14),
      ['deploy', 'service:checkout', 'env:production'],
      `Deployed checkout sha=${SHA.c} from CI`
    ),
    annotation(
      104,
      at(3, 11),
      ['deploy', 'service:checkout', `sha:${SHA.d}`, 'status:failed'],
      'Deploy of checkout failed'
    ),
    annotation(
      105,
      at(3, 12),
      ['deploy', 'service:checkout', `sha:${SHA.d}`, 'env:staging'],
      'Deployed checkout to staging'
    ),
    annotation(
      201,
      at(2, 15),
      ['incident', 'service:checkout', 'severity:SEV2', `sha:${SHA.c}`],
      'Checkout errors<br>rolled forward',
      {
        timeEnd: at(2, 16, 30),
        dashboardUID: 'ops',
        dashboardId: 12,
        panelId: 4,
      }
    ),
    annotation(301, at(2, 9), ['release-notes'], 'Not a deployment'),
  ];
}
