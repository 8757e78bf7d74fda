/**
 * A JSON API reached over the HttpClient seam (a proxy route, Grafana's own API, or a fake): query strings,
 * errors as typed HttpApiError (auth, forbidden, not found, server) with the provider's own message, and 5xx
 * retried with bounded backoff, never past the query's deadline. Providers without paging or rate-limit
 * rules of their own (Argo CD, Grafana's annotations and query APIs) use it as is.
 */
import { abortableSleep } from './abort';
import { HttpClient, HttpRequest } from './http';
import { HttpApiError } from './httpError';
import { CallContext } from './rest';
import { QueryValue, queryString } from './url';

/** The message of an error body: { message } (Argo CD, Grafana), { error }, or the text itself. */
export function bodyDetail(data: unknown): string {
  if (data && typeof data === 'object') {
    const record = data as { message?: unknown; error?: unknown };
    if (typeof record.message === 'string' && record.message !== '') {
      return record.message.slice(0, 300);
    }
    if (typeof record.error === 'string') {
      return record.error.slice(0, 300);
    }
  }
  return typeof data === 'string' ? data.slice(0, 300) : '';
}

export interface JsonApiOptions {
  http: HttpClient;
  /** Provider name in errors ("Argo CD"). */
  provider: string;
  /** Base URL the paths hang below, e.g. `${instanceSettings.url}/argocd` or '' for Grafana's own /api. */
  base: string;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Backoff before each retry of a 5xx or network failure (default 1 s, 2 s). */
  backoffMs?: number[];
}

const DEFAULT_BACKOFF_MS = [1000, 2000];

export class JsonApi {
  /** Requests sent, retries included. */
  requestCount = 0;
  private readonly base: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly backoff: number[];

  constructor(private readonly options: JsonApiOptions) {
    this.base = options.base.replace(/\/+$/, '');
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? abortableSleep;
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  get<T>(path: string, query: Record<string, QueryValue> | undefined, call: CallContext = {}): Promise<T> {
    return this.send<T>({ method: 'GET', url: `${this.base}${path}${queryString(query)}` }, path, call);
  }

  post<T>(path: string, body: unknown, call: CallContext = {}): Promise<T> {
    return this.send<T>(
      { method: 'POST', url: `${this.base}${path}`, body, headers: { 'Content-Type': 'application/json' } },
      path,
      call
    );
  }

  private async send<T>(req: HttpRequest, path: string, call: CallContext): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      this.requestCount++;
      let failure: unknown;
      try {
        const response = await this.options.http.request<T>({ ...req, signal: call.signal });
        if (response.status >= 200 && response.status < 300) {
          return response.data;
        }
        failure = new HttpApiError(this.options.provider, response.status, path, bodyDetail(response.data));
      } catch (e) {
        if (call.signal?.aborted || (e instanceof Error && e.name === 'AbortError')) {
          throw e;
        }
        failure = e;
      }
      const retriable = !(failure instanceof HttpApiError) || failure.kind === 'server';
      const wait = this.backoff[attempt];
      if (!retriable || wait === undefined || (call.deadline !== undefined && this.now() + wait > call.deadline)) {
        throw failure;
      }
      await this.sleep(wait, call.signal);
    }
  }
}
