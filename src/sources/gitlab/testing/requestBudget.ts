/**
 * Counts the GitLab requests of a dashboard refresh against the fake: the first refresh of N panels sharing one fetch
 * through the data source's EventCache, the unchanged refresh after the cache's TTL, a one-panel refresh on a cold
 * cache, and what a naive per-panel, per-deployment REST client would send. Used by the bench (bench/gitlab) at full
 * size and by requestBudget.test.ts at a small size.
 */
import { DoraEvents } from '../../../engine';
import { EtagCache } from '../../etagCache';
import { measureRefreshes } from '../../testing/refreshBudget';
import { nodeHttpClient } from '../../testing/nodeHttp';
import { SnapshotStore } from '../snapshot';
import { GitLabSource } from '../source';
import { generateProject, GenerateOptions } from './generate';
import { LoggedRequest, startFakeGitLab } from './server';
import { emptyWorld } from './world';

const DAY = 24 * 3600 * 1000;
const PATH = 'acme/big';

export interface BudgetOptions {
  shape: Omit<GenerateOptions, 'path' | 'now' | 'spanDays'>;
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
  events: DoraEvents;
  firstRequests: LoggedRequest[];
  unchangedRequests: LoggedRequest[];
}

export async function measureRequests(o: BudgetOptions): Promise<BudgetResult> {
  const windowDays = o.dashboardDays + o.lookbackDays;
  const project = generateProject({ path: PATH, now: o.now, spanDays: windowDays - 1, ...o.shape });
  const world = emptyWorld();
  world.projects[PATH] = project;
  const fake = await startFakeGitLab(world);
  // Module-level in the plugin; explicit here so every measurement starts cold.
  const etagCache = new EtagCache(5000);
  const snapshots = new SnapshotStore();
  const settings = { enabled: true, projects: PATH };

  try {
    const counts = await measureRefreshes({
      panels: o.panels,
      windowDays: windowDays,
      now: o.now,
      source: (clock) =>
        new GitLabSource({
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
    const prodInWindow = project.deployments.filter(
      (d) => d.environment === 'production' && Date.parse(d.createdAt) >= from
    ).length;
    const mrsInWindow = project.mergeRequests.filter((m) => Date.parse(m.updatedAt) >= from).length;
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    // Per panel: deployment pages, then the deployment's job and the compare with the previous deployment for each,
    // plus the pages of merge requests and incident issues.
    const naivePerPanel = pages(prodInWindow) + 2 * prodInWindow + pages(mrsInWindow) + pages(project.issues.length);
    return {
      first: counts.first,
      unchanged: counts.unchanged,
      onePanel: counts.onePanel,
      naive: o.panels * naivePerPanel,
      naivePerPanel,
      events: counts.events,
      firstRequests: counts.firstRequests,
      unchangedRequests: counts.unchangedRequests,
    };
  } finally {
    await fake.close();
  }
}
