/**
 * The checks of the data source settings, one per field. The settings reader (./reader.ts) uses them to decide
 * which values the data source applies, and the config editor shows the same messages as the user types, so the
 * two cannot disagree. Every message names the field, the value and the fix. Patterns are compiled as the
 * engine does: case-insensitive regular expressions.
 */
import { BENCHMARK_YEARS, regexProblem, ServiceCatalog } from '../engine';
import { parseCatalogYaml } from './catalog';
import { DoraJsonData, MAX_LOOKBACK_DAYS } from './model';
import { runQueriesInError } from './serverMode';

export interface ConfigIssue {
  /** The jsonData key the issue belongs to. */
  field: keyof DoraJsonData;
  message: string;
}

/** Why a pattern does not compile, or undefined when it does (an empty pattern means "the default"). */
export function patternError(label: string, pattern: unknown): string | undefined {
  if (isUnset(pattern) || pattern === '') {
    return undefined;
  }
  if (typeof pattern !== 'string') {
    return `${label} ${JSON.stringify(pattern)} must be text (a regular expression); clear it to use the default.`;
  }
  const problem = regexProblem(pattern);
  if (problem === undefined) {
    return undefined;
  }
  const reason = problem.replace(/^Invalid regular expression: /, '');
  return `${label} "${pattern}" is not a valid regular expression (${reason}). Fix the pattern or clear it to use the default.`;
}

/** Unset (undefined, or null as provisioning files may write it) means "the default". */
export function isUnset(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/**
 * A number that must be positive (or, with `zeroAllowed`, at least 0) and at most `max`; unset means "the
 * default".
 */
export function positiveNumberError(
  label: string,
  value: unknown,
  opts: { zeroAllowed?: boolean; max?: number } = {}
): string | undefined {
  if (isUnset(value)) {
    return undefined;
  }
  const tooSmall = typeof value !== 'number' || (opts.zeroAllowed ? value < 0 : value <= 0);
  if (typeof value !== 'number' || !Number.isFinite(value) || tooSmall) {
    const bound = opts.zeroAllowed ? '0 or more' : 'greater than 0';
    return `${label} ${String(value)} must be a number ${bound}; clear it to use the default.`;
  }
  if (opts.max !== undefined && value > opts.max) {
    return `${label} ${String(value)} is more than ${opts.max}; use at most ${opts.max}.`;
  }
  return undefined;
}

export function booleanError(label: string, value: unknown): string | undefined {
  return isUnset(value) || typeof value === 'boolean'
    ? undefined
    : `${label} ${JSON.stringify(value)} must be true or false.`;
}

/** Look-back days: 0 (none) to ten years. */
export const LOOKBACK_LIMITS = { zeroAllowed: true, max: MAX_LOOKBACK_DAYS };

/** The demo data is generated from a whole-number seed. */
export function demoSeedError(value: unknown): string | undefined {
  return isUnset(value) || Number.isInteger(value)
    ? undefined
    : `Demo seed ${String(value)} must be a whole number; clear it to use the default seed.`;
}

/** A year with a DORA table; provisioning files may write it as text ("2023"). */
export function benchmarkYearOf(value: unknown): DoraJsonData['benchmarkYear'] {
  const year = Number(value);
  return BENCHMARK_YEARS.find((y) => y === year);
}

export function benchmarkYearError(value: unknown): string | undefined {
  if (isUnset(value) || benchmarkYearOf(value) !== undefined) {
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
  add('demoSeed', demoSeedError(jsonData.demoSeed));
  add(
    'productionEnvironmentPattern',
    patternError('Production environment pattern', jsonData.productionEnvironmentPattern)
  );
  add('pipelinePattern', patternError('Pipeline name pattern', jsonData.pipelinePattern));
  add('incidentLinkWindowHours', positiveNumberError('Incident link window (hours)', jsonData.incidentLinkWindowHours));
  add('hotfixPattern', patternError('Hotfix pattern', jsonData.hotfixPattern));
  add('revertPattern', patternError('Revert pattern', jsonData.revertPattern));
  add('rollbacksAreRework', booleanError('Rollbacks are rework', jsonData.rollbacksAreRework));
  for (const error of parseCatalogYaml(jsonData.catalogYaml).errors) {
    add('catalogYaml', `Service catalog${error.line ? `, line ${error.line}` : ''}: ${error.message}`);
  }
  add('benchmarkYear', benchmarkYearError(jsonData.benchmarkYear));
  add('lookbackDays', positiveNumberError('Look-back (days)', jsonData.lookbackDays, LOOKBACK_LIMITS));
  add('runQueriesIn', runQueriesInError(jsonData.runQueriesIn));
  return issues;
}
