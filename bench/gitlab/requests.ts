/**
 * How many GitLab requests a dashboard costs (npm run bench:gitlab).
 *
 * A project with 20,000 commits, 2,000 production deployments (and 500 staging ones, which the tier rule drops), each
 * run by a pipeline of three jobs, and 500 squash-merged merge requests, all inside a 90-day dashboard plus the 30-day
 * look-back, served by the loopback fake GitLab. Eight panels refresh at once; they share one fetch through the data
 * source's EventCache (src/sources/eventCache.ts), and the real GitLabSource/GitLabClient do the fetching. Then the
 * same dashboard refreshes five minutes later, after the event cache's TTL, with nothing changed upstream: ETags and
 * the remembered lists make it cheap.
 *
 * The naive figure is what a per-panel, per-deployment REST client would send for the same dashboard: per panel, the
 * pages of GET /projects/:id/deployments?environment=production (100 a page) back to the look-back start, then for
 * each of those deployments its job and GET .../repository/compare with the previous one, plus the pages of merge
 * requests and incident issues. Counted exactly from the generated data.
 *
 * The last line is JSON: {"first_refresh_requests": N, "unchanged_refresh_requests": M, "naive_requests": K}.
 * The exit code is 1 when a target is missed (N independent of the panel count, K >= 10 N).
 */
import { setMaxListeners } from 'events';
import { measureRequests } from '../../src/sources/gitlab/testing/requestBudget';

const PANELS = 8;

async function main() {
  // Every request waiting for a connection listens on the shared fetch's AbortSignal; Node warns past 10 listeners.
  setMaxListeners(5000);
  const shape = { commits: 20000, deployments: 2000, mergeRequests: 500, stagingDeployments: 500, incidents: 20 };
  const started = Date.now();
  const r = await measureRequests({
    shape,
    panels: PANELS,
    dashboardDays: 90,
    lookbackDays: 30,
    now: Date.parse('2026-03-01T00:00:00Z'),
  });
  const byRequest: Record<string, number> = {};
  for (const q of r.firstRequests) {
    const key = q.path.replace(/\?.*$/, '').replace(/\/\d+(?=\/|$)/g, '/N');
    byRequest[key] = (byRequest[key] ?? 0) + 1;
  }
  const e = r.events;
  console.log(`project: ${JSON.stringify(shape)}; ${PANELS} panels, 90-day dashboard + 30-day look-back`);
  console.log(
    `events: ${e.changes.length} changes, ${e.deployments.length} deployments, ${e.incidents.length} incidents, ${e.pipelineRuns.length} pipeline runs`
  );
  console.log(`first refresh by request: ${JSON.stringify(byRequest)}`);
  console.log(`first refresh: ${r.first} (one panel: ${r.onePanel})`);
  console.log(
    `unchanged refresh: ${r.unchanged}: ${r.unchangedRequests.map((q) => `${q.path.replace(/\?.*$/, '')} ${q.status}`).join(', ')}`
  );
  console.log(
    `naive: ${r.naive} (${PANELS} panels x ${r.naivePerPanel}); ${(r.naive / r.first).toFixed(1)}x more; ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  const missed: string[] = [];
  if (r.first !== r.onePanel) {
    missed.push('first refresh depends on the panel count');
  }
  if (r.first * 10 > r.naive) {
    missed.push('first refresh is not ten times smaller than the naive client');
  }
  if (missed.length > 0) {
    console.error(`targets missed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
  console.log(
    JSON.stringify({
      first_refresh_requests: r.first,
      unchanged_refresh_requests: r.unchanged,
      naive_requests: r.naive,
    })
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
