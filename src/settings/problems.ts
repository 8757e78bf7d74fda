/**
 * Checks of the data source settings that the ConfigEditor shows as the user types, so a bad pattern or
 * catalog entry is seen before saving instead of in a panel. Every message names the field, the value and
 * the fix. Patterns are compiled as the engine does: case-insensitive regular expressions.
 */
import { regexProblem } from '../engine';
import { ServiceCatalog } from '../engine/model';
import { parseCatalogYaml } from './catalog';
import { MAX_LOOKBACK_DAYS } from '../sources/registry';
import { DoraJsonData } from './model';

export const BENCHMARK_YEARS: Array<NonNullable<DoraJsonData['benchmarkYear']>> = [2021, 2022, 2023, 2024];

export interface ConfigIssue {
  /** The jsonData key the issue belongs to. */
  field: keyof DoraJsonData;
  message: string;
}

/** Why a pattern does not compile, or undefined when it does (an empty pattern means "the default"). */
export function patternError(label: string, pattern: string | undefined): string | undefined {
  if (pattern === undefined || pattern === '') {
    return undefined;
  }
  const problem = regexProblem(pattern);
  if (problem === undefined) {
    return undefined;
  }
  const reason = problem.replace(/^Invalid regular expression: /, '');
  return `${label} "${pattern}" is not a valid regular expression (${reason}). Fix the pattern or clear it to use the default.`;
}

/**
 * A number that must be positive (or, with `zeroAllowed`, at least 0) and at most `max`; undefined means "the
 * default". The same rules as the data source applies to the saved settings (src/sources/registry.ts).
 */
export function positiveNumberError(
  label: string,
  value: number | undefined,
  opts: { zeroAllowed?: boolean; max?: number } = {}
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const tooSmall = opts.zeroAllowed ? value < 0 : value <= 0;
  if (!Number.isFinite(value) || tooSmall) {
    const bound = opts.zeroAllowed ? '0 or more' : 'greater than 0';
    return `${label} ${String(value)} must be a number ${bound}; clear it to use the default.`;
  }
  if (opts.max !== undefined && value > opts.max) {
    return `${label} ${String(value)} is more than ${opts.max}; use at most ${opts.max}.`;
  }
  return undefined;
}

/** Look-back days: 0 (none) to ten years. */
export const LOOKBACK_LIMITS = { zeroAllowed: true, max: MAX_LOOKBACK_DAYS };

export function demoSeedError(value: number | undefined): string | undefined {
  return value === undefined || Number.isFinite(value) ? undefined : `Demo seed ${String(value)} must be a number.`;
}

export function benchmarkYearError(value: unknown): string | undefined {
  if (value === undefined || BENCHMARK_YEARS.indexOf(value as 2023) >= 0) {
    return undefined;
  }
  return `Benchmark year ${String(value)} has no DORA table; choose one of ${BENCHMARK_YEARS.join(', ')}.`;
}

/** Lines of the catalog's problems, "Line 4: ..." where the line is known. */
export function catalogErrors(yaml: string | undefined): string[] {
  return parseCatalogYaml(yaml).errors.map((e) => (e.line ? `Line ${e.line}: ${e.message}` : e.message));
}

const ALIAS_KINDS: Array<{
  key: 'environments' | 'pipelines' | 'incidentServices' | 'repositories';
  what: string;
  effect: string;
}> = [
  {
    key: 'incidentServices',
    what: 'Incident service',
    effect: 'its incidents get no service and are never linked to a deployment',
  },
  {
    key: 'environments',
    what: 'Environment',
    effect: 'it names neither: their deployments are matched by pipeline or repository instead',
  },
  {
    key: 'pipelines',
    what: 'Pipeline',
    effect: 'it names neither: their runs and deployments are matched by repository instead',
  },
  {
    key: 'repositories',
    what: 'Repository',
    effect:
      'its deployments find their service only by their own service name, environment or pipeline (monorepo paths split its changes, not its deployments)',
  },
];

/**
 * Names that more than one service claims. The catalog resolves a name only when exactly one service claims it
 * (src/engine/catalog.ts), so such an entry is valid but does not do what it seems to: worth a warning.
 */
export function catalogAmbiguities(catalog: ServiceCatalog | undefined): string[] {
  const out: string[] = [];
  for (const kind of ALIAS_KINDS) {
    const claims = new Map<string, string[]>();
    for (const service of catalog?.services ?? []) {
      const names =
        kind.key === 'repositories' ? (service.repositories ?? []).map((r) => r.repo) : (service[kind.key] ?? []);
      for (const name of names) {
        const list = claims.get(name) ?? [];
        if (list.indexOf(service.name) < 0) {
          list.push(service.name);
        }
        claims.set(name, list);
      }
    }
    claims.forEach((services, name) => {
      if (services.length > 1) {
        out.push(`${kind.what} "${name}" is listed by ${services.join(', ')}: ${kind.effect}.`);
      }
    });
  }
  return out;
}

/** Every problem of the settings, in the order the sections show them. */
export function configIssues(jsonData: DoraJsonData): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = (field: keyof DoraJsonData, message: string | undefined) => {
    if (message) {
      issues.push({ field, message });
    }
  };
  add(
    'demoSeed',
    jsonData.demoSeed === undefined || Number.isInteger(jsonData.demoSeed)
      ? undefined
      : `Demo seed ${jsonData.demoSeed} must be a whole number.`
  );
  add(
    'productionEnvironmentPattern',
    patternError('Production environment pattern', jsonData.productionEnvironmentPattern)
  );
  add('pipelinePattern', patternError('Pipeline name pattern', jsonData.pipelinePattern));
  add('incidentLinkWindowHours', positiveNumberError('Incident link window (hours)', jsonData.incidentLinkWindowHours));
  add('hotfixPattern', patternError('Hotfix pattern', jsonData.hotfixPattern));
  add('revertPattern', patternError('Revert pattern', jsonData.revertPattern));
  for (const message of catalogErrors(jsonData.catalogYaml)) {
    add('catalogYaml', `Service catalog: ${message}`);
  }
  add('benchmarkYear', benchmarkYearError(jsonData.benchmarkYear));
  add('lookbackDays', positiveNumberError('Look-back (days)', jsonData.lookbackDays, LOOKBACK_LIMITS));
  return issues;
}
