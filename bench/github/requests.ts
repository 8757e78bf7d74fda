/**
 * How many GitHub requests a dashboard costs (npm run bench:github).
 *
 * A repository with 20,000 commits, 2,000 production deployments (and 500 staging ones) and 500 pull requests,
 * all inside a 90-day dashboard plus the 30-day look-back, served by the loopback fake GitHub. Eight panels
 * refresh at once; they share one fetch through the data source's EventCache (src/datasource/eventCache.ts), and
 * the real GitHubSource/GitHubClient do the fetching. Then the same dashboard refreshes five minutes later,
 * after the event cache's TTL, with nothing changed upstream: ETags and the remembered lists make it cheap.
 *
 * The naive figure is what a per-panel, per-deployment REST client would send for the same dashboard: per panel,
 * the pages of GET /repos/{o}/{r}/deployments?environment=production (100 a page) back to the look-back start,
 * then GET .../deployments/{id}/statuses and GET .../compare/{previous}...{sha} for each of those deployments,
 * plus the pages of pull requests and incident issues. Counted exactly from the generated data.
 *
 * The last line is JSON: {"first_refresh_requests": N, "unchanged_refresh_requests": M, "naive_requests": K}.
 * The exit code is 1 when a target is missed (N <= items/100 + 25, N independent of the panel count, K >= 10 N).
 */
import { setMaxListeners } from 'events';
import { measureRequests } from '../../src/sources/github/testing/requestBudget';

const PANELS = 8;

async function main() {
  // Every panel's requests listen on the shared fetch's AbortSignal; Node warns past 10 listeners.
  setMaxListeners(100);
  const shape = {
    commits: 20000,
    deployments: 2000,
    pullRequests: 500,
    stagingDeployments: 500,
    runs: 300,
    incidents: 20,
  };
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
    const key = q.operation ?? q.path.replace(/\?.*$/, '').replace(/\d+/g, 'N');
    byRequest[key] = (byRequest[key] ?? 0) + 1;
  }
  const e = r.events;
  console.log(`repository: ${JSON.stringify(shape)}; ${PANELS} panels, 90-day dashboard + 30-day look-back`);
  console.log(
    `events: ${e.changes.length} changes, ${e.deployments.length} deployments, ${e.incidents.length} incidents, ${e.pipelineRuns.length} pipeline runs`
  );
  console.log(`first refresh by request: ${JSON.stringify(byRequest)}`);
  console.log(`first refresh: ${r.first} (one panel: ${r.onePanel}); items/100 = ${Math.ceil(r.items / 100)}`);
  console.log(
    `unchanged refresh: ${r.unchanged}: ${r.unchangedRequests.map((q) => q.operation ?? `${q.path} ${q.status}`).join(', ')}`
  );
  console.log(
    `naive: ${r.naive} (${PANELS} panels x ${r.naivePerPanel}); ${(r.naive / r.first).toFixed(1)}x more; ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  const missed: string[] = [];
  if (r.first > r.items / 100 + 25) {
    missed.push('first refresh exceeds items/100 + 25');
  }
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
