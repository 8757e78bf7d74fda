/** Commits as the GitHub or GitLab source maps them, for tests of sources that only give deployments or incidents. */
import { Change } from '../../engine';

/** A commit of `repo` with one parent (none for the first), committed at an instant. */
export function commit(repo: string, sha: string, parent: string | undefined, committedAt: number): Change {
  return parent === undefined ? { sha, repo, committedAt } : { sha, repo, committedAt, parent };
}
