/**
 * Merged pull requests into the production branch, newest update first. A later read stops at the first pull
 * request not updated since the last read (the watermark): reviews, labels and merges all move updatedAt.
 */
import { Connection, PullRequestNode } from '../apiTypes';
import { PULL_REQUESTS } from '../queries';
import { ListState, reusable } from '../snapshot';
import { capture, FetchContext, Fetched, pageConnection } from './context';
import { UpdatedList } from '../../lists';

interface PullRequestsData {
  repository: { pullRequests: Connection<PullRequestNode> } | null;
}

export async function fetchPullRequests(
  ctx: FetchContext,
  base: string,
  prev?: ListState<PullRequestNode>
): Promise<Fetched<ListState<PullRequestNode>>> {
  const { since, cfg } = ctx;
  const list = new UpdatedList<PullRequestNode>(
    base,
    since,
    reusable(prev, since, base),
    (node) => String(node.number),
    (node) => node.updatedAt
  );
  return capture(list.state, () =>
    pageConnection(
      async (after) =>
        (
          await ctx.client.graphql<PullRequestsData>(
            PULL_REQUESTS,
            { owner: cfg.owner, name: cfg.name, base, after },
            ctx.call
          )
        ).repository?.pullRequests,
      list.take
    )
  );
}
