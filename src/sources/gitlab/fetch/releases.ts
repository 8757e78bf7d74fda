/**
 * Releases or tags as deployments, newest first. Releases are ordered by release time, tags by their commit's time
 * (order_by=updated); paging stops before the look-back start, and a later read stops at the first release or tag
 * already known. A new tag on a commit older than the look-back start is not seen: tag fresh commits.
 */
import { capture, Fetched, ListState, reusable, since as inWindow } from '../../lists';
import { toInstant } from '../../mapping';
import { GlRelease, GlTag } from '../apiTypes';
import { tagTime } from '../mapper';
import { FetchContext, PER_PAGE, projectApi } from './context';

export async function fetchReleases(
  ctx: FetchContext,
  prev?: ListState<GlRelease>
): Promise<Fetched<ListState<GlRelease>>> {
  const { since, client, call } = ctx;
  const at = (r: GlRelease) => toInstant(r.released_at) ?? toInstant(r.created_at);
  const items = inWindow(reusable(prev, since, 'releases')?.items ?? {}, since, at);
  const state = () => ({ key: 'releases', since, items });
  return capture(state, () =>
    client.getPages<GlRelease>(
      `${projectApi(ctx)}/releases`,
      { order_by: 'released_at', sort: 'desc', per_page: PER_PAGE },
      (page) => {
        for (const r of page) {
          if ((at(r) ?? 0) < since) {
            return 'stop';
          }
          const known = items[r.tag_name];
          items[r.tag_name] = r;
          if (known && !known.upcoming_release) {
            return 'stop';
          }
        }
        return 'continue';
      },
      call
    )
  );
}

export async function fetchTags(ctx: FetchContext, prev?: ListState<GlTag>): Promise<Fetched<ListState<GlTag>>> {
  const { since, client, call } = ctx;
  const items = inWindow(reusable(prev, since, 'tags')?.items ?? {}, since, tagTime);
  const state = () => ({ key: 'tags', since, items });
  return capture(state, () =>
    client.getPages<GlTag>(
      `${projectApi(ctx)}/repository/tags`,
      { order_by: 'updated', sort: 'desc', per_page: PER_PAGE },
      (page) => {
        for (const t of page) {
          const time = tagTime(t);
          if (time === undefined) {
            continue;
          }
          if (time < since) {
            return 'stop';
          }
          const known = items[t.name];
          items[t.name] = t;
          if (known) {
            return 'stop';
          }
        }
        return 'continue';
      },
      call
    )
  );
}
