/**
 * Identical requests in flight share one: the first caller starts it, later callers wait for the same promise.
 * Each caller may leave (its signal aborts) without disturbing the others; when the last one leaves, the request
 * itself is cancelled.
 */
import { raceAbort } from './abort';

interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  users: number;
}

export class InFlight<T> {
  private readonly entries = new Map<string, Entry<T>>();

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Entry<T> = { controller, users: 0, promise: Promise.resolve() as never };
      created.promise = start(controller.signal).finally(() => {
        if (this.entries.get(key) === created) {
          this.entries.delete(key);
        }
      });
      // Callers may all leave; the shared promise must not be reported as unhandled then.
      created.promise.catch(() => undefined);
      this.entries.set(key, created);
      entry = created;
    }
    const current = entry;
    current.users++;
    return raceAbort(current.promise, signal).finally(() => {
      current.users--;
      if (current.users === 0 && signal?.aborted) {
        // The last interested caller left: cancel the request itself.
        current.controller.abort();
        if (this.entries.get(key) === current) {
          this.entries.delete(key);
        }
      }
    });
  }
}
