/**
 * The request counts of a dashboard's refreshes, for a provider's bench (npm run bench:incidents): the first refresh
 * of N panels sharing one fetch (EventCache), the unchanged refresh after the cache's TTL, and one panel alone from
 * nothing kept. The provider gives its source (on a clock), the fake's request count and how to forget what it kept.
 */
import { DoraEvents, Instant } from '../../engine';
import { EventCache } from '../../datasource/eventCache';
import { EventSource } from '../types';

const DAY = 24 * 3600 * 1000;
const MIN = 60 * 1000;

export interface RefreshBudget {
  first: number;
  unchanged: number;
  onePanel: number;
  events: DoraEvents;
}

export async function measureRefreshes(o: {
  panels: number;
  windowDays: number;
  now: Instant;
  source: (clock: () => Instant) => EventSource;
  requestCount: () => number;
  /** Forgets what the source keeps between refreshes (its snapshots). */
  forget: () => void;
}): Promise<RefreshBudget> {
  let clock = o.now;
  const cache = new EventCache({ ttlMs: 60 * 1000, now: () => clock });
  const refresh = async (panels: number) => {
    const source = o.source(() => clock);
    const before = o.requestCount();
    const range = { from: clock - o.windowDays * DAY, to: clock };
    const results = await Promise.all(Array.from({ length: panels }, () => cache.fetch(source, range)));
    if (results[0].notices.length > 0) {
      throw new Error(`unexpected notices: ${results[0].notices.map((n) => n.text).join(' | ')}`);
    }
    return { requests: o.requestCount() - before, events: results[0].events };
  };
  const first = await refresh(o.panels);
  clock += 5 * MIN;
  const unchanged = await refresh(o.panels);
  o.forget();
  cache.clear();
  const onePanel = await refresh(1);
  return { first: first.requests, unchanged: unchanged.requests, onePanel: onePanel.requests, events: first.events };
}
