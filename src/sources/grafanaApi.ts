/**
 * Grafana's own HTTP API (annotations, data source queries) as the annotations and data source bridge sources
 * reach it. In the browser they call it with the viewer's session (same origin, no token). On the server (alerting,
 * server mode) the backend calls it through the plugin.json route `grafana` with the service account token
 * stored in the settings; without one it cannot, and the sources say so instead of fetching.
 */
import { messageOf } from '../engine';
import { HttpApiError } from './httpError';
import { GRAFANA_TOKEN_KEY } from '../settings/grafanaApi';
import { SERVER_KEY_SUFFIX } from '../settings/serverMode';

/**
 * The prefix of the plugin.json routes to Grafana's own API: grafana/api/annotations (GET) and grafana/api/ds/query
 * (POST), each to {{ .JsonData.grafanaApi.url }} with the token grafanaToken (src/settings/grafanaApi.ts).
 */
export const GRAFANA_ROUTE = 'grafana';

export interface GrafanaApiAccess {
  /** Prefix of /api/... paths: '' in the browser (same origin), `${proxyBase}/grafana` on the server. */
  base: string;
  /** 'session': the viewer's own session; 'token': the service account token; 'missing': server without a token. */
  auth: 'session' | 'token' | 'missing';
}

export const BROWSER_GRAFANA_API: GrafanaApiAccess = { base: '', auth: 'session' };

/** Access on the server: the route below the backend's empty base, if a token is stored under either key. */
export function serverGrafanaApi(secureKeys: string[]): GrafanaApiAccess {
  const configured =
    secureKeys.indexOf(GRAFANA_TOKEN_KEY) >= 0 || secureKeys.indexOf(`${GRAFANA_TOKEN_KEY}${SERVER_KEY_SUFFIX}`) >= 0;
  return { base: `/${GRAFANA_ROUTE}`, auth: configured ? 'token' : 'missing' };
}

/** What a source says when it runs on the server without the token. */
export function missingTokenMessage(provider: string): string {
  return `${provider}: on the server (alerting, server mode) Grafana's API needs a service account token with the Viewer role. Create one (Administration > Users and access > Service accounts) and set it under "Grafana API" in the data source settings.`;
}

/** What reading annotations needs (the annotations source's 403). */
export const ANNOTATIONS_PERMISSION = 'the annotations:read permission (Viewer role)';

/** "Subject: what Grafana answered. The fix." `permission`: what a 403 says the reader needs. */
export function describeGrafanaError(subject: string, e: unknown, permission = ANNOTATIONS_PERMISSION): string {
  if (e instanceof HttpApiError) {
    switch (e.kind) {
      case 'auth':
        return `${subject}: Grafana rejected the request (${e.status}). In the browser sign in again; on the server set a valid service account token under "Grafana API" in the data source settings.`;
      case 'forbidden':
        return `${subject}: not allowed to read them (${e.status}${e.detail ? `: ${e.detail}` : ''}). The viewer (or the service account) needs ${permission}.`;
      case 'not-found':
        return `${subject}: Grafana answered 404 for ${e.path}. Check the Grafana API URL in the data source settings.`;
      case 'server':
        return `${subject}: Grafana answered ${e.status} (a Grafana-side error${e.detail ? `: ${e.detail}` : ''}). Check the Grafana server's log and refresh later.`;
      default:
        return `${subject}: Grafana answered ${e.status}${e.detail ? `: ${e.detail}` : ''} for ${e.path}.`;
    }
  }
  const message = messageOf(e);
  return `${subject}: Grafana's API could not be reached (${message}). Check the Grafana API URL in the data source settings.`;
}
