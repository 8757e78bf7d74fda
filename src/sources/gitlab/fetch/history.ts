/**
 * GitLab's side of the commit history walk (src/sources/commitHistory.ts): commits of a head since the look-back
 * start from GET /projects/:id/repository/commits?ref_name=&since= (offset paging, newest first).
 */
import { Fetched, iso } from '../../lists';
import { GlCommit } from '../apiTypes';
import { toInstant } from '../../mapping';
import {
  CommitHistory,
  fetchHistory as walkHistory,
  fetchOffBranchHistory as walkOffBranch,
} from '../../commitHistory';
import { HistoryState, OffBranchState } from '../snapshot';
import { FetchContext, PER_PAGE, projectApi } from './context';

function commitHistory(ctx: FetchContext): CommitHistory<GlCommit> {
  return {
    since: ctx.since,
    shape: {
      id: (c) => c.id,
      parents: (c) => c.parent_ids,
      committedAt: (c) => toInstant(c.committed_date),
    },
    pages: (head, onPage) =>
      ctx.client.getPages<GlCommit>(
        `${projectApi(ctx)}/repository/commits`,
        { ref_name: head, since: iso(ctx.since), per_page: PER_PAGE },
        onPage,
        ctx.call
      ),
  };
}

export function fetchHistory(ctx: FetchContext, head: string, prev?: HistoryState): Promise<Fetched<HistoryState>> {
  return walkHistory(commitHistory(ctx), head, prev);
}

export function fetchOffBranchHistory(
  ctx: FetchContext,
  heads: string[],
  branch: Record<string, GlCommit>,
  prev?: OffBranchState
): Promise<Fetched<OffBranchState>> {
  return walkOffBranch(commitHistory(ctx), heads, branch, prev);
}
