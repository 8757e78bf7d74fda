/**
 * How a source continues a list from what the last refresh read, whatever the provider: the list state kept between
 * refreshes (read newest first, valid from `since` on), whether a previous state can be continued, and a fetch's
 * outcome (the state reached, and the error that stopped it; an incomplete list is never kept).
 */
import { Instant } from '../engine';
import { isAbortError } from './abort';
import { BoundedMap } from './boundedMap';
import { PageDecision } from './rest';
import { toInstant } from './mapping';

/** A list read newest first, valid from `since` on, for the parameters in `key`. */
export interface ListState<T> {
  key: string;
  since: Instant;
  items: Record<string, T>;
  /** Largest update time seen (lists ordered by update time). */
  watermark?: Instant;
}

/** A previous list state that can be continued: same parameters and it covers the requested start. */
export function reusable<S extends { since: Instant; key?: string }>(
  prev: S | undefined,
  since: Instant,
  key?: string
) {
  return prev !== undefined && prev.since <= since && (key === undefined || prev.key === key) ? prev : undefined;
}

export interface Fetched<S> {
  state: S;
  /** Set when the list is incomplete; the state then holds what was read, and must not be kept. */
  error?: unknown;
}

/** Runs a fetch; a cancelled query propagates, any other error is returned with the state reached. */
export async function capture<S>(state: () => S, run: () => Promise<void>): Promise<Fetched<S>> {
  try {
    await run();
    return { state: state() };
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    return { state: state(), error };
  }
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** An instant as ISO 8601 to the second, as APIs take it in filters. */
export function iso(t: Instant): string {
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A look-back start as a filter value that stays the same for a day: refreshes minutes apart then ask for the same
 * URL, which an ETag can answer with a 304. Reading from the start of the day reads a little more, never less.
 */
export function stableSince(t: Instant): string {
  return iso(Math.floor(t / 86400000) * 86400000);
}

/** The items of a record whose instant is at or after `since`. */
export function since<T>(items: Record<string, T>, from: Instant, at: (item: T) => Instant | undefined) {
  const out: Record<string, T> = {};
  for (const key of Object.keys(items)) {
    if ((at(items[key]) ?? 0) >= from) {
      out[key] = items[key];
    }
  }
  return out;
}

/** What a source has read per key (repository, project), kept between refreshes. Bounded, oldest out first. */
export class SnapshotStore<S extends object> {
  private readonly snapshots: BoundedMap<string, S>;

  constructor(maxEntries = 200) {
    this.snapshots = new BoundedMap(maxEntries);
  }

  get(key: string): S {
    const snapshot = this.snapshots.get(key) ?? ({} as S);
    this.snapshots.set(key, snapshot);
    return snapshot;
  }

  clear(): void {
    this.snapshots.clear();
  }
}

/**
 * A list the provider returns newest update first (pull or merge requests, incident issues). A refresh keeps what
 * the last read had that was updated since the look-back start, and reads pages only until the first item updated
 * neither since the look-back start nor since the last read (the watermark): reviews, labels, merges and closing all
 * move the update time.
 */
export class UpdatedList<T> {
  readonly items: Record<string, T> = {};
  watermark: number | undefined;
  private readonly previousWatermark: number | undefined;

  constructor(
    readonly key: string,
    readonly since: number,
    previous: ListState<T> | undefined,
    private readonly idOf: (node: T) => string,
    private readonly updatedOf: (node: T) => string | null | undefined
  ) {
    for (const [id, node] of Object.entries(previous?.items ?? {})) {
      if (this.updated(node) >= since) {
        this.items[id] = node;
      }
    }
    this.watermark = previous?.watermark;
    this.previousWatermark = previous?.watermark;
  }

  /** The page handler. */
  readonly take = (nodes: T[]): PageDecision => {
    for (const node of nodes) {
      const updated = this.updated(node);
      if (updated < this.since || (this.previousWatermark !== undefined && updated < this.previousWatermark)) {
        return 'stop';
      }
      this.items[this.idOf(node)] = node;
      this.watermark = Math.max(this.watermark ?? updated, updated);
    }
    return 'continue';
  };

  readonly state = (): ListState<T> => ({
    key: this.key,
    since: this.since,
    items: this.items,
    watermark: this.watermark,
  });

  private updated(node: T): number {
    return toInstant(this.updatedOf(node)) ?? 0;
  }
}
