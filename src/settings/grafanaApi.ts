/**
 * Settings of the routes to Grafana's own API (jsonData.grafanaApi): the URL the Grafana server reaches itself at,
 * used on the server (alerting, server mode) by the annotations and data source bridge sources with the service
 * account token. In the browser those sources use the viewer's session and need neither.
 */
import type { DoraSecureJsonData } from './model';
import { SettingsProblem, serverUrlProblem, trimUrl } from './settingsProblem';

export interface GrafanaApiSettings {
  /** e.g. http://localhost:3000 (always stored while a source needs it: the routes read it). */
  url?: string;
}

export const DEFAULT_GRAFANA_URL = 'http://localhost:3000';
/** The secure key of the service account token (server mode stores it as grafanaTokenServer). */
export const GRAFANA_TOKEN_KEY: keyof DoraSecureJsonData = 'grafanaToken';

/** The URL as stored for the routes: trimmed, no trailing slash, the default when empty. */
export function grafanaApiUrl(url: string | undefined): string {
  return url && url.trim() !== '' ? trimUrl(url) : DEFAULT_GRAFANA_URL;
}

export function validateGrafanaApiSettings(s: GrafanaApiSettings | undefined): SettingsProblem[] {
  const problem = serverUrlProblem('url', s?.url ?? DEFAULT_GRAFANA_URL, DEFAULT_GRAFANA_URL);
  return problem ? [problem] : [];
}
