/**
 * GitHub Actions workflow runs (REST: GraphQL has no run list), newest first, 100 a page, ETag-revalidated.
 * No `created` filter on purpose: GitHub caps filtered run searches at 1,000 results; paging simply stops at
 * the first run created before the look-back start. A later read stops at the first run already known as
 * completed with the same attempt, then re-reads the few older runs that were still running. Earlier attempts
 * of re-run runs are read once (they cannot change) for the flaky re-run rate. Jobs, where a job pattern decides
 * what deploys, come from GraphQL, 100 runs a request.
 */
import { CheckRunNode, WorkflowRunJobsNode, WorkflowRunRest, WorkflowRunsPage } from '../apiTypes';
import { isTerminalRun, toInstant } from '../mapper';
import { rest, WORKFLOW_RUN_JOBS } from '../queries';
import { RunsState } from '../snapshot';
import { capture, chunks, FetchContext, Fetched } from './context';

/** Earlier attempts read per re-run run (the ones right before the latest matter for flakiness). */
const MAX_EARLIER_ATTEMPTS = 3;

export async function fetchWorkflowRuns(
  ctx: FetchContext,
  prev: RunsState | undefined,
  needsJobs: (run: WorkflowRunRest) => boolean
): Promise<Fetched<RunsState>> {
  const { since, cfg, client, call } = ctx;
  const previous = prev && prev.since <= since ? prev : undefined;
  const items: Record<string, WorkflowRunRest> = {};
  for (const [id, run] of Object.entries(previous?.items ?? {})) {
    if ((toInstant(run.created_at) ?? 0) >= since) {
      items[id] = run;
    }
  }
  const attempts: Record<string, WorkflowRunRest> = { ...(previous?.attempts ?? {}) };
  const jobs: Record<string, CheckRunNode[]> = { ...(previous?.jobs ?? {}) };
  const seen: Record<string, boolean> = {};
  const state = (): RunsState => ({
    key: 'runs',
    since,
    items,
    attempts: onlyOf(attempts, items),
    jobs: jobsOf(jobs, items),
  });
  return capture(state, async () => {
    await client.getPages<WorkflowRunsPage, WorkflowRunRest>(
      rest.workflowRuns(cfg.repo),
      { per_page: 100 },
      (page) => page.workflow_runs ?? [],
      (runs) => {
        for (const run of runs) {
          if ((toInstant(run.created_at) ?? 0) < since) {
            return 'stop';
          }
          const known = items[String(run.id)];
          items[String(run.id)] = run;
          seen[String(run.id)] = true;
          if (known && isTerminalRun(known) && known.run_attempt === run.run_attempt) {
            return 'stop';
          }
        }
        return 'continue';
      },
      call
    );
    const stale = Object.keys(items).filter((id) => !seen[id] && !isTerminalRun(items[id]));
    await Promise.all(
      stale.map(async (id) => {
        const result = await client.get<WorkflowRunRest>(rest.workflowRun(cfg.repo, Number(id)), undefined, call);
        items[id] = result.data;
      })
    );
    const wanted: Array<[number, number]> = [];
    for (const run of Object.values(items)) {
      const latest = run.run_attempt ?? 1;
      for (let n = Math.max(1, latest - MAX_EARLIER_ATTEMPTS); n < latest; n++) {
        if (!attempts[`${run.id}/${n}`]) {
          wanted.push([run.id, n]);
        }
      }
    }
    await Promise.all(
      wanted.map(async ([runId, n]) => {
        const result = await client.get<WorkflowRunRest>(rest.workflowRunAttempt(cfg.repo, runId, n), undefined, call);
        attempts[`${runId}/${n}`] = result.data;
      })
    );
    const withoutJobs = Object.values(items).filter((r) => isTerminalRun(r) && needsJobs(r) && !jobs[r.node_id]);
    for (const batch of chunks(withoutJobs, 100)) {
      const data = await client.graphql<{ nodes: Array<WorkflowRunJobsNode | null> }>(
        WORKFLOW_RUN_JOBS,
        { ids: batch.map((r) => r.node_id) },
        call
      );
      for (const node of data.nodes) {
        if (node && node.__typename === 'WorkflowRun' && node.id) {
          jobs[node.id] = node.checkSuite?.checkRuns?.nodes ?? [];
        }
      }
    }
  });
}

/** Earlier attempts of runs still in the window. */
function onlyOf(attempts: Record<string, WorkflowRunRest>, items: Record<string, WorkflowRunRest>) {
  const out: Record<string, WorkflowRunRest> = {};
  for (const key of Object.keys(attempts)) {
    if (items[key.split('/')[0]]) {
      out[key] = attempts[key];
    }
  }
  return out;
}

/** Jobs of runs still in the window. */
function jobsOf(jobs: Record<string, CheckRunNode[]>, items: Record<string, WorkflowRunRest>) {
  const out: Record<string, CheckRunNode[]> = {};
  for (const run of Object.values(items)) {
    if (jobs[run.node_id]) {
      out[run.node_id] = jobs[run.node_id];
    }
  }
  return out;
}
