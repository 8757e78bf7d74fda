/**
 * The Argo CD part of "Save & test": the token is accepted, the account sees applications of the configured
 * scope, and it cannot sync or delete them (a read-only account is asked for; a writing one is a warning,
 * since every viewer of the data source can use the token through the proxy).
 */
import { isAbortError } from '../abort';
import { CallContext } from '../rest';
import { HealthCheckItem } from '../types';
import { ArgoCdClient, describeArgoError } from './client';
import { ResolvedArgoCdSettings } from '../../settings/argocd';

const SOURCE = 'argocd';
const WRITE_ACTIONS = ['sync', 'delete', 'update'];

export async function checkArgoCdHealth(
  client: ArgoCdClient,
  settings: ResolvedArgoCdSettings,
  call: CallContext
): Promise<HealthCheckItem[]> {
  const items: HealthCheckItem[] = [];
  try {
    const user = await client.userInfo(call);
    if (user?.loggedIn === false) {
      return [
        {
          source: SOURCE,
          status: 'error',
          message:
            'Argo CD does not recognise the token (not logged in). Set a token of a read-only account in the Argo CD section.',
        },
      ];
    }
    const apps = await client.applications(settings, call);
    const scope =
      settings.scope === 'projects'
        ? ` in project${settings.projects.length === 1 ? '' : 's'} ${settings.projects.join(', ')}`
        : settings.scope === 'pattern'
          ? ` matching ${String(settings.namePattern)}`
          : '';
    if (apps.length === 0) {
      items.push({
        source: SOURCE,
        status: 'warning',
        message: `Argo CD is reachable as ${user?.username ?? 'the token'}, but it sees no application${scope}. Check the scope and that the account may get applications (role:readonly).`,
      });
    } else {
      const synced = apps.filter((a) => a.status?.sync?.status === 'Synced').length;
      const degraded = apps.filter((a) => a.status?.health?.status === 'Degraded').length;
      items.push({
        source: SOURCE,
        status: 'ok',
        message: `reachable as ${user?.username ?? 'the token'}, ${apps.length} application${apps.length === 1 ? '' : 's'}${scope} (${synced} synced${degraded > 0 ? `, ${degraded} degraded` : ''})`,
      });
    }
    const writes: string[] = [];
    for (const action of WRITE_ACTIONS) {
      if (await client.canI('applications', action, '*/*', call)) {
        writes.push(action);
      }
    }
    if (writes.length > 0) {
      items.push({
        source: SOURCE,
        status: 'warning',
        message: `the Argo CD token may ${writes.join(', ')} applications. Anyone who can query this data source can use it through Grafana's proxy: use a read-only account (policy role:readonly).`,
      });
    }
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    items.push({ source: SOURCE, status: 'error', message: describeArgoError(e) });
  }
  return items;
}
