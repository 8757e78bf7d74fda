/**
 * Merged pull requests into the production branch, newest update first. A later read stops at the first pull
 * request not updated since the last read (the watermark): reviews, labels and merges all move updatedAt.
 */
import { Connection, PullRequestNode } from '../apiTypes';
import { toInstant } from '../mapper';
import { PULL_REQUESTS } from '../queries';
import { ListState, reusable } from '../snapshot';
import { capture, FetchContext, Fetched, pageConnection } from './context';

interface PullRequestsData {
  repository: { pullRequests: Connection<PullRequestNode> } | null;
}

export async function fetchPullRequests(
  ctx: FetchContext,
  base: string,
  prev?: ListState<PullRequestNode>
): Promise<Fetched<ListState<PullRequestNode>>> {
  const { since, cfg } = ctx;
  const key = base;
  const previous = reusable(prev, since, key);
  const items: Record<string, PullRequestNode> = { ...(previous?.items ?? {}) };
  let watermark = previous?.watermark;
  const state = () => ({ key, since, items: prune(items, since), watermark });
  return capture(state, () =>
    pageConnection(
      async (after) =>
        (
          await ctx.client.graphql<PullRequestsData>(
            PULL_REQUESTS,
            { owner: cfg.owner, name: cfg.name, base, after },
            ctx.call
          )
        ).repository?.pullRequests,
      (nodes) => {
        for (const node of nodes) {
          const updated = toInstant(node.updatedAt) ?? 0;
          if (updated < since || (previous?.watermark !== undefined && updated < previous.watermark)) {
            return 'stop';
          }
          items[String(node.number)] = node;
          watermark = Math.max(watermark ?? updated, updated);
        }
        return 'continue';
      }
    )
  );
}

/** Pull requests merged before the window are no longer needed. */
function prune(items: Record<string, PullRequestNode>, since: number): Record<string, PullRequestNode> {
  const out: Record<string, PullRequestNode> = {};
  for (const key of Object.keys(items)) {
    if ((toInstant(items[key].updatedAt) ?? 0) >= since) {
      out[key] = items[key];
    }
  }
  return out;
}
