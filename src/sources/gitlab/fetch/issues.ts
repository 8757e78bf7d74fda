/**
 * Incidents: issues of type incident, and issues with any configured incident label (one list per label: GitLab's
 * labels filter means all of them), updated since the look-back start, newest update first; a later read stops at
 * the first issue not updated since the last read.
 */
import { capture, Fetched, ListState, reusable, stableSince, UpdatedList } from '../../lists';
import { Query } from '../../rest';
import { GlIssue } from '../apiTypes';
import { FetchContext, PER_PAGE, projectApi } from './context';

export async function fetchIncidentIssues(
  ctx: FetchContext,
  prev: Record<string, ListState<GlIssue>> | undefined
): Promise<Fetched<Record<string, ListState<GlIssue>>>> {
  const { since, client, call, cfg } = ctx;
  const queries: Record<string, Query> = { 'type:incident': { issue_type: 'incident' } };
  for (const label of cfg.incidentLabels) {
    queries[`label:${label}`] = { labels: label };
  }
  const lists = Object.keys(queries).map(
    (key) =>
      [
        key,
        new UpdatedList<GlIssue>(
          key,
          since,
          reusable(prev?.[key], since, key),
          (i) => String(i.iid),
          (i) => i.updated_at
        ),
      ] as const
  );
  const state = () => {
    const out: Record<string, ListState<GlIssue>> = {};
    for (const [key, list] of lists) {
      out[key] = list.state();
    }
    return out;
  };
  return capture(state, async () => {
    await Promise.all(
      lists.map(([key, list]) =>
        client.getPages<GlIssue>(
          `${projectApi(ctx)}/issues`,
          {
            ...queries[key],
            updated_after: stableSince(since),
            order_by: 'updated_at',
            sort: 'desc',
            per_page: PER_PAGE,
          },
          list.take,
          call
        )
      )
    );
  });
}
