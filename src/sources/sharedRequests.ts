/**
 * Identical requests in flight at the same time share one: panels refreshing together ask once. The request
 * runs on its own AbortController and is cancelled only when every caller waiting for it has left.
 */
import { raceAbort } from './abort';

interface InFlight<T> {
  promise: Promise<T>;
  controller: AbortController;
  users: number;
}

export class SharedRequests<T> {
  private readonly inflight = new Map<string, InFlight<T>>();

  /** The running request under `key`, or a new one from `start`; `signal` is this caller's. */
  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let entry = this.inflight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: InFlight<T> = { controller, users: 0, promise: Promise.resolve() as never };
      created.promise = start(controller.signal).finally(() => {
        if (this.inflight.get(key) === created) {
          this.inflight.delete(key);
        }
      });
      // Callers may all leave; the shared promise must not be reported as unhandled then.
      created.promise.catch(() => undefined);
      this.inflight.set(key, created);
      entry = created;
    }
    const current = entry;
    current.users++;
    return raceAbort(current.promise, signal).finally(() => {
      current.users--;
      if (current.users === 0 && signal?.aborted) {
        // The last interested caller left: cancel the request itself.
        current.controller.abort();
        if (this.inflight.get(key) === current) {
          this.inflight.delete(key);
        }
      }
    });
  }
}
