/**
 * The normalized event model (docs/design.md#event-model; as JSON, docs/events-format.md). Every source maps
 * its API into these shapes.
 * Instants are epoch milliseconds, UTC. Optional fields are absent, never null.
 */

/** Epoch milliseconds (UTC). */
export type Instant = number;

export interface PullRequestInfo {
  number: number;
  title?: string;
  labels?: string[];
  /** Head branch name, used for hotfix patterns. */
  branch?: string;
  url?: string;
  firstCommitAt?: Instant;
  openedAt?: Instant;
  firstReviewAt?: Instant;
  mergedAt?: Instant;
}

export interface Change {
  sha: string;
  /** owner/name (or any stable repository key); changes and deployments meet on it. */
  repo: string;
  authoredAt?: Instant;
  committedAt: Instant;
  /** Who wrote the change (name or login), where the code host says. */
  author?: string;
  /** The first parent's SHA; absent for a root commit (the first of a history). */
  parent?: string;
  /**
   * A merge commit's further parents (the second onwards, in git's order); absent for any other commit. An ordinary
   * commit carries no list: at a million commits a one-SHA list per commit was about a sixth of the events' memory.
   */
  mergedParents?: string[];
  /** First line of the commit message; used for revert detection. */
  message?: string;
  pullRequest?: PullRequestInfo;
  /** Paths touched, where known (monorepo service mapping). */
  files?: string[];
}

/** A commit's parent SHAs in git's order (the first parent first); [] for a root commit. */
export function parentsOf(change: Change): string[] {
  const { parent, mergedParents } = change;
  return parent === undefined ? [] : mergedParents === undefined ? [parent] : [parent].concat(mergedParents);
}

/** The parent fields of a commit whose parent SHAs, in git's order, are `shas`: for sources that read a list. */
export function parentFields(shas: readonly string[]): Pick<Change, 'parent' | 'mergedParents'> {
  return shas.length === 0
    ? {}
    : shas.length === 1
      ? { parent: shas[0] }
      : { parent: shas[0], mergedParents: shas.slice(1) };
}

/** "abc1234": the 7-character short SHA of git's default abbreviation. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

export type DeploymentStatus = 'success' | 'failure' | 'cancelled' | 'in_progress';

export interface Deployment {
  id: string;
  service: string;
  environment: string;
  /** Repository whose commits this deployment ships. */
  repo: string;
  sha: string;
  startedAt?: Instant;
  finishedAt: Instant;
  status: DeploymentStatus;
  /** Which source produced it (github, gitlab, demo, json, ...). */
  source: string;
  url?: string;
  /** Title, ref or release name; used with the hotfix pattern. */
  title?: string;
  ref?: string;
  /** Pipeline run that produced it; jobs of one run deploying the same service count once. */
  pipelineRunId?: string;
  /** Explicit list of change SHAs shipped for the first time (wins over ancestry). */
  changes?: string[];
  /**
   * Set by a source that already applied its own production rule (e.g. GitHub's per-repository environment or
   * workflow pattern): true = production, false = not, absent = decided by the data source's patterns.
   */
  production?: boolean;
  /** Provider hints. */
  rollback?: boolean;
  hotfix?: boolean;
  /** Id of the deployment this one fixes (fix-forward), where the provider says so. */
  fixesDeploymentId?: string;
}

export interface IncidentCause {
  deploymentId?: string;
  sha?: string;
  pullRequest?: number;
  repo?: string;
}

export interface Incident {
  id: string;
  service?: string;
  title?: string;
  /** Impact start, if known. */
  startedAt?: Instant;
  createdAt: Instant;
  acknowledgedAt?: Instant;
  resolvedAt?: Instant;
  severity?: string;
  /** Who owns the incident now (assignee, else the person on call), where the incident tool says. */
  owner?: string;
  url?: string;
  source: string;
  labels?: string[];
  /** Explicit cause, where the incident names one. */
  cause?: IncidentCause;
}

export type PipelineConclusion = 'success' | 'failure' | 'cancelled' | 'skipped' | 'in_progress';

export interface PipelineRun {
  id: string;
  repo: string;
  workflow: string;
  sha: string;
  attempt: number;
  startedAt: Instant;
  finishedAt?: Instant;
  conclusion: PipelineConclusion;
  branch?: string;
  url?: string;
}

export interface CatalogRepository {
  repo: string;
  /** Monorepo path prefixes that belong to this service. */
  paths?: string[];
}

export interface CatalogService {
  name: string;
  /** The owning team. */
  team?: string;
  /** Several owning teams ("teams: [a, b]"); the service counts in each one's group. With team, team comes first. */
  teams?: string[];
  repositories?: CatalogRepository[];
  pipelines?: string[];
  environments?: string[];
  incidentServices?: string[];
  /** The service's runbook (an http or https URL), linked from incident tables. */
  runbook?: string;
  /** The service's availability objective, for its error budget. */
  objective?: AvailabilityObjective;
}

/** The most days an availability objective's window may span (a year, leap years included). */
export const MAX_OBJECTIVE_WINDOW_DAYS = 366;

/** "99.9% available over 30 days": the budget is (1 - target) of the window. */
export interface AvailabilityObjective {
  /** Target availability as a fraction, 0 < target < 1 (99.9% is 0.999). */
  target: number;
  /** The rolling window the objective is measured over, in days. */
  windowDays: number;
}

export interface ServiceCatalog {
  services: CatalogService[];
}

export interface DoraEvents {
  deployments: Deployment[];
  changes: Change[];
  incidents: Incident[];
  pipelineRuns: PipelineRun[];
  catalog?: ServiceCatalog;
}

export function emptyEvents(): DoraEvents {
  return { deployments: [], changes: [], incidents: [], pipelineRuns: [] };
}

/** Adds the events of `more` to `into` (not its catalog). */
export function appendEvents(into: DoraEvents, more: DoraEvents): void {
  // Not push(...items): a spread of 100k+ items overflows the stack (a Web Worker's first).
  appendAll(into.deployments, more.deployments);
  appendAll(into.changes, more.changes);
  appendAll(into.incidents, more.incidents);
  appendAll(into.pipelineRuns, more.pipelineRuns);
}

/** Concatenates the sources' events. Catalogs merge by service name; `override` (the settings) wins. */
export function mergeEvents(all: DoraEvents[], override?: ServiceCatalog): DoraEvents {
  const out = emptyEvents();
  const services = new Map<string, CatalogService>();
  for (const events of all) {
    appendEvents(out, events);
    for (const service of events.catalog?.services ?? []) {
      services.set(service.name, service);
    }
  }
  for (const service of override?.services ?? []) {
    services.set(service.name, service);
  }
  if (services.size > 0) {
    out.catalog = { services: Array.from(services.values()) };
  }
  return out;
}

function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
