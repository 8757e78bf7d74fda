/**
 * How many GitHub requests a dashboard costs (npm run bench:github).
 *
 * A repository with 20,000 commits, 2,000 production deployments (and 500 staging ones) and 500 pull requests,
 * all inside a 90-day dashboard plus the 30-day look-back, served by the loopback fake GitHub. Eight panels
 * refresh at once; they share one fetch through the data source's EventCache (src/sources/eventCache.ts),
 * and the real GitHubSource/GitHubClient do the fetching. Then the same dashboard refreshes five minutes later,
 * after the event cache's TTL, with nothing changed upstream: ETags and the remembered lists make it cheap.
 *
 * The naive figure is what a per-panel, per-deployment REST client would send for the same dashboard: per panel,
 * the pages of GET /repos/{o}/{r}/deployments?environment=production (100 a page) back to the look-back start,
 * then GET .../deployments/{id}/statuses and GET .../compare/{previous}...{sha} for each of those deployments,
 * plus the pages of pull requests and incident issues. Counted exactly from the generated data.
 *
 * The last line is JSON: {"first_refresh_requests": N, "unchanged_refresh_requests": M, "naive_requests": K}.
 */
import { setMaxListeners } from 'events';
import { EventCache } from '../../src/sources/eventCache';
import { EtagCache } from '../../src/sources/github/etagCache';
import { SnapshotStore } from '../../src/sources/github/snapshot';
import { GitHubSource } from '../../src/sources/github/source';
import { generateRepo } from '../../src/sources/github/testing/generate';
import { nodeHttpClient } from '../../src/sources/github/testing/nodeHttp';
import { startFakeGitHub } from '../../src/sources/github/testing/server';

const DAY = 24 * 3600 * 1000;
const PANELS = 8;
const DASHBOARD_DAYS = 90;
const LOOKBACK_DAYS = 30;
const NOW = Date.parse('2026-03-01T00:00:00Z');

const shape = {
  commits: 20000,
  deployments: 2000,
  pullRequests: 500,
  stagingDeployments: 500,
  runs: 300,
  incidents: 20,
};

async function main() {
  // Every panel's requests listen on the shared fetch's AbortSignal; Node warns past 10 listeners.
  setMaxListeners(100);
  const repo = generateRepo({ fullName: 'acme/big', now: NOW, spanDays: DASHBOARD_DAYS + LOOKBACK_DAYS - 1, ...shape });
  const fake = await startFakeGitHub({ login: 'bench', repos: { 'acme/big': repo }, orgs: {} });
  // Module-level in the plugin; explicit here so the bench starts cold.
  const etagCache = new EtagCache();
  const snapshots = new SnapshotStore();
  let clock = NOW;
  const events = new EventCache({ ttlMs: 60 * 1000, now: () => clock });
  const settings = { enabled: true, repositories: 'acme/big' };
  const newSource = () =>
    new GitHubSource({ http: nodeHttpClient(), proxyUrl: fake.url, settings, now: () => clock, etagCache, snapshots });

  /** One dashboard refresh: every panel asks for the look-back widened range at the same moment. */
  async function refresh(panels: number) {
    const source = newSource();
    const range = { from: clock - (DASHBOARD_DAYS + LOOKBACK_DAYS) * DAY, to: clock };
    const before = fake.requests.length;
    const results = await Promise.all(Array.from({ length: panels }, () => events.fetch(source, range)));
    const result = results[0];
    if (result.notices.length > 0) {
      throw new Error(`unexpected notices: ${result.notices.map((n) => n.text).join(' | ')}`);
    }
    return { requests: fake.requests.length - before, result };
  }

  try {
    const started = Date.now();
    const first = await refresh(PANELS);
    const fetched = first.result.events;
    clock += 5 * 60 * 1000; // next refresh, five minutes later: the event cache entry has expired
    const unchanged = await refresh(PANELS);

    // Panel count independence: a one-panel dashboard on a cold cache costs the same.
    etagCache.clear();
    snapshots.clear();
    events.clear();
    const onePanel = await refresh(1);

    const from = NOW - (DASHBOARD_DAYS + LOOKBACK_DAYS) * DAY;
    const prodInWindow = repo.deployments.filter(
      (d) => d.environment === 'production' && Date.parse(d.createdAt) >= from
    ).length;
    const prsInWindow = repo.pullRequests.filter((p) => Date.parse(p.updatedAt) >= from).length;
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    const naivePerPanel = pages(prodInWindow) + 2 * prodInWindow + pages(prsInWindow) + pages(repo.issues.length);
    const naive = PANELS * naivePerPanel;

    const items = shape.commits + shape.deployments + shape.pullRequests + shape.runs + shape.incidents;
    const byOperation: Record<string, number> = {};
    for (const r of fake.requests.slice(0, first.requests)) {
      const key = r.operation ?? r.path.replace(/\?.*$/, '').replace(/\d+/g, 'N');
      byOperation[key] = (byOperation[key] ?? 0) + 1;
    }
    console.log(
      `repository: ${JSON.stringify(shape)}; ${PANELS} panels, ${DASHBOARD_DAYS}-day dashboard + ${LOOKBACK_DAYS}-day look-back`
    );
    console.log(
      `events: ${fetched.changes.length} changes, ${fetched.deployments.length} deployments, ${fetched.incidents.length} incidents, ${fetched.pipelineRuns.length} pipeline runs`
    );
    console.log(`first refresh by request: ${JSON.stringify(byOperation)}`);
    console.log(
      `first refresh: ${first.requests} (one panel: ${onePanel.requests}; target <= items/100 + small constant = ${Math.ceil(items / 100)} + c)`
    );
    console.log(
      `unchanged refresh: ${unchanged.requests}: ${fake.requests
        .slice(first.requests, first.requests + unchanged.requests)
        .map((r) => r.operation ?? `${r.path} ${r.status}`)
        .join(', ')}`
    );
    console.log(
      `naive: ${naive} (${PANELS} panels x ${naivePerPanel}); ratio ${(naive / first.requests).toFixed(1)}x; ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
    const problems: string[] = [];
    if (first.requests > items / 100 + 25) {
      problems.push('first refresh exceeds items/100 + 25');
    }
    if (first.requests !== onePanel.requests) {
      problems.push('first refresh depends on the panel count');
    }
    if (first.requests * 10 > naive) {
      problems.push('first refresh is not ten times smaller than the naive client');
    }
    if (problems.length > 0) {
      console.error(`targets missed: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
    console.log(
      JSON.stringify({
        first_refresh_requests: first.requests,
        unchanged_refresh_requests: unchanged.requests,
        naive_requests: naive,
      })
    );
  } finally {
    await fake.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
