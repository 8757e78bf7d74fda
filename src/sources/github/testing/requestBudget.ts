/**
 * Counts the GitHub requests of a dashboard refresh against the fake: the first refresh of N panels sharing one
 * fetch through the data source's EventCache, the unchanged refresh after the cache's TTL, a one-panel refresh
 * on a cold cache, and what a naive per-panel, per-deployment REST client would send. Used by the bench
 * (bench/github/requests.ts) at full size and by requestBudget.test.ts at a small size.
 */
import { DoraEvents } from '../../../engine';
import { measureRefreshes } from '../../testing/refreshBudget';
import { EtagCache } from '../../etagCache';
import { SnapshotStore } from '../snapshot';
import { GitHubSource } from '../source';
import { generateRepo, GenerateOptions } from './generate';
import { nodeHttpClient } from '../../testing/nodeHttp';
import { LoggedRequest, startFakeGitHub } from './server';

const DAY = 24 * 3600 * 1000;

export interface BudgetOptions {
  shape: Omit<GenerateOptions, 'fullName' | 'now' | 'spanDays'>;
  panels: number;
  dashboardDays: number;
  lookbackDays: number;
  now: number;
}

export interface BudgetResult {
  first: number;
  unchanged: number;
  onePanel: number;
  naive: number;
  naivePerPanel: number;
  /** Items the repository holds in the window (commits, deployments, pull requests, runs, incidents). */
  items: number;
  events: DoraEvents;
  firstRequests: LoggedRequest[];
  unchangedRequests: LoggedRequest[];
}

export async function measureRequests(o: BudgetOptions): Promise<BudgetResult> {
  const windowDays = o.dashboardDays + o.lookbackDays;
  const repo = generateRepo({ fullName: 'acme/big', now: o.now, spanDays: windowDays - 1, ...o.shape });
  const fake = await startFakeGitHub({ login: 'bench', repos: { 'acme/big': repo }, orgs: {} });
  // Module-level in the plugin; explicit here so every measurement starts cold.
  const etagCache = new EtagCache();
  const snapshots = new SnapshotStore();
  const settings = { enabled: true, repositories: 'acme/big' };

  try {
    const counts = await measureRefreshes({
      panels: o.panels,
      windowDays: windowDays,
      now: o.now,
      source: (clock) =>
        new GitHubSource({
          http: nodeHttpClient(),
          proxyUrl: fake.url,
          settings,
          now: clock,
          etagCache,
          snapshots,
        }),
      requests: () => fake.requests,
      forget: () => {
        etagCache.clear();
        snapshots.clear();
      },
    });

    const from = o.now - windowDays * DAY;
    const prodInWindow = repo.deployments.filter(
      (d) => d.environment === 'production' && Date.parse(d.createdAt) >= from
    ).length;
    const prsInWindow = repo.pullRequests.filter((p) => Date.parse(p.updatedAt) >= from).length;
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    // Per panel: deployment pages, then statuses and compare for each deployment, plus PR and issue pages.
    const naivePerPanel = pages(prodInWindow) + 2 * prodInWindow + pages(prsInWindow) + pages(repo.issues.length);
    const s = o.shape;
    return {
      first: counts.first,
      unchanged: counts.unchanged,
      onePanel: counts.onePanel,
      naive: o.panels * naivePerPanel,
      naivePerPanel,
      items: s.commits + s.deployments + s.pullRequests + s.runs + s.incidents,
      events: counts.events,
      firstRequests: counts.firstRequests,
      unchangedRequests: counts.unchangedRequests,
    };
  } finally {
    await fake.close();
  }
}
