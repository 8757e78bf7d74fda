/**
 * Which deployment first shipped a commit: the link between CI runs (repository + SHA) and deployments, for the
 * deployments filter on pipeline runs and the runs table.
 */
import { Attributed } from './attribution/types';

/** repository + SHA -> id of the production deployment that shipped that change for the first time. */
export type ShippedBy = Map<string, string>;

/**
 * Every shipped commit's first deployment; with `only`, just those of the commits listed (a map small enough to keep:
 * a history's CI runs name a few thousand commits, its changes are up to millions).
 */
export function shippedBy(attributed: Attributed, only?: ReadonlyArray<{ repo: string; sha: string }>): ShippedBy {
  const out: ShippedBy = new Map();
  const wanted = only ? new Set(only.map((c) => c.sha)) : null;
  const changes = attributed.changes;
  for (let i = 0; i < changes.length; i++) {
    const { repo, sha } = changes[i].change;
    if (wanted === null || wanted.has(sha)) {
      out.set(commitKey(repo, sha), changes[i].deploymentId);
    }
  }
  return out;
}

export function commitKey(repo: string, sha: string): string {
  return `${repo}\u0000${sha}`;
}
