/**
 * A provider's JSON GET client for APIs whose paging the provider does itself (PagerDuty, Jira): a concurrency
 * limit, identical in-flight requests shared, retries as the provider decides (sources/retry.ts), and the
 * provider's own errors when a request cannot be read. Each provider says what a response means and how its
 * errors are worded; the sending and counting live here.
 */
import pLimit from 'p-limit';
import { abortableSleep } from './abort';
import { HttpClient, HttpResponse } from './http';
import { CallContext } from './rest';
import { RetryDecision, RetryOutcome, sendWithRetries } from './retry';
import { SharedRequests } from './sharedRequests';
import { queryString, QueryValue } from './url';

export interface RetryingClientOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the provider's route hangs below it. */
  proxyUrl: string;
  concurrency?: number;
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_RETRIES = 4;

export abstract class RetryingClient {
  /** Every HTTP request sent, retries included. */
  requestCount = 0;
  protected readonly now: () => number;
  private readonly base: string;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inflight = new SharedRequests<unknown>();
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly maxRetries: number;

  constructor(
    private readonly connection: RetryingClientOptions,
    /** The proxy route (plugin.json), plus any API prefix every path shares. */
    route: string,
    /** The Accept header the API asks for. */
    private readonly accept: string
  ) {
    this.base = `${connection.proxyUrl.replace(/\/+$/, '')}/${route}`;
    this.limit = pLimit(connection.concurrency ?? DEFAULT_CONCURRENCY);
    this.now = connection.now ?? (() => Date.now());
    this.sleep = connection.sleep ?? abortableSleep;
    this.maxRetries = connection.maxRetries ?? DEFAULT_MAX_RETRIES;
  }

  /** What a response means: keep it, wait and send again, or give up with it. */
  protected abstract decide(response: HttpResponse<unknown>, attempt: number): RetryDecision;
  /** The provider's error for a request that could not be read (a rate limit not waited out, or an error answer). */
  protected abstract failure(outcome: Extract<RetryOutcome<unknown>, { ok: false }>, path: string): Error;

  /** GET a path below the route; identical concurrent requests share one answer. */
  get<T>(path: string, query: Record<string, QueryValue> = {}, ctx: CallContext = {}): Promise<T> {
    const url = `${this.base}${path}${queryString(query)}`;
    return this.inflight.run(url, ctx.signal, (signal) => this.send<T>(path, url, { ...ctx, signal })) as Promise<T>;
  }

  private async send<T>(path: string, url: string, ctx: CallContext): Promise<T> {
    const outcome = await sendWithRetries<T>(
      () =>
        this.limit(() =>
          this.connection.http.request<T>({ method: 'GET', url, headers: { Accept: this.accept }, signal: ctx.signal })
        ),
      (response, attempt) => this.decide(response, attempt),
      ctx,
      { maxRetries: this.maxRetries, now: this.now, sleep: this.sleep, onSend: () => this.requestCount++ }
    );
    if (outcome.ok) {
      return outcome.response.data;
    }
    throw this.failure(outcome, path);
  }
}
