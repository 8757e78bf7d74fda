import { DataSourceJsonData } from '@grafana/data';

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
  benchmarkYear?: 2021 | 2022 | 2023 | 2024;
  /** Days fetched before the dashboard's `from` (lead time needs older commits). Default 30. */
  lookbackDays?: number;
  /** Service catalog as YAML (see docs/events-format.md for its shape). */
  catalogYaml?: string;
  /** Serve the built-in demo source. Implied when no provider is configured. */
  demoEnabled?: boolean;
  /** Seed of the demo data. */
  demoSeed?: number;
  github?: GitHubSettings;
}

/** Filled in by the GitHub source (issue 3). */
export interface GitHubSettings {
  enabled?: boolean;
  /** REST API URL: https://api.github.com or https://HOST/api/v3 */
  apiUrl?: string;
  /** GraphQL URL: https://api.github.com/graphql or https://HOST/api/graphql */
  graphqlUrl?: string;
  [key: string]: unknown;
}

/** Secrets: only in secureJsonData, only used by plugin.json proxy routes. */
export interface DoraSecureJsonData {
  githubToken?: string;
  gitlabToken?: string;
  pagerdutyToken?: string;
}
