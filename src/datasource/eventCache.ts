/**
 * Per data source instance caches, so a dashboard of many panels fetches each source once per refresh and
 * attributes once:
 * - EventCache: a source's events per (source, range rounded outwards to the minute), with in-flight fetches
 *   shared; short TTL, bounded size; failed fetches are not kept.
 * - AttributionMemo: merged events per identical source results, and attribution per (events, options, now).
 */
import {
  Attributed,
  DoraEvents,
  EngineOptions,
  Instant,
  mergeEvents,
  MINUTE_MS,
  ServiceCatalog,
  TimeRange,
} from '../engine';
import { EventSource, SourceResult } from '../sources/types';
import { abortError } from '../sources/abort';
import { BoundedMap } from '../sources/boundedMap';

export interface CacheOptions {
  /** How long a settled entry stays fresh. Default 60 s. */
  ttlMs?: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** The range a fetch covers: whole minutes, so panels refreshed within a minute share one fetch. */
export function roundRangeToMinute(range: TimeRange): TimeRange {
  return {
    from: Math.floor(range.from / MINUTE_MS) * MINUTE_MS,
    to: Math.ceil(range.to / MINUTE_MS) * MINUTE_MS,
  };
}

interface FetchEntry {
  promise: Promise<SourceResult>;
  createdAt: number;
  settled: boolean;
  /** Callers still waiting; when the last one aborts, the shared fetch is aborted too. */
  waiters: number;
  controller: AbortController;
}

export class EventCache {
  private readonly entries: BoundedMap<string, FetchEntry>;
  private readonly ids = new IdentityIds();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: CacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 1000;
    this.entries = new BoundedMap(options.maxEntries ?? 32);
    this.now = options.now ?? Date.now;
  }

  /** Events of `source` for `range` (rounded outwards to the minute). */
  fetch(source: EventSource, range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const rounded = roundRangeToMinute(range);
    const key = `${this.ids.of(source)}:${source.name}:${rounded.from}:${rounded.to}`;
    let entry = this.entries.get(key);
    if (entry && entry.settled && this.now() - entry.createdAt > this.ttlMs) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      entry = this.start(key, source, rounded);
    }
    return this.wait(key, entry, signal);
  }

  /** Forget everything (e.g. when the user presses refresh with new settings). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private start(key: string, source: EventSource, range: TimeRange): FetchEntry {
    const controller = new AbortController();
    const entry: FetchEntry = {
      promise: Promise.resolve().then(() => source.fetchEvents(range, controller.signal)),
      createdAt: this.now(),
      settled: false,
      waiters: 0,
      controller,
    };
    entry.promise.then(
      () => {
        entry.settled = true;
        entry.createdAt = this.now();
      },
      () => {
        if (this.entries.get(key) === entry) {
          this.entries.delete(key);
        }
      }
    );
    this.entries.set(key, entry);
    return entry;
  }

  private wait(key: string, entry: FetchEntry, signal?: AbortSignal): Promise<SourceResult> {
    if (!signal) {
      entry.waiters++;
      return entry.promise.finally(() => entry.waiters--);
    }
    if (signal.aborted) {
      return Promise.reject(abortError());
    }
    entry.waiters++;
    return new Promise<SourceResult>((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        entry.waiters--;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (done) {
          return;
        }
        finish();
        if (!entry.settled && entry.waiters === 0) {
          entry.controller.abort();
          if (this.entries.get(key) === entry) {
            this.entries.delete(key);
          }
        }
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort);
      entry.promise.then(
        (value) => {
          if (!done) {
            finish();
            resolve(value);
          }
        },
        (err) => {
          if (!done) {
            finish();
            reject(err);
          }
        }
      );
    });
  }
}

export type AttributeFn = (events: DoraEvents, options?: Partial<EngineOptions>, now?: Instant) => Attributed;

/** Merging and attribution, memoized by the identity of their inputs so ten panels attribute once. */
export class AttributionMemo {
  private readonly ids = new IdentityIds();
  private readonly merged = new BoundedMap<string, DoraEvents>(16);
  private readonly attributed = new BoundedMap<string, Attributed>(16);

  constructor(private readonly attributeFn: AttributeFn) {}

  /** One DoraEvents for the given source results (same results, same object); the catalog wins over sources'. */
  merge(results: SourceResult[], catalog?: ServiceCatalog): DoraEvents {
    const key = results.map((r) => this.ids.of(r)).join(',') + '|' + (catalog ? this.ids.of(catalog) : '-');
    let events = this.merged.get(key);
    if (!events) {
      events = mergeEvents(
        results.map((r) => r.events),
        catalog
      );
      this.merged.set(key, events);
    }
    return events;
  }

  attribute(events: DoraEvents, options: EngineOptions, now: Instant): Attributed {
    const key = `${this.ids.of(events)}|${stableJson(options)}|${now}`;
    let result = this.attributed.get(key);
    if (!result) {
      result = this.attributeFn(events, options, now);
      this.attributed.set(key, result);
    }
    return result;
  }
}

/** Small numbers for object identities, without keeping the objects alive. */
class IdentityIds {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;

  of(obj: object): number {
    let id = this.ids.get(obj);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(obj, id);
    }
    return id;
  }
}

function stableJson(value: object): string {
  const record = value as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]])
  );
}
