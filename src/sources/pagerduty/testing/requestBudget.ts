/**
 * Counts the PagerDuty requests of a dashboard refresh against the fake: the first refresh of N panels sharing one
 * fetch through the data source's EventCache, the unchanged refresh after the cache's TTL, a one-panel refresh on
 * a cold cache, and what a naive per-panel, per-incident client would send (the incident pages, then each
 * incident's log entries for its acknowledgement). Used by bench/incidents at full size and requestBudget.test.ts.
 */
import { DoraEvents } from '../../../engine';
import { EventCache } from '../../../datasource/eventCache';
import { nodeHttpClient } from '../../testing/nodeHttp';
import { PagerDutySource } from '../source';
import { SnapshotStore } from '../snapshot';
import { generateWorld, GenerateOptions } from './generate';
import { LoggedRequest, startFakePagerDuty } from './server';

const DAY = 24 * 3600 * 1000;

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
  let clock = o.now;
  const cache = new EventCache({ ttlMs: 60 * 1000, now: () => clock });

  const refresh = async (panels: number) => {
    const source = new PagerDutySource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, apiUrl: 'https://api.pagerduty.com' },
      now: () => clock,
      snapshots,
    });
    const range = { from: clock - windowDays * DAY, to: clock };
    const before = fake.requests.length;
    const results = await Promise.all(Array.from({ length: panels }, () => cache.fetch(source, range)));
    if (results[0].notices.length > 0) {
      throw new Error(`unexpected notices: ${results[0].notices.map((n) => n.text).join(' | ')}`);
    }
    return { requests: fake.requests.slice(before), events: results[0].events };
  };

  try {
    const first = await refresh(o.panels);
    clock += 5 * 60 * 1000; // the next refresh, after the event cache entry expired
    const unchanged = await refresh(o.panels);
    snapshots.clear();
    cache.clear();
    const onePanel = await refresh(1);
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    const naivePerPanel = pages(world.incidents.length) + world.incidents.length;
    return {
      first: first.requests.length,
      unchanged: unchanged.requests.length,
      onePanel: onePanel.requests.length,
      naive: o.panels * naivePerPanel,
      naivePerPanel,
      events: first.events,
      firstRequests: first.requests,
      unchangedRequests: unchanged.requests,
    };
  } finally {
    await fake.close();
  }
}
