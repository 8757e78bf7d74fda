/**
 * The request counts of a dashboard's refreshes, for a provider's bench (npm run bench:incidents): the first refresh
 * of N panels sharing one fetch (EventCache), the unchanged refresh after the cache's TTL, and one panel alone from
 * nothing kept. The provider gives its source (on a clock), the fake's request log and how to forget what it kept.
 */
import { DoraEvents, Instant } from '../../engine';
import { EventCache } from '../../datasource/eventCache';
import { EventSource } from '../types';

const DAY = 24 * 3600 * 1000;
const MIN = 60 * 1000;

export interface RefreshBudget<R> {
  first: number;
  unchanged: number;
  onePanel: number;
  events: DoraEvents;
  /** The requests of the first and of the unchanged refresh, as the fake logged them. */
  firstRequests: R[];
  unchangedRequests: R[];
}

export async function measureRefreshes<R>(o: {
  panels: number;
  windowDays: number;
  now: Instant;
  source: (clock: () => Instant) => EventSource;
  /** The fake's log of every request it answered, oldest first. */
  requests: () => readonly R[];
  /** Forgets what the source keeps between refreshes (its snapshots, conditional-request cache). */
  forget: () => void;
}): Promise<RefreshBudget<R>> {
  let clock = o.now;
  const cache = new EventCache({ ttlMs: 60 * 1000, now: () => clock });
  const refresh = async (panels: number) => {
    const source = o.source(() => clock);
    const before = o.requests().length;
    const range = { from: clock - o.windowDays * DAY, to: clock };
    const results = await Promise.all(Array.from({ length: panels }, () => cache.fetch(source, range)));
    if (results[0].notices.length > 0) {
      throw new Error(`unexpected notices: ${results[0].notices.map((n) => n.text).join(' | ')}`);
    }
    return { requests: o.requests().slice(before), events: results[0].events };
  };
  const first = await refresh(o.panels);
  clock += 5 * MIN;
  const unchanged = await refresh(o.panels);
  o.forget();
  cache.clear();
  const onePanel = await refresh(1);
  return {
    first: first.requests.length,
    unchanged: unchanged.requests.length,
    onePanel: onePanel.requests.length,
    events: first.events,
    firstRequests: first.requests,
    unchangedRequests: unchanged.requests,
  };
}
