/**
 * GitLab deployments to the production environments, newest first (order_by=id, sort=desc), one list per
 * environment. Paging stops at the first deployment created before the look-back start; a later read also stops at
 * the first deployment already known in a final state (older ones cannot change any more), then re-reads by id the few
 * older ones that were still running or waiting for approval.
 */
import { capture, Fetched, ListState, reusable, since as inWindow } from '../../lists';
import { toInstant } from '../../mapping';
import { GlDeployment } from '../apiTypes';
import { isTerminalDeployment } from '../mapper';
import { FetchContext, PER_PAGE, projectApi } from './context';

export async function fetchDeployments(
  ctx: FetchContext,
  environments: string[],
  prev?: ListState<GlDeployment>
): Promise<Fetched<ListState<GlDeployment>>> {
  const { since, client, call } = ctx;
  const key = environments.slice().sort().join('\n');
  const previous = reusable(prev, since, key);
  const items = inWindow(previous?.items ?? {}, since, (d) => toInstant(d.created_at));
  const seen: Record<string, boolean> = {};
  const state = () => ({ key, since, items });
  return capture(state, async () => {
    await Promise.all(
      environments.map((environment) =>
        client.getPages<GlDeployment>(
          `${projectApi(ctx)}/deployments`,
          { environment, order_by: 'id', sort: 'desc', per_page: PER_PAGE },
          (page) => {
            for (const d of page) {
              if ((toInstant(d.created_at) ?? 0) < since) {
                return 'stop';
              }
              const known = items[String(d.id)];
              items[String(d.id)] = d;
              seen[String(d.id)] = true;
              if (known && isTerminalDeployment(known)) {
                return 'stop';
              }
            }
            return 'continue';
          },
          call
        )
      )
    );
    const stale = Object.keys(items).filter((id) => !seen[id] && !isTerminalDeployment(items[id]));
    await Promise.all(
      stale.map(async (id) => {
        items[id] = (await client.get<GlDeployment>(`${projectApi(ctx)}/deployments/${id}`, undefined, call)).data;
      })
    );
  });
}
