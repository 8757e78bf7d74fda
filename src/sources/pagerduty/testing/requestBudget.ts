/**
 * Counts the PagerDuty requests of a dashboard refresh against the fake: the first refresh of N panels sharing one
 * fetch through the data source's EventCache, the unchanged refresh after the cache's TTL, a one-panel refresh on
 * a cold cache, and what a naive per-panel, per-incident client would send (the incident pages, then each
 * incident's log entries for its acknowledgement). Used by bench/incidents at full size and requestBudget.test.ts.
 */
import { DoraEvents } from '../../../engine';
import { measureRefreshes } from '../../testing/refreshBudget';
import { nodeHttpClient } from '../../testing/nodeHttp';
import { PagerDutySource } from '../source';
import { SnapshotStore } from '../snapshot';
import { generateWorld, GenerateOptions } from './generate';
import { LoggedRequest, startFakePagerDuty } from './server';


export interface BudgetOptions {
  shape: Omit<GenerateOptions, 'now' | 'spanDays'>;
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
  const world = generateWorld({ ...o.shape, now: o.now, spanDays: windowDays - 1 });
  const fake = await startFakePagerDuty(world);
  const snapshots = new SnapshotStore();

  try {
    const counts = await measureRefreshes({
      panels: o.panels,
      windowDays: windowDays,
      now: o.now,
      source: (clock) =>
        new PagerDutySource({
          http: nodeHttpClient(),
          proxyUrl: fake.url,
          settings: { enabled: true, apiUrl: 'https://api.pagerduty.com' },
          now: clock,
          snapshots,
        }),
      requests: () => fake.requests,
      forget: () => {
        snapshots.clear();
      },
    });
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    const naivePerPanel = pages(world.incidents.length) + world.incidents.length;
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
