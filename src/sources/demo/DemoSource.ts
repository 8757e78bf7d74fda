/** The built-in demo provider: realistic, deterministic events for a seed, relative to `now`. */
import { emptyEvents, Instant, TimeRange } from '../../engine';
import { EventSource, HealthCheckItem, OnCallResult, SourceResult } from '../types';
import { demoDataFor } from './cache';
import { clipToNow } from './clip';
import { DEFAULT_DEMO_SEED } from '../../settings/model';
import { DEMO_WINDOW_DAYS } from './generate';
import { DEMO_SERVICES, DEMO_TEAMS } from './profiles';
import { eventsInRange } from './range';
import { demoOnCall } from './onCall';

export interface DemoSourceOptions {
  /** Same seed, same day => the same events. Default 42. */
  seed?: number;
  /** Clock, for tests and the CLI's --now. Default Date.now. */
  now?: () => Instant;
}

export class DemoSource implements EventSource {
  readonly name = 'demo';
  private readonly seed: number;
  private readonly now: () => Instant;

  constructor(opts: DemoSourceOptions = {}) {
    this.seed = opts.seed ?? DEFAULT_DEMO_SEED;
    this.now = opts.now ?? (() => Date.now());
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    throwIfAborted(signal);
    const problem = this.seedProblem();
    if (problem) {
      return { events: emptyEvents(), notices: [problem] };
    }
    const now = this.now();
    if (!isFinite(now)) {
      const text = `Demo source: the clock gave ${String(now)}, not an instant; pass now() returning epoch milliseconds.`;
      return { events: emptyEvents(), notices: [{ severity: 'error', text }] };
    }
    const all = clipToNow(demoDataFor(this.seed, now).events, now);
    return { events: eventsInRange(all, range), notices: [] };
  }

  /** The demo organisation's on-call rota, now (for the on-call dashboard). */
  async onCall(signal?: AbortSignal): Promise<OnCallResult> {
    throwIfAborted(signal);
    return { owners: demoOnCall(this.now()), notices: [] };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    throwIfAborted(signal);
    const problem = this.seedProblem();
    if (problem) {
      return [{ source: this.name, status: 'error', message: problem.text }];
    }
    const message =
      `built-in demo data: ${DEMO_SERVICES.length} services in ${DEMO_TEAMS.length} teams, ` +
      `${DEMO_WINDOW_DAYS} days up to now, seed ${this.seed}`;
    return [{ source: this.name, status: 'ok', message }];
  }

  private seedProblem() {
    if (Number.isInteger(this.seed) && this.seed >= 0 && this.seed <= 0xffffffff) {
      return undefined;
    }
    return {
      severity: 'error' as const,
      text:
        `Demo source: seed ${JSON.stringify(this.seed)} is not a whole number from 0 to 4294967295; ` +
        'set "Demo seed" in the data source settings to e.g. 42.',
    };
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const error = new Error('Demo source: the request was cancelled.');
    error.name = 'AbortError';
    throw error;
  }
}
