/**
 * Conditional-request cache: URL -> ETag and the data it stood for. Bounded (least recently used goes first)
 * and kept module-level by each provider's client, so it outlives a refresh: an unchanged refresh is answered with 304s.
 */
import { BoundedMap } from './boundedMap';

export interface EtagEntry {
  etag: string;
  data: unknown;
  /** Headers of the 200 the data came from (Link for paging). */
  headers: Record<string, string>;
}

export class EtagCache {
  private readonly entries: BoundedMap<string, EtagEntry>;

  constructor(maxEntries = 500) {
    this.entries = new BoundedMap(maxEntries);
  }

  get(key: string): EtagEntry | undefined {
    return this.entries.touch(key);
  }

  set(key: string, entry: EtagEntry): void {
    this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
