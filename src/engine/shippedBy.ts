/**
 * Which deployment first shipped a commit: the link between CI runs (repository + SHA) and deployments, for the
 * deployments filter on pipeline runs and the runs table.
 */
import { Attributed } from './attribution/types';

/** repository + SHA -> id of the production deployment that shipped that change for the first time. */
export type ShippedBy = Map<string, string>;

export function shippedBy(attributed: Attributed): ShippedBy {
  const out: ShippedBy = new Map();
  const changes = attributed.changes;
  for (let i = 0; i < changes.length; i++) {
    out.set(commitKey(changes[i].change.repo, changes[i].change.sha), changes[i].deploymentId);
  }
  return out;
}

export function commitKey(repo: string, sha: string): string {
  return `${repo}\u0000${sha}`;
}
