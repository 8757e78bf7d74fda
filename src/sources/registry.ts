/**
 * Which sources a data source instance serves, with what the settings reader (src/settings/reader.ts) makes of
 * its settings. Settings problems become notices (named setting, value, fix); they never throw.
 */
import { DataSourceInstanceSettings } from '@grafana/data';
import { EngineOptions, messageOf, ServiceCatalog } from '../engine';
import { DoraJsonData } from '../settings/model';
import { DemoMode, PROVIDER_SWITCHES, readSettings } from '../settings/reader';
import { AnnotationsSource } from './annotations/source';
import { ArgoCdSource } from './argocd/source';
import { DataSourceBridgeSource } from './datasource/source';
import { FrameQueryRunner, QueryApiRunner } from './datasource/runner';
import { DemoSource } from './demo';
import { GrafanaApiAccess, serverGrafanaApi } from './grafanaApi';
import { GitHubSource } from './github/source';
import { GitLabSource } from './gitlab/source';
import { EventsUrlSource } from './json/urlSource';
import { HttpClient } from './http';
import { IncidentIoSource } from './incidentio/source';
import { JiraSource } from './jira/source';
import { PagerDutySource } from './pagerduty/source';
import { EventSource, SourceNotice } from './types';

export interface RegistryDeps {
  /** Clock of the sources (tests fix it). */
  now?: () => number;
  /** Replaces the built-in providers (tests). */
  providers?: ProviderFactory[];
  /**
   * How Grafana's own API is reached (annotations, data source queries): the browser passes the viewer's session;
   * absent (the backend), the grafana/api/... routes with the service account token, if one is saved.
   */
  grafana?: GrafanaApiAccess;
  /**
   * How the data source bridge runs its queries: the browser passes Grafana's data source service; absent (the
   * backend), Grafana's query API (POST /api/ds/query) through the route.
   */
  bridgeRunner?: FrameQueryRunner;
}

export interface SourceSetup {
  sources: EventSource[];
  /** Why the demo source serves: no provider is configured, or the settings enable it. */
  demo: DemoMode;
  options: EngineOptions;
  catalog?: ServiceCatalog;
  lookbackDays: number;
  /** Problems in the settings (catalog, patterns, numbers), each naming the setting and the fix. */
  notices: SourceNotice[];
}

export interface ProviderFactory {
  name: string;
  enabled(jsonData: DoraJsonData): boolean;
  create(settings: DataSourceInstanceSettings<DoraJsonData>, http: HttpClient, deps: RegistryDeps): EventSource;
}

/**
 * Providers. Each reaches its API through `${settings.url}/<route>` (plugin.json routes add the token).
 * A new provider (GitLab, PagerDuty, ...) adds one entry here; the demo source serves when none is enabled.
 */
const PROVIDERS: ProviderFactory[] = [
  // GitHub (src/sources/github, owned by the GitHub engineer).
  {
    name: 'github',
    enabled: PROVIDER_SWITCHES.github,
    create: (settings, http, deps) =>
      new GitHubSource({ http, proxyUrl: settings.url ?? '', settings: settings.jsonData.github, now: deps.now }),
  },
  // PagerDuty incidents and on-call (src/sources/pagerduty): route pagerduty/api.
  {
    name: 'pagerduty',
    enabled: PROVIDER_SWITCHES.pagerduty,
    create: (settings, http, deps) =>
      new PagerDutySource({ http, proxyUrl: settings.url ?? '', settings: settings.jsonData.pagerduty, now: deps.now }),
  },
  // Jira incident issues (src/sources/jira): routes jira/cloud and jira/datacenter.
  {
    name: 'jira',
    enabled: PROVIDER_SWITCHES.jira,
    create: (settings, http, deps) =>
      new JiraSource({ http, proxyUrl: settings.url ?? '', settings: settings.jsonData.jira, now: deps.now }),
  },
  // incident.io incidents and on-call schedules (src/sources/incidentio): route incidentio/api.
  {
    name: 'incidentio',
    enabled: PROVIDER_SWITCHES.incidentio,
    create: (settings, http, deps) =>
      new IncidentIoSource({
        http,
        proxyUrl: settings.url ?? '',
        settings: settings.jsonData.incidentio,
        now: deps.now,
      }),
  },
  // GitLab (src/sources/gitlab): gitlab.com or self-managed, through the gitlab/api route.
  {
    name: 'gitlab',
    enabled: PROVIDER_SWITCHES.gitlab,
    create: (settings, http, deps) =>
      new GitLabSource({ http, proxyUrl: settings.url ?? '', settings: settings.jsonData.gitlab, now: deps.now }),
  },
  // Events files served over HTTP (src/sources/json).
  {
    name: 'events-url',
    enabled: PROVIDER_SWITCHES.eventsUrl,
    create: (settings, http, deps) =>
      new EventsUrlSource({
        http,
        proxyUrl: settings.url ?? '',
        settings: settings.jsonData.eventsUrl,
        hasToken: settings.jsonData.eventsUrl?.useToken === true,
        now: deps.now,
      }),
  },
  // Argo CD applications' sync history (src/sources/argocd): route argocd.
  {
    name: 'argocd',
    enabled: PROVIDER_SWITCHES.argocd,
    create: (settings, http, deps) =>
      new ArgoCdSource({ http, proxyUrl: settings.url ?? '', settings: settings.jsonData.argocd, now: deps.now }),
  },
  // Grafana's own annotations (src/sources/annotations): the viewer's session, or route grafana/api/annotations.
  {
    name: 'annotations',
    enabled: PROVIDER_SWITCHES.annotations,
    create: (settings, http, deps) =>
      new AnnotationsSource({
        http,
        grafana: grafanaAccess(settings, deps),
        settings: settings.jsonData.annotations,
        now: deps.now,
      }),
  },
  // Queries to other Grafana data sources (src/sources/datasource): the data source service, or route grafana/api/ds/query.
  {
    name: 'datasource',
    enabled: PROVIDER_SWITCHES.datasourceBridge,
    create: (settings, http, deps) => {
      const grafana = grafanaAccess(settings, deps);
      return new DataSourceBridgeSource({
        runner: deps.bridgeRunner ?? new QueryApiRunner(http, grafana.base),
        grafana,
        settings: settings.jsonData.datasourceBridge,
        now: deps.now,
      });
    },
  },
];

/** The browser's access when given, else the backend's: the routes, with or without a saved token. */
function grafanaAccess(settings: DataSourceInstanceSettings<DoraJsonData>, deps: RegistryDeps): GrafanaApiAccess {
  if (deps.grafana) {
    return deps.grafana;
  }
  const fields = (settings as { secureJsonFields?: Record<string, boolean> }).secureJsonFields ?? {};
  return serverGrafanaApi(Object.keys(fields).filter((key) => fields[key]));
}

export function createSources(
  settings: DataSourceInstanceSettings<DoraJsonData>,
  http: HttpClient,
  deps: RegistryDeps = {}
): EventSource[] {
  return createSourceSetup(settings, http, deps).sources;
}

export function createSourceSetup(
  settings: DataSourceInstanceSettings<DoraJsonData>,
  http: HttpClient,
  deps: RegistryDeps = {}
): SourceSetup {
  const jsonData: DoraJsonData = settings.jsonData ?? {};
  const notices: SourceNotice[] = [];
  const sources: EventSource[] = [];
  let enabled = 0;
  for (const provider of deps.providers ?? PROVIDERS) {
    if (!provider.enabled(jsonData)) {
      continue;
    }
    enabled++;
    try {
      sources.push(provider.create(settings, http, deps));
    } catch (e) {
      notices.push({
        severity: 'error',
        text: `Source ${provider.name} could not start: ${messageOf(e)}. Check its section in the data source settings.`,
      });
    }
  }
  // A provider that is enabled but cannot start is an error to fix, not a reason to show demo data.
  const read = readSettings(jsonData, enabled);
  if (read.demo) {
    sources.push(new DemoSource({ seed: read.demoSeed, now: deps.now }));
  }
  for (const issue of read.issues) {
    notices.push({ severity: 'warning', text: `Data source settings: ${issue.message}` });
  }
  return {
    sources,
    demo: read.demo,
    options: read.options,
    catalog: read.catalog,
    lookbackDays: read.lookbackDays,
    notices,
  };
}
