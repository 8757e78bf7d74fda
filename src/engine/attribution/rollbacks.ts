/**
 * Rollbacks (docs/definitions.md#deployments): a deployment whose SHA an earlier deployment of the same service
 * already contained, while a newer SHA is live, rolls back the deployment it replaced. "Newer" is read by
 * ancestry: going back to an already shipped SHA is a rollback unless the live SHA is an ancestor of it
 * (then it is a roll-forward to a state shipped before, e.g. after an earlier rollback). A provider hint
 * (deployment.rollback) also makes a rollback, of whatever was live before it.
 */
import { Deployment } from '../model';
import { Shipments } from './ancestry';
import { Containment } from './containment';
import { CommitGraph, NO_COMMIT } from './graph';

export interface Rollbacks {
  isRollback: boolean[];
  /** Position of the deployment each rollback replaced, or -1 (also for non-rollbacks). */
  rolledBack: Int32Array;
}

export function findRollbacks(
  deployments: Deployment[],
  previous: Int32Array,
  shipments: Shipments,
  graph: CommitGraph,
  containment: Containment
): Rollbacks {
  const isRollback = deployments.map(() => false);
  const rolledBack = new Int32Array(deployments.length).fill(-1);
  deployments.forEach((d, i) => {
    const prev = previous[i];
    if (d.rollback === true) {
      isRollback[i] = true;
      rolledBack[i] = prev;
      return;
    }
    if (prev < 0 || shipments.isRedeploy[i] === 1 || shipments.shippedBefore[i] === 0) {
      return;
    }
    const live = shipments.shaCommit[prev];
    const sha = shipments.shaCommit[i];
    // Both commits were shipped by this service, and every deployment ships its commit's ancestors too: what lies
    // between them was first shipped between them, which bounds the walk (see isAncestor).
    const rollForward =
      live !== NO_COMMIT &&
      sha !== NO_COMMIT &&
      graph.isAncestor(live, sha, (c) => containment.firstShipperIn(c, d.service, deployments));
    if (!rollForward) {
      isRollback[i] = true;
      rolledBack[i] = prev;
    }
  });
  return { isRollback, rolledBack };
}
