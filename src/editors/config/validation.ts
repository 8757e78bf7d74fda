/**
 * Checks of the data source settings that the ConfigEditor shows as the user types, so a bad pattern or
 * catalog entry is seen before saving instead of in a panel. Every message names the field, the value and
 * the fix. Patterns are compiled as the engine does: case-insensitive regular expressions.
 */
import { parseCatalogYaml } from '../../sources/catalog';
import { DoraJsonData } from '../../types/config';

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
  try {
    new RegExp(pattern, 'i');
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
    return `${label} "${pattern}" is not a valid regular expression (${reason}). Fix the pattern or clear it to use the default.`;
  }
}

/** A number that must be positive (and whole, where asked); undefined means "the default". */
export function positiveNumberError(
  label: string,
  value: number | undefined,
  opts: { integer?: boolean; max?: number } = {}
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Number.isFinite(value) || value <= 0) {
    return `${label} ${String(value)} must be a number greater than 0; clear it to use the default.`;
  }
  if (opts.integer && !Number.isInteger(value)) {
    return `${label} ${String(value)} must be a whole number.`;
  }
  if (opts.max !== undefined && value > opts.max) {
    return `${label} ${String(value)} is more than ${opts.max}; use at most ${opts.max}.`;
  }
  return undefined;
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
  add(
    'incidentLinkWindowHours',
    positiveNumberError('Incident link window (hours)', jsonData.incidentLinkWindowHours, { max: 24 * 30 })
  );
  add('hotfixPattern', patternError('Hotfix pattern', jsonData.hotfixPattern));
  add('revertPattern', patternError('Revert pattern', jsonData.revertPattern));
  for (const message of catalogErrors(jsonData.catalogYaml)) {
    add('catalogYaml', `Service catalog: ${message}`);
  }
  add('benchmarkYear', benchmarkYearError(jsonData.benchmarkYear));
  add('lookbackDays', positiveNumberError('Look-back (days)', jsonData.lookbackDays, { integer: true, max: 365 }));
  return issues;
}
