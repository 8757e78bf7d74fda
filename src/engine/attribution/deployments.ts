/**
 * Which deployments count (docs/definitions.md#deployments): production ones, by the environment pattern and, when
 * set, the pipeline pattern; jobs of one pipeline run deploying one service count once, at the last finish;
 * failed or cancelled attempts are kept apart. Everything is sorted by finish, then id, so results never
 * depend on input order.
 */
import { Deployment } from '../model';
import { AttributionOptions } from './compiledOptions';
import { compareNumbers, compareText, sortedPositions } from './order';

export interface ProductionDeployments {
  /** Successful production deployments, jobs collapsed, sorted by finish then id. */
  deployments: Deployment[];
  /** Failed or cancelled production attempts, collapsed the same way, sorted. */
  failedAttempts: Deployment[];
  /**
   * Id of a successful job collapsed into another -> id of the deployment it was collapsed into. A deployment's own
   * id is not listed (a map entry per deployment for nothing).
   */
  idAliases: Map<string, string>;
}

export function isProductionDeployment(d: Deployment, options: AttributionOptions): boolean {
  // A source that selected its deployments by its own (per-repository) rule has decided already.
  if (d.production !== undefined) {
    return d.production;
  }
  if (!options.production.test(d.environment)) {
    return false;
  }
  const pipeline = options.pipeline;
  if (pipeline === null) {
    return true;
  }
  return (d.title !== undefined && pipeline.test(d.title)) || (d.ref !== undefined && pipeline.test(d.ref));
}

/** Splits production deployments into successes and failed attempts (in-progress ones are neither). */
export function splitAttempts(production: Deployment[]): ProductionDeployments {
  const idAliases = new Map<string, string>();
  const deployments = collapsePipelineJobs(
    production.filter((d) => d.status === 'success'),
    idAliases
  );
  const failedAttempts = collapsePipelineJobs(
    production.filter((d) => d.status === 'failure' || d.status === 'cancelled'),
    new Map()
  );
  return { deployments, failedAttempts, idAliases };
}

export function compareByFinish(a: Deployment, b: Deployment): number {
  return compareNumbers(a.finishedAt, b.finishedAt) || compareText(a.id, b.id);
}

/**
 * For each deployment (by position), the position of the deployment live in the same service and
 * environment just before it, or -1. Regions of one service are separate environments, each with its own
 * live version: that is what redeploys, rollbacks and hotfixes replace.
 */
export function previousInEnvironment(sorted: Deployment[]): Int32Array {
  const previous = new Int32Array(sorted.length);
  // Service, then environment: no key string built per deployment.
  const live = new Map<string, Map<string, number>>();
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i];
    let environments = live.get(d.service);
    if (!environments) {
      environments = new Map();
      live.set(d.service, environments);
    }
    const before = environments.get(d.environment);
    previous[i] = before === undefined ? -1 : before;
    environments.set(d.environment, i);
  }
  return previous;
}

/**
 * Finds a deployment's position by its id or by the id of one of the pipeline jobs collapsed into it. The ids that
 * will be asked (`announced`: what incidents and fix-forward deployments name, a few thousand) are found in one pass
 * that keeps only them, where a map of every id (a hundred thousand entries) cost more than the pass itself. An id
 * not announced is answered by a map of every deployment, made at the first such question.
 */
export function positionFinder(
  sorted: Deployment[],
  idAliases: Map<string, string>,
  announced: readonly string[]
): (id: string) => number | undefined {
  const wanted = new Set<string>();
  for (const id of announced) {
    wanted.add(idAliases.get(id) ?? id);
  }
  const found = new Map<string, number>();
  for (let i = 0; wanted.size > 0 && i < sorted.length; i++) {
    const id = sorted[i].id;
    if (wanted.has(id)) {
      found.set(id, i);
    }
  }
  let every: Map<string, number> | undefined;
  return (asked) => {
    const id = idAliases.get(asked) ?? asked;
    if (wanted.has(id)) {
      return found.get(id);
    }
    if (every === undefined) {
      every = new Map();
      for (let i = 0; i < sorted.length; i++) {
        every.set(sorted[i].id, i);
      }
    }
    return every.get(id);
  };
}

/** Positions of each service's deployments, in finish order. */
export function positionsByService(sorted: Deployment[]): Map<string, number[]> {
  const byService = new Map<string, number[]>();
  sorted.forEach((d, i) => {
    const list = byService.get(d.service);
    if (list) {
      list.push(i);
    } else {
      byService.set(d.service, [i]);
    }
  });
  return byService;
}

function collapsePipelineJobs(deployments: Deployment[], idAliases: Map<string, string>): Deployment[] {
  // By run first (its id is a string already, where a run-and-service key would be a new one per deployment),
  // then by service within the run. A run of one job (most) is held as the job itself, not a list of one.
  const runs = new Map<string, Deployment | Deployment[]>();
  const out: Deployment[] = [];
  for (let i = 0; i < deployments.length; i++) {
    const d = deployments[i];
    if (d.pipelineRunId === undefined || d.pipelineRunId === '') {
      out.push(d);
      continue;
    }
    const run = runs.get(d.pipelineRunId);
    if (run === undefined) {
      runs.set(d.pipelineRunId, d);
    } else if (Array.isArray(run)) {
      run.push(d);
    } else {
      runs.set(d.pipelineRunId, [run, d]);
    }
  }
  runs.forEach((run) => {
    if (!Array.isArray(run)) {
      out.push(run);
      return;
    }
    const services: string[] = [];
    for (const job of run) {
      if (services.indexOf(job.service) < 0) {
        services.push(job.service);
      }
    }
    for (const service of services) {
      const group = run.filter((job) => job.service === service);
      const merged = group.length === 1 ? group[0] : mergeJobs(group.sort(compareByFinish));
      out.push(merged);
      for (const job of group) {
        if (job.id !== merged.id) {
          idAliases.set(job.id, merged.id);
        }
      }
    }
  });
  return sortByFinish(out);
}

/**
 * The deployments by finish, then id (compareByFinish's order): their finish instants in a typed array, sorted by
 * sortedPositions, so that a comparison reads no deployment. A hundred thousand deployments take a few milliseconds
 * instead of a comparator sort's hundred.
 */
function sortByFinish(list: Deployment[]): Deployment[] {
  const n = list.length;
  const finish = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    finish[i] = list[i].finishedAt;
  }
  const order = sortedPositions(finish, (y, x) => list[y].id < list[x].id);
  const out: Deployment[] = new Array(n);
  for (let k = 0; k < n; k++) {
    out[k] = list[order[k]];
  }
  return out;
}

/** One deployment for the jobs of a run: the last job's, starting at the first start, with every hint. */
function mergeJobs(jobs: Deployment[]): Deployment {
  const last = jobs[jobs.length - 1];
  const merged: Deployment = { ...last };
  let startedAt: number | undefined;
  let changes: string[] | undefined;
  const listed = new Set<string>();
  for (const job of jobs) {
    if (job.startedAt !== undefined && (startedAt === undefined || job.startedAt < startedAt)) {
      startedAt = job.startedAt;
    }
    if (job.changes) {
      changes = changes ?? [];
      for (const sha of job.changes) {
        if (!listed.has(sha)) {
          listed.add(sha);
          changes.push(sha);
        }
      }
    }
    if (job.rollback) {
      merged.rollback = true;
    }
    if (job.hotfix) {
      merged.hotfix = true;
    }
    if (merged.fixesDeploymentId === undefined && job.fixesDeploymentId !== undefined) {
      merged.fixesDeploymentId = job.fixesDeploymentId;
    }
  }
  if (startedAt !== undefined) {
    merged.startedAt = startedAt;
  }
  if (changes) {
    merged.changes = changes;
  }
  return merged;
}
