/**
 * Merged merge requests into the production branch, newest update first (updated_after the look-back start); a later
 * read stops at the first one not updated since the last read. Each merged merge request's commits (first commit,
 * and the commits a fast-forward merge puts on the branch) and notes (first approval or review) are read once: they
 * do not change after the merge.
 */
import { capture, Fetched, ListState, reusable, stableSince, UpdatedList } from '../../lists';
import { GlCommit, GlMergeRequest, GlNote, MergeRequestDetails } from '../apiTypes';
import { firstReviewAt, mergeRequestCommits } from '../mapper';
import { FetchContext, PER_PAGE, projectApi } from './context';

export async function fetchMergeRequests(
  ctx: FetchContext,
  branch: string,
  prev?: ListState<GlMergeRequest>
): Promise<Fetched<ListState<GlMergeRequest>>> {
  const { since, client, call } = ctx;
  const list = new UpdatedList<GlMergeRequest>(
    branch,
    since,
    reusable(prev, since, branch),
    (mr) => String(mr.iid),
    (mr) => mr.updated_at
  );
  return capture(list.state, () =>
    client.getPages<GlMergeRequest>(
      `${projectApi(ctx)}/merge_requests`,
      {
        state: 'merged',
        target_branch: branch,
        updated_after: stableSince(since),
        order_by: 'updated_at',
        sort: 'desc',
        per_page: PER_PAGE,
      },
      list.take,
      call
    )
  );
}

/** Details of the merge requests that lack them (kept from earlier refreshes otherwise). */
export async function fetchMergeRequestDetails(
  ctx: FetchContext,
  mrs: GlMergeRequest[],
  prev: Record<string, MergeRequestDetails> | undefined
): Promise<Fetched<Record<string, MergeRequestDetails>>> {
  const { client, call } = ctx;
  const details: Record<string, MergeRequestDetails> = {};
  for (const mr of mrs) {
    const known = prev?.[String(mr.iid)];
    if (known) {
      details[String(mr.iid)] = known;
    }
  }
  return capture(
    () => details,
    async () => {
      await Promise.all(
        mrs
          .filter((mr) => !details[String(mr.iid)])
          .map(async (mr) => {
            const base = `${projectApi(ctx)}/merge_requests/${mr.iid}`;
            const commits: GlCommit[] = [];
            const [, notes] = await Promise.all([
              client.getPages<GlCommit>(
                `${base}/commits`,
                { per_page: PER_PAGE },
                (page) => {
                  commits.push(...page);
                  return 'continue';
                },
                call
              ),
              // Oldest first: the first page holds the first review.
              client.get<GlNote[]>(`${base}/notes`, { sort: 'asc', order_by: 'created_at', per_page: PER_PAGE }, call),
            ]);
            details[String(mr.iid)] = {
              ...mergeRequestCommits(commits),
              firstReviewAt: firstReviewAt(Array.isArray(notes.data) ? notes.data : [], mr.author.id),
            };
          })
      );
    }
  );
}
