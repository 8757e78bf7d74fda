/**
 * The one reader of the data source settings: jsonData (with the catalog YAML) in, what the data source runs with
 * out: engine options, look-back, demo data, service catalog, and the problems. The data source and the config
 * editor both read the settings through it, so what the editor flags is exactly what the data source replaces by
 * its default.
 */
import { DEFAULT_OPTIONS, EngineOptions, HOUR_MS, ServiceCatalog } from '../engine';
import { parseCatalogYaml } from './catalog';
import { DEFAULT_LOOKBACK_DAYS, DoraJsonData } from './model';
import { benchmarkYearOf, ConfigIssue, configIssues } from './problems';

/**
 * Whether the settings enable each provider. A provider adds its switch here and its factory in
 * src/sources/registry.ts; the demo data and the config editor count enabled providers from this list.
 */
export const PROVIDER_SWITCHES = {
  github: (jsonData: DoraJsonData) => jsonData.github?.enabled === true,
  pagerduty: (jsonData: DoraJsonData) => jsonData.pagerduty?.enabled === true,
  jira: (jsonData: DoraJsonData) => jsonData.jira?.enabled === true,
  incidentio: (jsonData: DoraJsonData) => jsonData.incidentio?.enabled === true,
  gitlab: (jsonData: DoraJsonData) => jsonData.gitlab?.enabled === true,
  eventsUrl: (jsonData: DoraJsonData) => jsonData.eventsUrl?.enabled === true,
  argocd: (jsonData: DoraJsonData) => jsonData.argocd?.enabled === true,
  annotations: (jsonData: DoraJsonData) => jsonData.annotations?.enabled === true,
  datasourceBridge: (jsonData: DoraJsonData) => jsonData.datasourceBridge?.enabled === true,
};

export type ProviderName = keyof typeof PROVIDER_SWITCHES;

/** Why the demo source serves: no provider is enabled, or the settings turn it on next to them; null: it does not. */
export type DemoMode = 'unconfigured' | 'enabled' | null;

export interface DoraSettings {
  options: EngineOptions;
  /** Days fetched before the dashboard's `from`. */
  lookbackDays: number;
  catalog?: ServiceCatalog;
  demo: DemoMode;
  /** Undefined: the demo's default seed. */
  demoSeed?: number;
  /** Every problem, in the order the config editor's sections show them; each value named is replaced by its default. */
  issues: ConfigIssue[];
}

export function enabledProviders(jsonData: DoraJsonData): ProviderName[] {
  return (Object.keys(PROVIDER_SWITCHES) as ProviderName[]).filter((name) => PROVIDER_SWITCHES[name](jsonData));
}

/** The demo source serves when no provider is enabled, or next to them when the settings turn it on. */
export function demoMode(jsonData: DoraJsonData, providersEnabled = enabledProviders(jsonData).length): DemoMode {
  if (providersEnabled === 0) {
    return 'unconfigured';
  }
  return jsonData.demoEnabled === true ? 'enabled' : null;
}

export function readSettings(jsonData: DoraJsonData = {}, providersEnabled?: number): DoraSettings {
  const issues = configIssues(jsonData);
  const bad = new Set(issues.map((i) => i.field));
  const set = <K extends keyof DoraJsonData>(key: K): DoraJsonData[K] | undefined => {
    const value = jsonData[key];
    return bad.has(key) || value === null || value === '' ? undefined : value;
  };
  const options: EngineOptions = { ...DEFAULT_OPTIONS };
  for (const key of ['productionEnvironmentPattern', 'pipelinePattern', 'hotfixPattern', 'revertPattern'] as const) {
    options[key] = set(key) ?? options[key];
  }
  const hours = set('incidentLinkWindowHours');
  if (hours !== undefined) {
    options.incidentLinkWindowMs = hours * HOUR_MS;
  }
  options.rollbacksAreRework = set('rollbacksAreRework') ?? options.rollbacksAreRework;
  options.benchmarkYear = benchmarkYearOf(set('benchmarkYear')) ?? options.benchmarkYear;
  return {
    options,
    lookbackDays: set('lookbackDays') ?? DEFAULT_LOOKBACK_DAYS,
    // Entries with problems are left out of the catalog; the rest applies.
    catalog: parseCatalogYaml(jsonData.catalogYaml).catalog,
    demo: demoMode(jsonData, providersEnabled),
    demoSeed: set('demoSeed'),
    issues,
  };
}
