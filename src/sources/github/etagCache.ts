/**
 * Conditional-request cache: URL -> ETag and the data it stood for. Bounded (least recently used goes first)
 * and module-level by default, so it outlives a refresh: an unchanged refresh is answered with 304s.
 */
export interface EtagEntry {
  etag: string;
  data: unknown;
  /** Headers of the 200 the data came from (Link for paging). */
  headers: Record<string, string>;
}

export class EtagCache {
  private readonly entries = new Map<string, EtagEntry>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string): EtagEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the entry as recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: EtagEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Shared by every GitHub client of this page (bounded). */
export const sharedEtagCache = new EtagCache();
