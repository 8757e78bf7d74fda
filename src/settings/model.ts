/** The data source settings as Grafana stores them (jsonData, secureJsonData), with their defaults and bounds. */
import { DataSourceJsonData } from '@grafana/data';
import { BenchmarkYear } from '../engine';
import type { AnnotationsSettings } from './annotations';
import type { ArgoCdSettings } from './argocd';
import type { DataSourceBridgeSettings } from './datasourceBridge';
import type { GrafanaApiSettings } from './grafanaApi';

/** Days fetched before the dashboard's `from` when the settings name none. */
export const DEFAULT_LOOKBACK_DAYS = 30;
/** The longest look-back the settings accept: ten years. */
export const MAX_LOOKBACK_DAYS = 3650;
/** Seed of the demo data when the settings name none. */
export const DEFAULT_DEMO_SEED = 42;

/** Settings every user sees in the ConfigEditor. Secrets never live here (see DoraSecureJsonData). */
export interface DoraJsonData extends DataSourceJsonData {
  /** "What is a deployment" */
  productionEnvironmentPattern?: string;
  pipelinePattern?: string;
  /** "What is a failure" */
  incidentLinkWindowHours?: number;
  hotfixPattern?: string;
  revertPattern?: string;
  rollbacksAreRework?: boolean;
  benchmarkYear?: BenchmarkYear;
  /** Days fetched before the dashboard's `from` (lead time needs older commits). Default 30. */
  lookbackDays?: number;
  /** Service catalog as YAML (see docs/events-format.md for its shape). */
  catalogYaml?: string;
  /** Serve the built-in demo source. Implied when no provider is configured. */
  demoEnabled?: boolean;
  /** Seed of the demo data. */
  demoSeed?: number;
  github?: GitHubSettings;
  gitlab?: GitLabSettings;
  pagerduty?: PagerDutySettings;
  jira?: JiraSettings;
  /** incident.io incidents and on-call schedules (src/settings/incidentio.ts). */
  incidentio?: IncidentIoSettings;
  /** Where dashboards' queries run (src/settings/serverMode.ts); default the browser. */
  runQueriesIn?: 'browser' | 'server';
  /** Events files served over HTTP (src/settings/eventsUrl.ts). */
  eventsUrl?: EventsUrlSettings;
  /** Argo CD applications' sync history (src/settings/argocd.ts). */
  argocd?: ArgoCdSettings;
  /** Grafana's own annotations as deployments and incidents (src/settings/annotations.ts). */
  annotations?: AnnotationsSettings;
  /** Queries to other Grafana data sources whose rows are events (src/settings/datasourceBridge.ts). */
  datasourceBridge?: DataSourceBridgeSettings;
  /** Where the backend reaches Grafana's own API (annotations, data source queries) on the server. */
  grafanaApi?: GrafanaApiSettings;
}

/** Kept in jsonData under `eventsUrl`: URLs serving an events file (docs/events-format.md). */
export interface EventsUrlSettings {
  enabled?: boolean;
  /** Up to MAX_EVENTS_URLS absolute http(s) URLs; the route `events/N` reads the N-th. */
  urls?: string[];
  /** Seconds one file may take to arrive (default 30). */
  timeoutSeconds?: number;
  /** A bearer token is saved: files are read through the `events-auth/N` routes (set by the config editor). */
  useToken?: boolean;
}

/** How a GitHub repository's production deployments are recognised. */
export type GitHubDeploymentSource = 'deployments' | 'workflows' | 'releases' | 'tags';

/**
 * Rules of one GitHub repository (or the defaults of all). Patterns are case-insensitive regular expressions.
 * See src/settings/github.ts for defaults and validation.
 */
export interface GitHubRepositoryRules {
  deploymentSource?: GitHubDeploymentSource;
  /** 'deployments': environment name pattern. Default ^production$ */
  environmentPattern?: string;
  /** 'workflows': workflow name pattern (empty = all workflows). */
  workflowPattern?: string;
  /** 'workflows': job name pattern (empty = the whole run). */
  jobPattern?: string;
  /** 'workflows': branch the deploying runs are on (default: the production branch). */
  workflowBranch?: string;
  /** Branch production is built from (default: the repository's default branch). */
  productionBranch?: string;
  /** Labels that make an issue an incident, comma-separated. Default "incident". */
  incidentLabels?: string;
  /** 'releases' and 'tags': pattern over tag names that are production releases (default: all but semver pre-releases). */
  tagPattern?: string;
  /** Service name of the repository's deployments and incidents (default owner/name). */
  service?: string;
}

/** Filled in by the GitHub source (issue 3). */
export interface GitHubSettings extends GitHubRepositoryRules {
  enabled?: boolean;
  /** REST API URL: https://api.github.com or https://HOST/api/v3 (always stored: the proxy route reads it). */
  apiUrl?: string;
  /** GraphQL URL: https://api.github.com/graphql or https://HOST/api/graphql (always stored as well). */
  graphqlUrl?: string;
  /**
   * One repository per line: "owner/name", optionally followed by per-repository overrides as key=value
   * (deploy=, env=, workflow=, job=, branch=, production=, labels=, tags=, service=). Lines starting with # are comments.
   */
  repositories?: string;
  /** An organisation whose repositories are all read, filtered by organizationInclude. */
  organization?: string;
  /** Pattern over repository names of the organisation (default: all, archived ones skipped). */
  organizationInclude?: string;
  /** Seconds a query may wait for rate limits before returning partial data (default 30). */
  timeoutSeconds?: number;
  [key: string]: unknown;
}

/** How a GitLab project's production deployments are recognised. */
export type GitLabDeploymentSource = 'deployments' | 'jobs' | 'releases' | 'tags';

/**
 * Rules of one GitLab project (or the defaults of all). Patterns are case-insensitive regular expressions.
 * See src/settings/gitlab.ts for defaults and validation.
 */
export interface GitLabProjectRules {
  deploymentSource?: GitLabDeploymentSource;
  /** 'deployments': environment name pattern; empty = the environments of tier "production". */
  environmentPattern?: string;
  /** 'jobs': pipeline job name pattern (e.g. ^deploy-prod). */
  jobPattern?: string;
  /** 'jobs': ref the deploying pipelines run on (default: the production branch). */
  jobRef?: string;
  /** Branch production is built from (default: the project's default branch). */
  productionBranch?: string;
  /** Labels that also make an issue an incident, comma-separated (issues of type incident always are). */
  incidentLabels?: string;
  /** 'releases' and 'tags': pattern over tag names that are production releases (default: all but semver pre-releases). */
  tagPattern?: string;
  /** Service name of the project's deployments and incidents (default: the project path). */
  service?: string;
}

/** The GitLab source (issue 10): gitlab.com or a self-managed instance. */
export interface GitLabSettings extends GitLabProjectRules {
  enabled?: boolean;
  /** Instance URL: https://gitlab.com (default) or https://HOST[/PREFIX] for self-managed. */
  url?: string;
  /** REST API URL, always stored (the proxy route reads it): the instance URL + /api/v4. */
  apiUrl?: string;
  /**
   * One project per line: "group/subgroup/project", optionally followed by per-project overrides as key=value
   * (deploy=, env=, job=, ref=, production=, labels=, tags=, service=). Lines starting with # are comments.
   */
  projects?: string;
  /** A group whose projects (subgroups included, archived skipped) are all read, filtered by groupInclude. */
  group?: string;
  /** Pattern over the group's project paths (default: all). */
  groupInclude?: string;
  /** Seconds a query may wait for rate limits before returning partial data (default 30). */
  timeoutSeconds?: number;
  [key: string]: unknown;
}

/** Which PagerDuty services are read: every service, the listed ones, or those of the listed teams. */
export type PagerDutyServiceScope = 'all' | 'services' | 'teams';

/** PagerDuty (src/sources/pagerduty/settings.ts has the defaults and validation). */
export interface PagerDutySettings {
  enabled?: boolean;
  /** https://api.pagerduty.com (default) or https://api.eu.pagerduty.com (always stored: the proxy route reads it). */
  apiUrl?: string;
  serviceScope?: PagerDutyServiceScope;
  /** Service IDs or names, comma- or newline-separated ('services' scope). */
  services?: string;
  /** Team IDs or names, comma- or newline-separated ('teams' scope). */
  teams?: string;
  /** Urgencies that count as incidents, comma-separated (default "high,low": all). */
  urgencies?: string;
  /** Priority names that count (e.g. "P1,P2"); empty: every incident, with or without a priority. */
  priorities?: string;
  /** What becomes the incident's severity: the priority name (default, else the urgency) or the urgency. */
  severityFrom?: 'priority' | 'urgency';
  /** Seconds a query may wait for rate limits before returning partial data (default 30). */
  timeoutSeconds?: number;
}

/** Jira Cloud (email + API token) or Data Center (personal access token). */
export type JiraDeployment = 'cloud' | 'datacenter';

/** Where a Jira issue's service, severity, impact start or restore time is read from. */
export interface JiraSettings {
  enabled?: boolean;
  /** https://SITE.atlassian.net or the Data Center base URL (always stored: the proxy routes read it). */
  url?: string;
  deployment?: JiraDeployment;
  /** Cloud: the account's email (the token is secret). */
  email?: string;
  /** JQL that selects incidents (default: issuetype = Incident). */
  jql?: string;
  /** 'components' (default), 'labels', or a custom field id such as customfield_10042. */
  serviceField?: string;
  /** 'priority' (default) or a custom field id. */
  severityField?: string;
  /** Custom field id of the impact start (date-time); empty: created. */
  impactStartField?: string;
  /** 'resolutiondate' (default), 'status' (first move into a done status, from the changelog) or a custom date-time field id. */
  resolvedField?: string;
  /** Custom field id of the first acknowledgement (date-time), or 'status' (first move out of the initial status). */
  acknowledgedField?: string;
  /** Custom field id naming the cause (deployment id, SHA, PR/MR number); issue links are read too. */
  causeField?: string;
  timeoutSeconds?: number;
}

/** Where an incident.io incident's service comes from: a custom field (a catalog-backed "Affected services") or its type. */
export type IncidentIoServiceFrom = 'customField' | 'incidentType';

/** incident.io (src/settings/incidentio.ts has the defaults and validation). Names are matched case-insensitively. */
export interface IncidentIoSettings {
  enabled?: boolean;
  /** Severity names that count, comma-separated (e.g. "Critical, Major"); empty: every incident. */
  severities?: string;
  /** Incident type names that count, comma-separated; empty: every type. */
  incidentTypes?: string;
  /** Incident modes read, comma-separated (default "standard, retrospective": test and tutorial incidents are skipped). */
  modes?: string;
  /** Where the service comes from (default: the custom field `serviceField`). */
  serviceFrom?: IncidentIoServiceFrom;
  /** Name of the custom field naming the affected service (default "Affected services"). */
  serviceField?: string;
  /** Timestamp names of the impact start, comma-separated, the first one set wins (default "Impact started"). */
  impactStartTimestamps?: string;
  /** Timestamp names of the acknowledgement (default "Acknowledged, Accepted"). */
  acknowledgedTimestamps?: string;
  /** Timestamp names of the resolution (default "Resolved, Closed"). */
  resolvedTimestamps?: string;
  /** Name of a custom field naming the cause (deployment id, SHA, PR number); fields named by the convention are read too. */
  causeField?: string;
  /** Schedule names or IDs whose current shifts are "on call" (comma-separated); empty: every schedule. */
  schedules?: string;
  timeoutSeconds?: number;
}

/** Secrets: only in secureJsonData, only used by plugin.json proxy routes. */
export interface DoraSecureJsonData {
  githubToken?: string;
  /** Bearer token of the events URLs (sent by the events-auth/N routes). */
  eventsUrlToken?: string;
  gitlabToken?: string;
  pagerdutyToken?: string;
  /** Jira Cloud: base64 of "email:API token", made by the config editor (proxy routes cannot encode). */
  jiraBasicCredentials?: string;
  /** Jira Data Center: a personal access token. */
  jiraToken?: string;
  /** incident.io: an API key with the Viewer role (sent by the incidentio/api route as Bearer). */
  incidentioToken?: string;
  /** Argo CD: token of a read-only account (sent by the argocd route). */
  argocdToken?: string;
  /** Grafana service account token (Viewer) for Grafana's own API on the server (the grafana/api/... routes). */
  grafanaToken?: string;
}
