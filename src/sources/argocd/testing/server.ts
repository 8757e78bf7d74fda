/**
 * A fake Argo CD on loopback, standing where Grafana's proxy route `argocd` would be: `${url}/argocd/api/v1/...`
 * serves the application list (filtered by `projects` as Argo CD does), the signed-in account and can-i. Answers
 * are built by applications.ts in the swagger's shapes; errors use Argo CD's runtimeError body.
 */
import { Loopback, startLoopback } from '../../testing/loopback';
import { applicationList, FakeArgoApp, runtimeError } from './applications';

export interface FakeArgoCd extends Loopback {
  apps: FakeArgoApp[];
  /** Actions the account may do on applications (default: get only). */
  allowed: string[];
  username: string;
}

export async function startFakeArgoCd(apps: FakeArgoApp[]): Promise<FakeArgoCd> {
  const state = { apps, allowed: ['get'], username: 'grafana' };
  const loopback = await startLoopback((r) => {
    if (r.method !== 'GET') {
      return { status: 405, body: runtimeError(12, 'method not allowed') };
    }
    if (r.path === '/argocd/api/v1/applications') {
      const projects = r.query.getAll('projects');
      const selected =
        projects.length > 0 ? fake.apps.filter((a) => projects.indexOf(a.project ?? 'default') >= 0) : fake.apps;
      return { status: 200, body: applicationList(selected) };
    }
    if (r.path === '/argocd/api/v1/session/userinfo') {
      return { status: 200, body: { loggedIn: true, username: fake.username, iss: 'argocd' } };
    }
    const canI = /^\/argocd\/api\/v1\/account\/can-i\/([^/]+)\/([^/]+)\/(.+)$/.exec(r.path);
    if (canI) {
      const yes = canI[1] === 'applications' && fake.allowed.indexOf(canI[2]) >= 0;
      return { status: 200, body: { value: yes ? 'yes' : 'no' } };
    }
    return { status: 404, body: runtimeError(5, `Not Found: ${r.path}`) };
  });
  const fake: FakeArgoCd = Object.assign(loopback, state);
  return fake;
}
