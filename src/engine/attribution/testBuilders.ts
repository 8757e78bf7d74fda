/** Small event builders for attribution tests: defaults for everything a case does not care about. */
import { Change, Deployment, DoraEvents, Incident, parentFields, parentsOf, PipelineRun } from '../model';

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
/** 2026-01-05T00:00:00Z, a Monday; tests count hours from here. */
export const T0 = Date.UTC(2026, 0, 5);
export const at = (hours: number) => T0 + hours * HOUR;
/** "now" for tests: far after every instant they use. */
export const NOW = T0 + 365 * DAY;

/** A commit with its parent SHAs in git's order ([] for a root commit). */
export function commit(sha: string, parents: string[], hours: number, extra: Partial<Change> = {}): Change {
  return { sha, repo: 'acme/app', committedAt: at(hours), ...parentFields(parents), ...extra };
}

/** The commit with its SHA and its parents' SHAs renamed (e.g. lengthened to look like SHAs). */
export function renamed(change: Change, rename: (sha: string) => string): Change {
  return { ...change, sha: rename(change.sha), ...parentFields(parentsOf(change).map(rename)) };
}

/** A linear history c1 <- c2 <- ... <- cn (prefix + number), one commit per hour from `fromHour`. */
export function chain(prefix: string, n: number, fromHour = 0, first?: string, extra: Partial<Change> = {}): Change[] {
  const out: Change[] = [];
  for (let k = 1; k <= n; k++) {
    const parents = k === 1 ? (first ? [first] : []) : [`${prefix}${k - 1}`];
    out.push(commit(`${prefix}${k}`, parents, fromHour + k - 1, extra));
  }
  return out;
}

export function deploy(id: string, sha: string, hours: number, extra: Partial<Deployment> = {}): Deployment {
  return {
    id,
    service: 'app',
    environment: 'production',
    repo: 'acme/app',
    sha,
    finishedAt: at(hours),
    status: 'success',
    source: 'test',
    ...extra,
  };
}

export function incident(id: string, hours: number, extra: Partial<Incident> = {}): Incident {
  return { id, service: 'app', createdAt: at(hours), source: 'test', ...extra };
}

export function run(id: string, sha: string, hours: number, extra: Partial<PipelineRun> = {}): PipelineRun {
  return {
    id,
    repo: 'acme/app',
    workflow: 'ci',
    sha,
    attempt: 1,
    startedAt: at(hours),
    finishedAt: at(hours) + 600000,
    conclusion: 'success',
    ...extra,
  };
}

export function events(partial: Partial<DoraEvents>): DoraEvents {
  return { deployments: [], changes: [], incidents: [], pipelineRuns: [], ...partial };
}
