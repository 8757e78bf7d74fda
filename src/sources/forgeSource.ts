/**
 * A code host (GitHub, GitLab) as an event source: every configured target (repository or project) plus those of
 * an organisation or group, fetched concurrently; one target's failure is a notice and the others' data still
 * arrives; targets a rate limit left incomplete are named in one notice. Each provider says how to read its
 * settings, list a group, fetch one target and check health.
 */
import { appendEvents, DoraEvents, emptyEvents, Instant, TimeRange } from '../engine';
import { abortError } from './abort';
import { EtagCache } from './etagCache';
import { HttpClient } from './http';
import { SnapshotStore } from './lists';
import { CallContext, RestClientOptions } from './rest';
import { EventSource, HealthCheckItem, SourceNotice, SourceResult } from './types';

/** How a code-host source is built: its connection, its settings and where it remembers what it read. */
export interface ForgeSourceOptions<Settings, Snapshot extends object> {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the provider's plugin.json routes hang below it. */
  proxyUrl: string;
  settings: Settings | undefined;
  now?: () => Instant;
  /** For tests and the bench; default: module-level, so they outlive a refresh. */
  etagCache?: EtagCache;
  snapshots?: SnapshotStore<Snapshot>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  concurrency?: number;
}

/** What one target gave. */
export interface TargetResult<Limit> {
  events: DoraEvents;
  notices: SourceNotice[];
  /** Set when a rate limit left lists incomplete; the source reports all such targets in one notice. */
  rateLimited?: { lists: string[]; error: Limit };
}

/** A target a rate limit left incomplete, for the provider's one notice about all of them. */
export interface LimitedTarget<Limit> {
  target: string;
  lists: string[];
  error: Limit;
}

/** An organisation or group whose matching targets are read too (listed targets win over its rules). */
export interface TargetGroup<Target> {
  /** "GitHub organisation acme", "GitLab group acme/platform": how notices name it. */
  subject: string;
  /** Names of the group's targets that match its include pattern. */
  list(call: CallContext): Promise<string[]>;
  target(name: string): Target;
  /** The warning when no target matches. */
  noMatch: string;
}

export abstract class ForgeSource<Resolved extends { timeoutMs: number }, Target, Limit> implements EventSource {
  abstract readonly name: string;
  protected readonly now: () => Instant;
  /** What the provider's REST client is built with. */
  protected readonly rest: RestClientOptions;

  constructor(options: ForgeSourceOptions<unknown, object>) {
    const now = options.now ?? (() => Date.now());
    this.now = now;
    this.rest = {
      http: options.http,
      proxyUrl: options.proxyUrl,
      etagCache: options.etagCache,
      sleep: options.sleep,
      now,
      concurrency: options.concurrency,
    };
  }

  /** "GitHub", "GitLab": how notices name the provider. */
  protected abstract readonly label: string;
  /** The provider's settings checked and with defaults; throws with a message naming the field and the fix. */
  protected abstract resolve(): Resolved;
  protected abstract configured(settings: Resolved): Target[];
  /** "owner/name", "group/project": a target's name, compared without case. */
  protected abstract nameOf(target: Target): string;
  protected abstract group(settings: Resolved): TargetGroup<Target> | undefined;
  protected abstract fetchTarget(
    settings: Resolved,
    target: Target,
    since: Instant,
    call: CallContext
  ): Promise<TargetResult<Limit>>;
  protected abstract describeRateLimit(limited: Array<LimitedTarget<Limit>>): string;
  protected abstract describeError(subject: string, e: unknown): string;
  /** The token's own check (valid, whose, which scopes). */
  protected abstract checkToken(call: CallContext): Promise<HealthCheckItem>;
  /** One target's check: readable, and what of it the settings need. */
  protected abstract checkTarget(target: Target, call: CallContext): Promise<HealthCheckItem>;

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    let settings: Resolved;
    try {
      settings = this.resolve();
    } catch (e) {
      return {
        events: emptyEvents(),
        notices: [{ severity: 'error', text: `${this.label}: ${(e as Error).message}` }],
      };
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const { targets, notices } = await this.targets(settings, call);
    const results = await Promise.all(targets.map((t) => this.fetchTarget(settings, t, range.from, call)));
    if (signal?.aborted) {
      throw abortError();
    }
    const limited: Array<LimitedTarget<Limit>> = [];
    results.forEach((r, i) => {
      if (r.rateLimited) {
        limited.push({ target: this.nameOf(targets[i]), ...r.rateLimited });
      }
    });
    if (limited.length > 0) {
      notices.push({ severity: 'warning', text: this.describeRateLimit(limited) });
    }
    const events = emptyEvents();
    for (const r of results) {
      appendEvents(events, r.events);
      notices.push(...r.notices);
    }
    return { events, notices };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    let settings: Resolved;
    try {
      settings = this.resolve();
    } catch (e) {
      return [{ source: this.name, status: 'error', message: (e as Error).message }];
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const { targets, notices } = await this.targets(settings, call);
    const token = await this.checkToken(call);
    if (token.status === 'error') {
      // Without a valid token every target fails the same way; one clear message is better.
      return [token];
    }
    const items = [token, ...(await Promise.all(targets.map((t) => this.checkTarget(t, call))))];
    return items.concat(
      notices.map((n) => ({ source: this.name, status: n.severity === 'info' ? 'ok' : n.severity, message: n.text }))
    );
  }

  /** Configured targets plus the group's (listed targets win over the group rules). */
  private async targets(
    settings: Resolved,
    call: CallContext
  ): Promise<{ targets: Target[]; notices: SourceNotice[] }> {
    const targets = this.configured(settings).slice();
    const notices: SourceNotice[] = [];
    const group = this.group(settings);
    if (group) {
      try {
        const listed = new Set(targets.map((t) => this.nameOf(t).toLowerCase()));
        const names = await group.list(call);
        for (const name of names) {
          if (!listed.has(name.toLowerCase())) {
            targets.push(group.target(name));
          }
        }
        if (names.length === 0) {
          notices.push({ severity: 'warning', text: `${group.subject}: ${group.noMatch}` });
        }
      } catch (e) {
        if (call.signal?.aborted) {
          throw abortError();
        }
        notices.push({ severity: 'error', text: this.describeError(group.subject, e) });
      }
    }
    return { targets, notices };
  }
}
