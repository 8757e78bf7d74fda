/**
 * Failed and rework deployments (docs/definitions.md#change-failure-rate, docs/definitions.md#deployment-rework-rate).
 * A deployment is failed when an incident is linked to it, it was rolled back, or a hotfix, revert or
 * fix-forward deployment refers to it (or to one of its changes). The referring deployments are rework
 * (rollbacks only when options.rollbacksAreRework), and each is recorded as a fix of the failed one, for
 * recovery time.
 *
 * Fix-forward: deployment.fixesDeploymentId, or the first deployment of the service after a linked incident
 * started, finishing no later than the window after it was resolved (or after it started, when unresolved),
 * that looks like a fix: a hotfix deployment (see hotfixes.ts), or a change whose message or pull request
 * title matches the hotfix or revert pattern.
 */
import { Deployment, Incident } from '../model';
import { Shipments } from './ancestry';
import { AttributionOptions } from './compiledOptions';
import { CommitGraph } from './graph';
import { HotfixDetector } from './hotfixes';
import { incidentStart } from './incidentTimes';
import { countLeading } from './order';
import { RevertDetector } from './reverts';
import { Rollbacks } from './rollbacks';
import { FailureReason, ReworkReason } from './types';

export interface Verdicts {
  failureReasons: FailureReason[][];
  reworkReasons: ReworkReason[][];
  /** Positions of the rollback or fix deployments that answered each failed deployment. */
  fixedBy: number[][];
  /** Indices (into the incident list) of the incidents linked to each deployment. */
  incidents: number[][];
}

export interface JudgeInput {
  deployments: Deployment[];
  previous: Int32Array;
  shipments: Shipments;
  /** The commits of every shipment (see Shipments.from and to). */
  shipped: Int32Array;
  rollbacks: Rollbacks;
  incidents: Incident[];
  /** Linked deployment position per incident, or -1. */
  incidentPositions: number[];
  byService: Map<string, number[]>;
  /** Position of a deployment by its id (or one of its pipeline jobs' ids). */
  positionOf: (id: string) => number | undefined;
  graph: CommitGraph;
  /** Made by attribute(), which announced its lookups to the graph first. */
  reverts: RevertDetector;
  options: AttributionOptions;
}

export function judgeDeployments(input: JudgeInput): Verdicts {
  const { deployments, previous, shipments, shipped, rollbacks, options } = input;
  const n = deployments.length;
  const verdicts: Verdicts = {
    failureReasons: emptyLists(n),
    reworkReasons: emptyLists(n),
    fixedBy: emptyLists(n),
    incidents: emptyLists(n),
  };
  const fail = (position: number, reason: FailureReason) => addTo(verdicts.failureReasons, position, reason, true);
  const rework = (position: number, reason: ReworkReason) => addTo(verdicts.reworkReasons, position, reason, true);
  const fixes = (fixer: number, failed: number) => addTo(verdicts.fixedBy, failed, fixer, true);

  input.incidentPositions.forEach((position, k) => {
    if (position >= 0) {
      fail(position, 'incident');
      addTo(verdicts.incidents, position, k, false);
    }
  });

  const hotfixes = new HotfixDetector(options.hotfix, input.graph);
  const reverts = input.reverts;
  for (let i = 0; i < n; i++) {
    const d = deployments[i];
    const from = shipments.from[i];
    const to = shipments.to[i];
    if (rollbacks.isRollback[i]) {
      if (options.rollbacksAreRework) {
        rework(i, 'rollback');
      }
      if (rollbacks.rolledBack[i] >= 0) {
        fail(rollbacks.rolledBack[i], 'rolled-back');
        fixes(i, rollbacks.rolledBack[i]);
      }
    }
    if (hotfixes.isHotfix(d, shipped, from, to)) {
      rework(i, 'hotfix');
      if (previous[i] >= 0) {
        fail(previous[i], 'hotfix');
        fixes(i, previous[i]);
      }
    }
    const revert = reverts.verdict(i, shipped, from, to);
    if (revert.isRevert) {
      rework(i, 'revert');
      for (const target of revert.targets) {
        fail(target, 'revert');
        fixes(i, target);
      }
    }
    if (d.fixesDeploymentId !== undefined && d.fixesDeploymentId !== '') {
      rework(i, 'fix-forward');
      const target = input.positionOf(d.fixesDeploymentId);
      // A fix comes after what it fixes; a named deployment that finished later is not its target.
      if (target !== undefined && target < i) {
        fail(target, 'fix-forward');
        fixes(i, target);
      }
    }
  }

  const isFixLike = (position: number) => {
    const from = shipments.from[position];
    const to = shipments.to[position];
    if (hotfixes.isHotfix(deployments[position], shipped, from, to)) {
      return true;
    }
    for (let k = from; k < to; k++) {
      const message = input.graph.commits[shipped[k]].message;
      if (reverts.isRevertCommit(shipped[k]) || (message !== undefined && options.hotfix.test(message))) {
        return true;
      }
    }
    return false;
  };
  input.incidentPositions.forEach((failed, k) => {
    if (failed < 0) {
      return;
    }
    const incident = input.incidents[k];
    const fixer = firstFixAfter(input, failed, incident, isFixLike);
    if (fixer >= 0) {
      rework(fixer, 'fix-forward');
      fixes(fixer, failed);
    }
  });

  verdicts.fixedBy.forEach((list) => {
    if (list.length > 1) {
      list.sort((a, b) => a - b);
    }
  });
  return verdicts;
}

function firstFixAfter(
  input: JudgeInput,
  failed: number,
  incident: Incident,
  isFixLike: (position: number) => boolean
): number {
  const { deployments, options } = input;
  const start = incidentStart(incident);
  const end = (incident.resolvedAt ?? start) + options.incidentLinkWindowMs;
  const positions = input.byService.get(deployments[failed].service) ?? [];
  for (let k = countLeading(positions, (p) => p <= failed); k < positions.length; k++) {
    const p = positions[k];
    const finishedAt = deployments[p].finishedAt;
    if (finishedAt <= start) {
      continue;
    }
    if (finishedAt > end) {
      break;
    }
    if (isFixLike(p)) {
      return p;
    }
  }
  return -1;
}

/**
 * One shared, frozen empty list stands for "none" until something is added: most deployments have no failure,
 * rework, fix or incident, and four empty arrays for each of a hundred thousand deployments are garbage the
 * Go backend's VM pays for. The lists reach AttributedDeployment as they are, so "none" stays frozen there.
 */
export const NONE: never[] = Object.freeze([] as never[]) as never[];

function emptyLists<T>(n: number): T[][] {
  const out: T[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = NONE;
  }
  return out;
}

function addTo<T>(lists: T[][], position: number, item: T, once: boolean): void {
  let list = lists[position];
  if (list === NONE) {
    list = [];
    lists[position] = list;
  }
  if (!once || list.indexOf(item) < 0) {
    list.push(item);
  }
}
