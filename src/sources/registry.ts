/**
 * Which sources a data source instance serves, and the engine options and service catalog from its
 * settings. Settings problems become notices (named setting, value, fix); they never throw.
 */
import { DataSourceInstanceSettings } from '@grafana/data';
import { BenchmarkYear, DEFAULT_OPTIONS, EngineOptions, HOUR_MS, regexProblem, ServiceCatalog } from '../engine';
import { DoraJsonData } from '../settings/model';
import { parseCatalogYaml } from '../settings/catalog';
import { DemoSource } from './demo';
import { GitHubSource } from './github/source';
import { HttpClient } from './http';
import { EventSource, SourceNotice } from './types';

export const DEFAULT_LOOKBACK_DAYS = 30;
/** The longest look-back the settings accept: ten years. */
export const MAX_LOOKBACK_DAYS = 3650;

export interface RegistryDeps {
  /** Clock of the sources (tests fix it). */
  now?: () => number;
  /** Replaces the built-in providers (tests). */
  providers?: ProviderFactory[];
}

export interface SourceSetup {
  sources: EventSource[];
  /** Why the demo source serves: no provider is configured, or the settings enable it. */
  demo: 'unconfigured' | 'enabled' | null;
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
    enabled: (jsonData) => jsonData.github?.enabled === true,
    create: (settings, http, deps) =>
      new GitHubSource({ http, proxyUrl: settings.url ?? '', settings: settings.jsonData.github, now: deps.now }),
  },
];

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
  let demo: SourceSetup['demo'] = null;
  // A provider that is enabled but cannot start is an error to fix, not a reason to show demo data.
  if (enabled === 0 || jsonData.demoEnabled) {
    demo = enabled === 0 ? 'unconfigured' : 'enabled';
    sources.push(new DemoSource({ seed: demoSeed(jsonData, notices), now: deps.now }));
  }
  const parsed = parseCatalogYaml(jsonData.catalogYaml);
  for (const error of parsed.errors) {
    notices.push({
      severity: 'warning',
      text: `Service catalog${error.line ? `, line ${error.line}` : ''}: ${error.message} Fix it in the data source settings.`,
    });
  }
  return {
    sources,
    demo,
    options: engineOptionsFrom(jsonData, notices),
    catalog: parsed.catalog,
    lookbackDays: lookbackDaysFrom(jsonData, notices),
    notices,
  };
}

/** Engine options from the settings; an invalid value is reported and replaced by its default. */
export function engineOptionsFrom(jsonData: DoraJsonData, notices: SourceNotice[] = []): EngineOptions {
  const options: EngineOptions = { ...DEFAULT_OPTIONS };
  const patterns = ['productionEnvironmentPattern', 'pipelinePattern', 'hotfixPattern', 'revertPattern'] as const;
  for (const key of patterns) {
    const value = jsonData[key];
    if (value === undefined || value === null || value === '') {
      continue;
    }
    const problem = patternProblem(value);
    if (problem) {
      notices.push({
        severity: 'warning',
        text:
          `Setting ${key} "${value}" is not a valid regular expression (${problem}); ` +
          `the default "${DEFAULT_OPTIONS[key]}" is used. Fix it in the data source settings.`,
      });
    } else {
      options[key] = value;
    }
  }
  const hours = jsonData.incidentLinkWindowHours;
  if (hours !== undefined && hours !== null) {
    if (typeof hours === 'number' && isFinite(hours) && hours > 0) {
      options.incidentLinkWindowMs = hours * HOUR_MS;
    } else {
      notices.push({
        severity: 'warning',
        text:
          `Setting incidentLinkWindowHours ${JSON.stringify(hours)} must be a positive number of hours; ` +
          `the default ${DEFAULT_OPTIONS.incidentLinkWindowMs / HOUR_MS} is used.`,
      });
    }
  }
  if (typeof jsonData.rollbacksAreRework === 'boolean') {
    options.rollbacksAreRework = jsonData.rollbacksAreRework;
  }
  const year = jsonData.benchmarkYear;
  if (year !== undefined && year !== null) {
    const years: BenchmarkYear[] = [2021, 2022, 2023, 2024];
    const asNumber = Number(year) as BenchmarkYear;
    if (years.indexOf(asNumber) >= 0) {
      options.benchmarkYear = asNumber;
    } else {
      notices.push({
        severity: 'warning',
        text: `Setting benchmarkYear ${JSON.stringify(year)} is not one of ${years.join(', ')}; ${DEFAULT_OPTIONS.benchmarkYear} is used.`,
      });
    }
  }
  return options;
}

export function lookbackDaysFrom(jsonData: DoraJsonData, notices: SourceNotice[] = []): number {
  const days = jsonData.lookbackDays;
  if (days === undefined || days === null) {
    return DEFAULT_LOOKBACK_DAYS;
  }
  if (typeof days === 'number' && isFinite(days) && days >= 0 && days <= MAX_LOOKBACK_DAYS) {
    return days;
  }
  notices.push({
    severity: 'warning',
    text: `Setting lookbackDays ${JSON.stringify(days)} must be a number of days from 0 to ${MAX_LOOKBACK_DAYS}; ${DEFAULT_LOOKBACK_DAYS} is used.`,
  });
  return DEFAULT_LOOKBACK_DAYS;
}

function demoSeed(jsonData: DoraJsonData, notices: SourceNotice[]): number | undefined {
  const seed = jsonData.demoSeed;
  if (seed === undefined || seed === null) {
    return undefined;
  }
  if (typeof seed === 'number' && isFinite(seed)) {
    return seed;
  }
  notices.push({
    severity: 'warning',
    text: `Setting demoSeed ${JSON.stringify(seed)} must be a number; the default seed is used.`,
  });
  return undefined;
}

function patternProblem(pattern: unknown): string | undefined {
  return typeof pattern === 'string' ? regexProblem(pattern) : 'it is not text';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
