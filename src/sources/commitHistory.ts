/**
 * The production branch's commits since the look-back start, with parents (attribution works by ancestry), for any
 * code host: the provider says how to read a commit and how to page a history from a head, this walks it.
 * First read: the whole window. Later reads: nothing if the head did not move; else only the commits the new head
 * brought, found by walking until every new commit's parents are known, so a merge of an old branch is still read
 * completely. Commits deployed off the production branch (release or hotfix branches) are followed the same way.
 */
import { Instant } from '../engine';
import { capture, Fetched } from './lists';
import { PageDecision } from './rest';

/** How a provider's commit object is read. */
export interface CommitShape<C> {
  id(commit: C): string;
  parents(commit: C): string[];
  committedAt(commit: C): Instant | undefined;
}

/** Pages the history from `head` back to the look-back start, newest first; `onPage` may stop it. */
export type HistoryPager<C> = (head: string, onPage: (commits: C[]) => PageDecision) => Promise<void>;

export interface CommitHistory<C> {
  shape: CommitShape<C>;
  pages: HistoryPager<C>;
  since: Instant;
}

/** The production branch's history as remembered between refreshes. */
export interface HistoryState<C> {
  since: Instant;
  head: string;
  commits: Record<string, C>;
}

/** Commits reachable from deployed SHAs off the production branch (release and hotfix branches). */
export interface OffBranchState<C> {
  since: Instant;
  commits: Record<string, C>;
  /** Heads already followed (also those before the window, which give no commits). */
  walked: Record<string, boolean>;
}

/** At most this many deployed commits off the production branch are followed per refresh. */
export const MAX_OFF_BRANCH_HEADS = 25;

function inWindow<C>(shape: CommitShape<C>, commits: Record<string, C>, since: number): Record<string, C> {
  const out: Record<string, C> = {};
  for (const id of Object.keys(commits)) {
    if ((shape.committedAt(commits[id]) ?? 0) >= since) {
      out[id] = commits[id];
    }
  }
  return out;
}

/** Commits reachable from head through known commits (drops what a force-push left behind). */
function reachable<C>(shape: CommitShape<C>, head: string, commits: Record<string, C>): Record<string, C> {
  const out: Record<string, C> = {};
  const stack = [head];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const commit = commits[id];
    if (!commit || out[id]) {
      continue;
    }
    out[id] = commit;
    stack.push(...shape.parents(commit));
  }
  return out;
}

/** Parents of known commits that lie before the window: reaching one means the walk got into old history. */
function boundaryOf<C>(shape: CommitShape<C>, known: Record<string, C>): Set<string> {
  const boundary = new Set<string>();
  for (const id of Object.keys(known)) {
    for (const p of shape.parents(known[id])) {
      if (!known[p]) {
        boundary.add(p);
      }
    }
  }
  return boundary;
}

/**
 * Reads the history from `head` into `fresh`: every commit since the look-back start that is not known. With
 * `stopAtKnown`, paging ends as soon as every new commit's parents are known (or before the window).
 */
async function walk<C>(
  history: CommitHistory<C>,
  head: string,
  known: Record<string, C>,
  fresh: Record<string, C>,
  stopAtKnown: boolean
): Promise<void> {
  const { shape } = history;
  const boundary = stopAtKnown ? boundaryOf(shape, known) : new Set<string>();
  const pending = new Set<string>([head]);
  await history.pages(head, (commits) => {
    for (const commit of commits) {
      const id = shape.id(commit);
      pending.delete(id);
      if (known[id]) {
        continue;
      }
      fresh[id] = commit;
      for (const p of shape.parents(commit)) {
        if (!known[p] && !boundary.has(p) && !fresh[p]) {
          pending.add(p);
        }
      }
    }
    return stopAtKnown && pending.size === 0 ? 'stop' : 'continue';
  });
}

export async function fetchHistory<C>(
  history: CommitHistory<C>,
  head: string,
  prev?: HistoryState<C>
): Promise<Fetched<HistoryState<C>>> {
  const { since, shape } = history;
  const previous = prev && prev.since <= since ? prev : undefined;
  if (previous && previous.head === head) {
    return { state: { since, head, commits: inWindow(shape, previous.commits, since) } };
  }
  const known = previous ? previous.commits : {};
  const fresh: Record<string, C> = {};
  const state = (): HistoryState<C> => {
    const merged = previous ? reachable(shape, head, { ...known, ...fresh }) : fresh;
    return { since, head, commits: inWindow(shape, merged, since) };
  };
  return capture(state, () => walk(history, head, known, fresh, previous !== undefined));
}

/**
 * Commits that deployments shipped from other branches: for each deployed SHA the production branch does not
 * contain, the history from it until it meets known commits (usually one request each). Remembered across refreshes.
 */
export async function fetchOffBranchHistory<C>(
  history: CommitHistory<C>,
  heads: string[],
  branch: Record<string, C>,
  prev?: OffBranchState<C>
): Promise<Fetched<OffBranchState<C>>> {
  const { since, shape } = history;
  const previous = prev && prev.since <= since ? prev : undefined;
  const commits: Record<string, C> = inWindow(shape, previous?.commits ?? {}, since);
  const walked: Record<string, boolean> = { ...(previous?.walked ?? {}) };
  const state = (): OffBranchState<C> => ({ since, commits, walked });
  const todo = Array.from(new Set(heads))
    .filter((h) => !branch[h] && !commits[h] && !walked[h])
    .slice(0, MAX_OFF_BRANCH_HEADS);
  return capture(state, async () => {
    for (const head of todo) {
      const fresh: Record<string, C> = {};
      await walk(history, head, { ...branch, ...commits }, fresh, true);
      Object.assign(commits, fresh);
      // A head before the window yields nothing; remember it was looked at.
      walked[head] = true;
    }
  });
}
