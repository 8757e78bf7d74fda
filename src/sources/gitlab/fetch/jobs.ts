/**
 * The project's CI jobs, newest first (keyset paging, order_by=id, sort=desc): retried jobs are jobs of their own, so
 * this one list gives every pipeline with its retries, durations and, in jobs mode, its deploying jobs. Paging stops
 * at the first job created before the look-back start; a later read also stops at the first job already known in a
 * final state, then re-reads by id the few older ones that were still running.
 */
import { capture, Fetched, ListState, reusable, since as inWindow } from '../../lists';
import { toInstant } from '../../mapping';
import { GlJob } from '../apiTypes';
import { isFinalStatus } from '../mapper';
import { FetchContext, PER_PAGE, projectApi } from './context';

export async function fetchJobs(ctx: FetchContext, prev?: ListState<GlJob>): Promise<Fetched<ListState<GlJob>>> {
  const { since, client, call } = ctx;
  const previous = reusable(prev, since, 'jobs');
  const items = inWindow(previous?.items ?? {}, since, (j) => toInstant(j.created_at));
  const seen: Record<string, boolean> = {};
  const state = () => ({ key: 'jobs', since, items });
  return capture(state, async () => {
    await client.getPages<GlJob>(
      `${projectApi(ctx)}/jobs`,
      { pagination: 'keyset', order_by: 'id', sort: 'desc', per_page: PER_PAGE },
      (page) => {
        for (const job of page) {
          if ((toInstant(job.created_at) ?? 0) < since) {
            return 'stop';
          }
          const known = items[String(job.id)];
          items[String(job.id)] = job;
          seen[String(job.id)] = true;
          if (known && isFinalStatus(known.status)) {
            return 'stop';
          }
        }
        return 'continue';
      },
      call
    );
    const stale = Object.keys(items).filter((id) => !seen[id] && !isFinalStatus(items[id].status));
    await Promise.all(
      stale.map(async (id) => {
        items[id] = (await client.get<GlJob>(`${projectApi(ctx)}/jobs/${id}`, undefined, call)).data;
      })
    );
  });
}
