import { Attributed, DEFAULT_OPTIONS, DoraEvents, emptyEvents, mergeEvents, TimeRange } from '../engine';
import { AttributionMemo, EventCache, roundRangeToMinute } from './eventCache';
import { EventSource, SourceResult } from '../sources/types';

const T0 = Date.UTC(2026, 4, 1, 12, 0, 0);
const MIN = 60 * 1000;

/** A source whose fetches the test resolves by hand, recording the ranges and signals it was given. */
class ManualSource implements EventSource {
  calls: Array<{
    range: TimeRange;
    signal?: AbortSignal;
    resolve: (r: SourceResult) => void;
    reject: (e: Error) => void;
  }> = [];
  constructor(readonly name: string) {}
  fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    return new Promise((resolve, reject) => this.calls.push({ range, signal, resolve, reject }));
  }
}

function result(deploymentIds: string[]): SourceResult {
  const events = emptyEvents();
  events.deployments = deploymentIds.map((id) => ({
    id,
    service: 's',
    environment: 'production',
    repo: 'r',
    sha: id,
    finishedAt: T0,
    status: 'success' as const,
    source: 'test',
  }));
  return { events, notices: [] };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('roundRangeToMinute', () => {
  it('rounds from down and to up to whole minutes', () => {
    expect(roundRangeToMinute({ from: T0 + 1, to: T0 + MIN - 1 })).toEqual({ from: T0, to: T0 + MIN });
    expect(roundRangeToMinute({ from: T0, to: T0 })).toEqual({ from: T0, to: T0 });
  });
});

describe('EventCache', () => {
  it('shares one in-flight fetch between panels asking for the same minute-rounded range', async () => {
    const cache = new EventCache({ now: () => T0 });
    const source = new ManualSource('demo');
    const a = cache.fetch(source, { from: T0 + 5, to: T0 + 10 * MIN + 5 });
    const b = cache.fetch(source, { from: T0 + 30 * 1000, to: T0 + 10 * MIN + 20 * 1000 });
    await flush();
    expect(source.calls).toHaveLength(1);
    expect(source.calls[0].range).toEqual({ from: T0, to: T0 + 11 * MIN });
    const r = result(['d1']);
    source.calls[0].resolve(r);
    expect(await a).toBe(r);
    expect(await b).toBe(r);
  });

  it('serves a settled result until the TTL passes, then fetches again', async () => {
    let now = T0;
    const cache = new EventCache({ ttlMs: 60 * 1000, now: () => now });
    const source = new ManualSource('demo');
    const range = { from: T0 - 7 * 24 * 60 * MIN, to: T0 };
    const first = cache.fetch(source, range);
    await flush();
    source.calls[0].resolve(result(['d1']));
    await first;
    now += 59 * 1000;
    await cache.fetch(source, range);
    expect(source.calls).toHaveLength(1);
    now += 2 * 1000;
    const third = cache.fetch(source, range);
    await flush();
    expect(source.calls).toHaveLength(2);
    source.calls[1].resolve(result(['d2']));
    expect((await third).events.deployments[0].id).toBe('d2');
  });

  it('keys by source: two sources with the same range fetch separately', async () => {
    const cache = new EventCache();
    const a = new ManualSource('a');
    const b = new ManualSource('b');
    cache.fetch(a, { from: T0, to: T0 + MIN });
    cache.fetch(b, { from: T0, to: T0 + MIN });
    await flush();
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(1);
  });

  it('does not keep failed fetches: the next query tries again', async () => {
    const cache = new EventCache();
    const source = new ManualSource('flaky');
    const range = { from: T0, to: T0 + MIN };
    const first = cache.fetch(source, range);
    await flush();
    source.calls[0].reject(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    const second = cache.fetch(source, range);
    await flush();
    expect(source.calls).toHaveLength(2);
    source.calls[1].resolve(result([]));
    await expect(second).resolves.toBeDefined();
  });

  it('keeps the shared fetch alive while another panel still waits, aborts it when the last one leaves', async () => {
    const cache = new EventCache();
    const source = new ManualSource('demo');
    const range = { from: T0, to: T0 + MIN };
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = cache.fetch(source, range, c1.signal);
    const p2 = cache.fetch(source, range, c2.signal);
    await flush();
    c1.abort();
    await expect(p1).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.calls[0].signal?.aborted).toBe(false);
    c2.abort();
    await expect(p2).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.calls[0].signal?.aborted).toBe(true);
    expect(cache.size).toBe(0);
  });

  it('bounds its size, dropping the oldest entries', async () => {
    const cache = new EventCache({ maxEntries: 2 });
    const source = new ManualSource('demo');
    for (let i = 0; i < 5; i++) {
      cache.fetch(source, { from: T0 + i * MIN, to: T0 + (i + 1) * MIN });
    }
    expect(cache.size).toBe(2);
  });
});

describe('AttributionMemo', () => {
  const fakeAttributed = (events: DoraEvents): Attributed => ({
    deployments: [],
    failedAttempts: [],
    changes: [],
    incidents: [],
    pipelineRuns: [],
    dataQuality: [],
    teams: { count: String(events.deployments.length) },
  });

  it('merges the same results into the same object and attributes it once per options and now', () => {
    const attribute = jest.fn(fakeAttributed);
    const memo = new AttributionMemo(attribute);
    const r1 = result(['a']);
    const r2 = result(['b', 'c']);
    const events = memo.merge([r1, r2]);
    expect(memo.merge([r1, r2])).toBe(events);
    expect(events.deployments.map((d) => d.id)).toEqual(['a', 'b', 'c']);

    const first = memo.attribute(events, DEFAULT_OPTIONS, T0);
    for (let panel = 0; panel < 9; panel++) {
      expect(memo.attribute(events, { ...DEFAULT_OPTIONS }, T0)).toBe(first);
    }
    expect(attribute).toHaveBeenCalledTimes(1);

    memo.attribute(events, { ...DEFAULT_OPTIONS, leadTimeStart: 'prOpened' }, T0);
    memo.attribute(memo.merge([r2, r1]), DEFAULT_OPTIONS, T0);
    expect(attribute).toHaveBeenCalledTimes(3);
  });
});

describe('mergeEvents', () => {
  it('concatenates events and lets the settings catalog win by service name', () => {
    const a: DoraEvents = {
      ...emptyEvents(),
      catalog: {
        services: [
          { name: 'checkout', team: 'from-source' },
          { name: 'search', team: 'discovery' },
        ],
      },
    };
    const b = result(['x']).events;
    const merged = mergeEvents([a, b], { services: [{ name: 'checkout', team: 'payments' }] });
    expect(merged.deployments).toHaveLength(1);
    expect(merged.catalog?.services).toEqual([
      { name: 'checkout', team: 'payments' },
      { name: 'search', team: 'discovery' },
    ]);
    expect(mergeEvents([b]).catalog).toBeUndefined();
  });
});
