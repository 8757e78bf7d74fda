/**
 * GitHub's side of the commit history walk (src/sources/commitHistory.ts): commits of a head since the look-back
 * start from the GraphQL `history` connection (newest first; GitHub stops at `since`).
 */
import { CommitNode, Connection } from '../apiTypes';
import { COMMIT_HISTORY } from '../queries';
import { toInstant } from '../mapper';
import {
  CommitHistory,
  fetchHistory as walkHistory,
  fetchOffBranchHistory as walkOffBranch,
} from '../../commitHistory';
import { HistoryState, OffBranchState } from '../snapshot';
import { FetchContext, Fetched, iso, pageConnection } from './context';

interface HistoryData {
  repository: { object: { __typename: string; history?: Connection<CommitNode> } | null } | null;
}

function commitHistory(ctx: FetchContext): CommitHistory<CommitNode> {
  const { since, cfg } = ctx;
  return {
    since,
    shape: {
      id: (c) => c.oid,
      parents: (c) => c.parents.nodes.map((p) => p.oid),
      committedAt: (c) => toInstant(c.committedDate),
    },
    pages: (head, onPage) =>
      pageConnection(async (after) => {
        const data = await ctx.client.graphql<HistoryData>(
          COMMIT_HISTORY,
          { owner: cfg.owner, name: cfg.name, head, since: iso(since), after },
          ctx.call
        );
        return data.repository?.object?.history;
      }, onPage),
  };
}

export function fetchHistory(ctx: FetchContext, head: string, prev?: HistoryState): Promise<Fetched<HistoryState>> {
  return walkHistory(commitHistory(ctx), head, prev);
}

export function fetchOffBranchHistory(
  ctx: FetchContext,
  heads: string[],
  branch: Record<string, CommitNode>,
  prev?: OffBranchState
): Promise<Fetched<OffBranchState>> {
  return walkOffBranch(commitHistory(ctx), heads, branch, prev);
}
