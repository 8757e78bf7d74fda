/**
 * The production branch's commits since the look-back start, with parents (attribution works by ancestry), from
 * GET /projects/:id/repository/commits?ref_name=&since= (offset paging, newest first). First read: the whole window.
 * Later reads: nothing if the head did not move; else only the commits the new head brought, found by walking until
 * every new commit's parents are known, so a merge of an old branch is still read completely.
 */
import { capture, Fetched, iso } from '../../lists';
import { GlCommit } from '../apiTypes';
import { toInstant } from '../../mapping';
import { HistoryState, OffBranchState } from '../snapshot';
import { FetchContext, PER_PAGE, projectApi } from './context';

function inWindow(commits: Record<string, GlCommit>, since: number): Record<string, GlCommit> {
  const out: Record<string, GlCommit> = {};
  for (const id of Object.keys(commits)) {
    if ((toInstant(commits[id].committed_date) ?? 0) >= since) {
      out[id] = commits[id];
    }
  }
  return out;
}

/** Commits reachable from head through known commits (drops what a force-push left behind). */
function reachable(head: string, commits: Record<string, GlCommit>): Record<string, GlCommit> {
  const out: Record<string, GlCommit> = {};
  const stack = [head];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const commit = commits[id];
    if (!commit || out[id]) {
      continue;
    }
    out[id] = commit;
    stack.push(...commit.parent_ids);
  }
  return out;
}

/** Parents of known commits that lie before the window: reaching one means the walk got into old history. */
function boundaryOf(known: Record<string, GlCommit>): Record<string, boolean> {
  const boundary: Record<string, boolean> = {};
  for (const id of Object.keys(known)) {
    for (const p of known[id].parent_ids) {
      if (!known[p]) {
        boundary[p] = true;
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
  known: Record<string, GlCommit>,
  fresh: Record<string, GlCommit>,
  stopAtKnown: boolean
): Promise<void> {
  const boundary = stopAtKnown ? boundaryOf(known) : {};
  const pending = new Set<string>([head]);
  await ctx.client.getPages<GlCommit>(
    `${projectApi(ctx)}/repository/commits`,
    { ref_name: head, since: iso(ctx.since), per_page: PER_PAGE },
    (commits) => {
      for (const commit of commits) {
        pending.delete(commit.id);
        if (known[commit.id]) {
          continue;
        }
        fresh[commit.id] = commit;
        for (const p of commit.parent_ids) {
          if (!known[p] && !boundary[p] && !fresh[p]) {
            pending.add(p);
          }
        }
      }
      return stopAtKnown && pending.size === 0 ? 'stop' : 'continue';
    },
    ctx.call
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
  const fresh: Record<string, GlCommit> = {};
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
 * production branch does not contain, the history from it until it meets known commits. Remembered across refreshes.
 */
export async function fetchOffBranchHistory(
  ctx: FetchContext,
  heads: string[],
  branch: Record<string, GlCommit>,
  prev?: OffBranchState
): Promise<Fetched<OffBranchState>> {
  const { since } = ctx;
  const previous = prev && prev.since <= since ? prev : undefined;
  const commits: Record<string, GlCommit> = inWindow(previous?.commits ?? {}, since);
  const walked: Record<string, boolean> = { ...(previous?.walked ?? {}) };
  const state = (): OffBranchState => ({ since, commits, walked });
  const todo = Array.from(new Set(heads))
    .filter((h) => !branch[h] && !commits[h] && !walked[h])
    .slice(0, MAX_OFF_BRANCH_HEADS);
  return capture(state, async () => {
    for (const head of todo) {
      const fresh: Record<string, GlCommit> = {};
      await walk(ctx, head, { ...branch, ...commits }, fresh, true);
      Object.assign(commits, fresh);
      // A head before the window yields nothing; remember it was looked at.
      walked[head] = true;
    }
  });
}
