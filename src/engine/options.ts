/** Options of the definitions (docs/definitions.md), with the documented defaults. */

/** Where a change's lead time starts: its commit, or the first commit, opening or merge of its pull request. */
export const LEAD_TIME_STARTS = ['commit', 'prFirstCommit', 'prOpened', 'prMerged'] as const;
export type LeadTimeStart = (typeof LEAD_TIME_STARTS)[number];
/** Years whose State of DevOps table the levels follow (src/engine/tiers.ts). */
export const BENCHMARK_YEARS = [2021, 2022, 2023, 2024] as const;
export type BenchmarkYear = (typeof BENCHMARK_YEARS)[number];

export interface EngineOptions {
  /** Regular expression (case-insensitive) for production environment names. */
  productionEnvironmentPattern: string;
  /** Regular expression (case-insensitive) for pipeline/workflow names that deploy; empty = all. */
  pipelinePattern: string;
  /** Same-service incident link window, in milliseconds. */
  incidentLinkWindowMs: number;
  /** Regular expression (case-insensitive) over PR labels, branch, titles that marks a hotfix. */
  hotfixPattern: string;
  /** Regular expression over commit messages / titles that marks a revert. */
  revertPattern: string;
  /** Whether rollbacks count as rework. */
  rollbacksAreRework: boolean;
  leadTimeStart: LeadTimeStart;
  benchmarkYear: BenchmarkYear;
}

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

export const DEFAULT_OPTIONS: EngineOptions = {
  productionEnvironmentPattern: '^(prod|production)$',
  pipelinePattern: '',
  incidentLinkWindowMs: DAY_MS,
  hotfixPattern: '(^|[^a-z])hot-?fix',
  revertPattern: '^revert\\b',
  rollbacksAreRework: true,
  leadTimeStart: 'commit',
  benchmarkYear: 2023,
};

export function withDefaults(partial?: Partial<EngineOptions>): EngineOptions {
  const out: EngineOptions = { ...DEFAULT_OPTIONS };
  if (partial) {
    for (const key of Object.keys(partial) as Array<keyof EngineOptions>) {
      const value = partial[key];
      if (value !== undefined) {
        (out as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }
  return out;
}
