/**
 * Which attributed items a table, an annotation or a template variable shows: those whose instant falls in the
 * range [from, to) and that pass the filters. They are judged by the same dimensions and instants as the metrics,
 * so a table explains exactly the numbers of the panel next to it.
 */
import {
  Attributed,
  AttributedChange,
  AttributedDeployment,
  AttributedIncident,
  AttributedPipelineRun,
} from './attribution/types';
import { Dimensions, Dims, Grouping, Readers } from './metrics/dimensions';
import { incidentInstant, runInstant } from './metrics/instants';
import { Deployment, Instant } from './model';
import { Filters } from './results';
import { TimeRange } from './time';

/** A dimension items are grouped and filtered by. */
export type Dimension = keyof Dims;

export const DIMENSIONS: Dimension[] = ['service', 'team', 'environment', 'repository'];

/** The items of every kind that a range and filters select. */
export interface Selection {
  deployments: AttributedDeployment[];
  failedAttempts: Deployment[];
  changes: AttributedChange[];
  incidents: AttributedIncident[];
  pipelineRuns: AttributedPipelineRun[];
}

/** How a deployment turned out: a rollback, failed (and not itself a rollback), or a success. */
export type DeploymentOutcome = 'success' | 'failed' | 'rollback';

export function deploymentOutcome(item: AttributedDeployment): DeploymentOutcome {
  return item.isRollback ? 'rollback' : item.failed ? 'failed' : 'success';
}

/** A deployment's place in its service's history, for tables that explain it. */
export interface DeploymentContext {
  /** The deployment of the same service and environment just before it (the one it replaced), if any. */
  previous?: string;
  /** The deployment of the same service and environment just after it (the one that replaced it), if any. */
  next?: string;
  /** Authors of the changes it shipped for the first time, in commit order, each once. */
  authors: string[];
}

/**
 * deployment id -> its previous and next deployment (same service and environment, by finish) and the authors of
 * its changes, over all successful production deployments (so the neighbours of a deployment at the edge of a
 * range are still found).
 */
export function deploymentContexts(attributed: Attributed): Record<string, DeploymentContext> {
  const out: Record<string, DeploymentContext> = {};
  const last = new Map<string, string>();
  for (const item of attributed.deployments) {
    const d = item.deployment;
    const key = `${d.service}\u0000${d.environment}`;
    const previous = last.get(key);
    const context: DeploymentContext = { authors: [] };
    if (previous !== undefined) {
      context.previous = previous;
      out[previous].next = d.id;
    }
    out[d.id] = context;
    last.set(key, d.id);
  }
  const changes = attributed.changes.slice().sort((a, b) => a.change.committedAt - b.change.committedAt);
  for (const item of changes) {
    const context = out[item.deploymentId];
    const author = item.change.author;
    if (context && author && context.authors.indexOf(author) < 0) {
      context.authors.push(author);
    }
  }
  return out;
}

/** Successful production deployments finished in the range. */
export function selectDeployments(attributed: Attributed, range: TimeRange, filters?: Filters): AttributedDeployment[] {
  return new Selector(attributed, filters).deployments(range);
}

/** Ids of the successful production deployments finished in the range that pass the filters, newest first. */
export function deploymentIds(attributed: Attributed, range: TimeRange, filters?: Filters): string[] {
  return selectDeployments(attributed, range, filters)
    .map((d) => d.deployment.id)
    .reverse();
}

/** Changes whose first production deployment finished in the range. */
export function selectChanges(attributed: Attributed, range: TimeRange, filters?: Filters): AttributedChange[] {
  return new Selector(attributed, filters).changes(range);
}

/** Incidents that started (else were created) in the range. */
export function selectIncidents(attributed: Attributed, range: TimeRange, filters?: Filters): AttributedIncident[] {
  return new Selector(attributed, filters).incidents(range);
}

/**
 * Incidents whose impact overlaps the range: started before its end and resolved (or still open) after its
 * start. This is what a time axis shows as regions.
 */
export function selectIncidentsOverlapping(
  attributed: Attributed,
  range: TimeRange,
  filters?: Filters
): AttributedIncident[] {
  return new Selector(attributed, filters).incidentsOverlapping(range);
}

/** Everything a range and filters select, sharing one set of dimension lookups. */
export function selectAll(attributed: Attributed, range: TimeRange, filters?: Filters): Selection {
  const selector = new Selector(attributed, filters);
  return {
    deployments: selector.deployments(range),
    failedAttempts: selector.failedAttempts(range),
    changes: selector.changes(range),
    incidents: selector.incidents(range),
    pipelineRuns: selector.pipelineRuns(range),
  };
}

export interface DimensionValuesOptions {
  /** Only items (of any kind) that pass these filters. */
  filters?: Filters;
  /** Only items whose instant falls in this range; default: every item. */
  range?: TimeRange;
}

/**
 * The distinct values of a dimension over deployments, failed attempts, changes, incidents and pipeline runs,
 * sorted: the values a filter on that dimension can match. Unknown (empty) values are left out.
 */
export function dimensionValues(
  attributed: Attributed,
  dimension: Dimension,
  options: DimensionValuesOptions = {}
): string[] {
  const selector = new Selector(attributed, options.filters);
  const range = options.range || EVERYTHING;
  const dims = selector.dims;
  const seen: Record<string, true> = {};
  const add = <T>(items: T[], read: Readers<T>) => {
    const value = read[dimension];
    for (let i = 0; i < items.length; i++) {
      const v = value(items[i]);
      if (v) {
        seen[v] = true;
      }
    }
  };
  add(selector.deployments(range), dims.deployment);
  add(selector.failedAttempts(range), dims.attempt);
  add(selector.changes(range), dims.change);
  add(selector.incidents(range), dims.incident);
  add(selector.pipelineRuns(range), dims.run);
  return Object.keys(seen).sort(compareText);
}

/**
 * The severities of the incidents, or the labels of the changes' pull requests and of the incidents, that a range and
 * filters select, sorted: the values a severity or label filter (and grouping) can match. Incidents without a severity
 * and items without labels add nothing.
 */
export function facetValues(
  attributed: Attributed,
  facet: 'severity' | 'label',
  options: DimensionValuesOptions = {}
): string[] {
  const selector = new Selector(attributed, options.filters);
  const range = options.range || EVERYTHING;
  const seen: Record<string, true> = {};
  if (facet === 'severity') {
    for (const item of selector.incidents(range)) {
      if (item.incident.severity) {
        seen[item.incident.severity] = true;
      }
    }
  } else {
    const add = (labels: readonly string[] | undefined) => {
      for (const label of labels ?? []) {
        if (label) {
          seen[label] = true;
        }
      }
    };
    for (const item of selector.changes(range)) {
      add(item.change.pullRequest?.labels);
    }
    for (const item of selector.incidents(range)) {
      add(item.incident.labels);
    }
  }
  return Object.keys(seen).sort(compareText);
}

const EVERYTHING: TimeRange = { from: -Infinity, to: Infinity };

/** One attributed data set under one set of filters; each method selects one kind of item by its instant. */
class Selector {
  readonly dims: Dimensions;
  private readonly grouping: Grouping;

  constructor(
    private readonly attributed: Attributed,
    filters: Filters | undefined
  ) {
    this.dims = new Dimensions(attributed);
    // With groupBy 'none', an item has a group exactly when every filter lets it through.
    this.grouping = new Grouping('none', filters);
  }

  deployments(range: TimeRange): AttributedDeployment[] {
    const pass = this.grouping.compile(this.dims.deployment, this.dims.deploymentFacets);
    return this.attributed.deployments.filter((d) => inRange(d.deployment.finishedAt, range) && pass(d) !== null);
  }

  failedAttempts(range: TimeRange): Deployment[] {
    const pass = this.grouping.compile(this.dims.attempt, this.dims.attemptFacets);
    return this.attributed.failedAttempts.filter((d) => inRange(d.finishedAt, range) && pass(d) !== null);
  }

  changes(range: TimeRange): AttributedChange[] {
    const pass = this.grouping.compile(this.dims.change, this.dims.changeFacets);
    return this.attributed.changes.filter((c) => inRange(c.deployedAt, range) && pass(c) !== null);
  }

  incidents(range: TimeRange): AttributedIncident[] {
    const pass = this.grouping.compile(this.dims.incident, this.dims.incidentFacets);
    return this.attributed.incidents.filter((i) => inRange(incidentInstant(i), range) && pass(i) !== null);
  }

  incidentsOverlapping(range: TimeRange): AttributedIncident[] {
    const pass = this.grouping.compile(this.dims.incident, this.dims.incidentFacets);
    return this.attributed.incidents.filter((i) => {
      const start = incidentInstant(i);
      const end = i.incident.resolvedAt !== undefined ? i.incident.resolvedAt : Infinity;
      return start < range.to && end >= range.from && pass(i) !== null;
    });
  }

  pipelineRuns(range: TimeRange): AttributedPipelineRun[] {
    const pass = this.grouping.compile(this.dims.run, this.dims.runFacets);
    return this.attributed.pipelineRuns.filter((r) => inRange(runInstant(r), range) && pass(r) !== null);
  }
}

function inRange(t: Instant, range: TimeRange): boolean {
  return t >= range.from && t < range.to;
}

/** Code-unit order: the same in every JavaScript VM (localeCompare would depend on Intl). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
