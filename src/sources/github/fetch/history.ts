/**
 * The production branch's commits since the look-back start, with parents (attribution works by ancestry).
 * First read: the whole window (GitHub stops at `since`). Later reads: nothing if the head did not move;
 * else only the commits the new head brought, found by walking parents until every new commit's parents
 * are known, so a merge of an old branch is still read completely.
 */
import { CommitNode, Connection } from '../apiTypes';
import { COMMIT_HISTORY } from '../queries';
import { HistoryState, OffBranchState } from '../snapshot';
import { toInstant } from '../mapper';
import { capture, FetchContext, Fetched, iso, pageConnection } from './context';

interface HistoryData {
  repository: { object: { __typename: string; history?: Connection<CommitNode> } | null } | null;
}

function inWindow(commits: Record<string, CommitNode>, since: number): Record<string, CommitNode> {
  const out: Record<string, CommitNode> = {};
  for (const oid of Object.keys(commits)) {
    if ((toInstant(commits[oid].committedDate) ?? 0) >= since) {
      out[oid] = commits[oid];
    }
  }
  return out;
}

/** Commits reachable from head through known commits (drops what a force-push left behind). */
function reachable(head: string, commits: Record<string, CommitNode>): Record<string, CommitNode> {
  const out: Record<string, CommitNode> = {};
  const stack = [head];
  while (stack.length > 0) {
    const oid = stack.pop()!;
    const commit = commits[oid];
    if (!commit || out[oid]) {
      continue;
    }
    out[oid] = commit;
    for (const parent of commit.parents.nodes) {
      stack.push(parent.oid);
    }
  }
  return out;
}

/** Parents of known commits that lie before the window: reaching one means the walk got into old history. */
function boundaryOf(known: Record<string, CommitNode>): Record<string, boolean> {
  const boundary: Record<string, boolean> = {};
  for (const oid of Object.keys(known)) {
    for (const p of known[oid].parents.nodes) {
      if (!known[p.oid]) {
        boundary[p.oid] = true;
      }
    }
  }
  return boundary;
}

/**
 * Reads the history from `head` into `fresh`: every commit since the look-back start that is not known. With
 * `stopAtKnown`, paging ends as soon as every new commit's parents are known (or before the window).
 */
async function walk(
  ctx: FetchContext,
  head: string,
  known: Record<string, CommitNode>,
  fresh: Record<string, CommitNode>,
  stopAtKnown: boolean
): Promise<void> {
  const { since, cfg } = ctx;
  const boundary = stopAtKnown ? boundaryOf(known) : {};
  const pending: Record<string, boolean> = { [head]: true };
  let pendingCount = 1;
  const resolve = (oid: string) => {
    if (pending[oid]) {
      delete pending[oid];
      pendingCount--;
    }
  };
  await pageConnection(
    async (after) => {
      const data = await ctx.client.graphql<HistoryData>(
        COMMIT_HISTORY,
        { owner: cfg.owner, name: cfg.name, head, since: iso(since), after },
        ctx.call
      );
      return data.repository?.object?.history;
    },
    (nodes) => {
      for (const node of nodes) {
        resolve(node.oid);
        if (known[node.oid]) {
          continue;
        }
        fresh[node.oid] = node;
        for (const p of node.parents.nodes) {
          if (!known[p.oid] && !boundary[p.oid] && !fresh[p.oid] && !pending[p.oid]) {
            pending[p.oid] = true;
            pendingCount++;
          }
        }
      }
      return stopAtKnown && pendingCount === 0 ? 'stop' : 'continue';
    }
  );
}

export async function fetchHistory(
  ctx: FetchContext,
  head: string,
  prev?: HistoryState
): Promise<Fetched<HistoryState>> {
  const { since } = ctx;
  const previous = prev && prev.since <= since ? prev : undefined;
  if (previous && previous.head === head) {
    return { state: { since, head, commits: inWindow(previous.commits, since) } };
  }
  const known = previous ? previous.commits : {};
  const fresh: Record<string, CommitNode> = {};
  const state = (): HistoryState => {
    const merged = previous ? reachable(head, { ...known, ...fresh }) : fresh;
    return { since, head, commits: inWindow(merged, since) };
  };
  return capture(state, () => walk(ctx, head, known, fresh, previous !== undefined));
}

/** At most this many deployed commits off the production branch are followed per refresh. */
export const MAX_OFF_BRANCH_HEADS = 25;

/**
 * Commits that deployments shipped from other branches (release or hotfix branches): for each deployed SHA the
 * production branch does not contain, the history from it until it meets known commits. Usually one request each;
 * remembered across refreshes.
 */
export async function fetchOffBranchHistory(
  ctx: FetchContext,
  heads: string[],
  branch: Record<string, CommitNode>,
  prev?: OffBranchState
): Promise<Fetched<OffBranchState>> {
  const { since } = ctx;
  const previous = prev && prev.since <= since ? prev : undefined;
  const commits: Record<string, CommitNode> = inWindow(previous?.commits ?? {}, since);
  const walked: Record<string, boolean> = { ...(previous?.walked ?? {}) };
  const state = (): OffBranchState => ({ since, commits, walked });
  const todo = heads.filter((h) => !branch[h] && !commits[h] && !walked[h]).slice(0, MAX_OFF_BRANCH_HEADS);
  return capture(state, async () => {
    for (const head of todo) {
      const fresh: Record<string, CommitNode> = {};
      await walk(ctx, head, { ...branch, ...commits }, fresh, true);
      Object.assign(commits, fresh);
      // A head before the window yields nothing; remember it was looked at.
      walked[head] = true;
    }
  });
}
