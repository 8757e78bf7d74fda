/**
 * Argo CD's REST API through the plugin.json route `argocd` (Grafana's proxy, or the backend in server mode,
 * adds the read-only account's token): the application list with each application's sync history and current
 * operation, the signed-in account and what it may do. Errors become notices naming the fix.
 */
import { messageOf } from '../../engine';
import { HttpClient } from '../http';
import { JsonApi } from '../jsonApi';
import { CallContext } from '../rest';
import { HttpApiError } from '../httpError';
import { ArgoApplication, ArgoApplicationList, ArgoCanIResponse, ArgoUserInfo } from './apiTypes';
import { ResolvedArgoCdSettings } from '../../settings/argocd';

/** The plugin.json route the client sends through. */
export const ARGOCD_ROUTE = 'argocd';

export interface ArgoCdClientOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the route hangs below it. */
  proxyUrl: string;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class ArgoCdClient {
  readonly api: JsonApi;

  constructor(options: ArgoCdClientOptions) {
    this.api = new JsonApi({
      http: options.http,
      provider: 'Argo CD',
      base: `${options.proxyUrl.replace(/\/+$/, '')}/${ARGOCD_ROUTE}`,
      now: options.now,
      sleep: options.sleep,
    });
  }

  /**
   * The applications the settings select. Projects are filtered by Argo CD, a name pattern here. The list is not
   * trimmed with `fields`: Argo CD's field filter cannot select status.history.
   */
  async applications(settings: ResolvedArgoCdSettings, call: CallContext): Promise<ArgoApplication[]> {
    const list = await this.api.get<ArgoApplicationList>(
      '/api/v1/applications',
      settings.projects.length > 0 ? { projects: settings.projects } : undefined,
      call
    );
    const items = Array.isArray(list?.items) ? list.items : [];
    const pattern = settings.namePattern;
    return pattern ? items.filter((app) => pattern.test(app.metadata?.name ?? '')) : items;
  }

  userInfo(call: CallContext): Promise<ArgoUserInfo> {
    return this.api.get<ArgoUserInfo>('/api/v1/session/userinfo', undefined, call);
  }

  /** Whether the account may do `action` on `resource` (Argo CD's RBAC): "yes" or "no". */
  async canI(resource: string, action: string, subresource: string, call: CallContext): Promise<boolean> {
    const path = `/api/v1/account/can-i/${resource}/${action}/${encodeURIComponent(subresource)}`;
    const answer = await this.api.get<ArgoCanIResponse>(path, undefined, call);
    return answer?.value === 'yes';
  }
}

/** "Argo CD: what happened. The fix." Never contains the token: it only exists in the proxy or the backend. */
export function describeArgoError(e: unknown): string {
  if (e instanceof HttpApiError) {
    switch (e.kind) {
      case 'auth':
        return `Argo CD rejected the token (${e.status}). Generate a token for a read-only account (argocd account generate-token --account grafana) and set it in the Argo CD section of the data source settings.`;
      case 'forbidden':
        return `Argo CD: the account may not read applications (${e.status}${e.detail ? `: ${e.detail}` : ''}). Give it the role:readonly policy in argocd-rbac-cm.`;
      case 'not-found':
        return `Argo CD answered 404 for ${e.path}. Check the Argo CD URL: it is the server's address (e.g. https://argocd.example.com), without /api or an application path.`;
      case 'server':
        return `Argo CD answered ${e.status} (a server-side error${e.detail ? `: ${e.detail}` : ''}) after retries. Check the Argo CD server and refresh later.`;
      default:
        return `Argo CD answered ${e.status}${e.detail ? `: ${e.detail}` : ''} for ${e.path}.`;
    }
  }
  return `Argo CD could not be reached (${messageOf(e)}). Check the Argo CD URL and that Grafana's server can reach it.`;
}
