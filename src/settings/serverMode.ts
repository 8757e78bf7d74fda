/**
 * Where queries run: in the browser (default; tokens reach the APIs through plugin.json routes) or on the
 * Grafana server (the backend runs the same pipeline; tokens are saved under keys no route names, so no
 * request a viewer crafts can use them). Alerting always runs on the server.
 */
import { DoraJsonData, DoraSecureJsonData } from './model';

export type RunQueriesIn = 'browser' | 'server';

export const RUN_QUERIES_IN_OPTIONS: Array<{ value: RunQueriesIn; label: string; description: string }> = [
  {
    value: 'browser',
    label: 'The browser',
    description: "Dashboards compute in each viewer's browser; tokens reach the APIs through Grafana's proxy.",
  },
  {
    value: 'server',
    label: 'The Grafana server',
    description: 'Dashboards, variables, annotations and the health check run in the backend; tokens never leave it.',
  },
];

/** Every secret of the settings; each plugin.json route names these keys only (never their server twins). */
export const TOKEN_KEYS: Array<keyof DoraSecureJsonData> = [
  'githubToken',
  'eventsUrlToken',
  'gitlabToken',
  'pagerdutyToken',
  'jiraBasicCredentials',
  'jiraToken',
  'incidentioToken',
  'argocdToken',
  'grafanaToken',
];

/** The suffix of a token's server-mode key: githubToken -> githubTokenServer. */
export const SERVER_KEY_SUFFIX = 'Server';

export function runsOnServer(jsonData: DoraJsonData | undefined): boolean {
  return jsonData?.runQueriesIn === 'server';
}

/** The secure key a token is saved under in this mode. */
export function secureKeyFor(jsonData: DoraJsonData | undefined, key: keyof DoraSecureJsonData): string {
  return runsOnServer(jsonData) ? `${key}${SERVER_KEY_SUFFIX}` : key;
}

export function runQueriesInError(value: unknown): string | undefined {
  if (value === undefined || value === null || value === 'browser' || value === 'server') {
    return undefined;
  }
  return `Run queries in ${JSON.stringify(value)} is not known; choose "browser" or "server".`;
}
