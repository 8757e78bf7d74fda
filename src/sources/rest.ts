/**
 * What REST clients of every provider share: how they are built, the call context, a page's result, paging
 * decisions, query strings.
 */
import { EtagCache } from './etagCache';
import { HttpClient, HttpResponse } from './http';
import { parseLinkHeader } from './linkHeader';

/** How a code host's REST client is built (GitHub, GitLab). */
export interface RestClientOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the provider's plugin.json routes hang below it. */
  proxyUrl: string;
  concurrency?: number;
  etagCache?: EtagCache;
  /** Retries of 5xx and rate limits (bounded backoff). */
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallContext {
  signal?: AbortSignal;
  /** Epoch ms after which no wait is started (the query timeout). */
  deadline?: number;
}

export interface RestResult<T> {
  data: T;
  status: number;
  headers: Record<string, string>;
  /** True when the answer was a 304 and the data came from the ETag cache. */
  notModified: boolean;
  /** The next page's URL (from the Link header), if any. */
  next?: string;
}

/** What a page handler says after seeing a page: read on, or stop (everything needed is there). */
export type PageDecision = 'continue' | 'stop';

export type Query = Record<string, string | number | boolean | undefined>;

/** The provider's error message from a JSON body ({ message } or { error }), or the start of a text body. */
export function bodyMessage(data: unknown): string {
  if (data && typeof data === 'object') {
    const body = data as { message?: unknown; error?: unknown; error_description?: unknown };
    for (const value of [body.message, body.error_description, body.error]) {
      if (typeof value === 'string') {
        return value;
      }
      if (value && typeof value === 'object') {
        return JSON.stringify(value).slice(0, 200);
      }
    }
  }
  return typeof data === 'string' ? data.slice(0, 200) : '';
}

/**
 * A GET that asks "changed since?" with the ETag the cache holds: a 304 answers with the cached data (and its Link
 * header, for paging), a new ETag is remembered. `send` makes the request with the headers given (and its retries).
 */
export async function conditionalGet<T>(
  etags: EtagCache,
  url: string,
  accept: string,
  send: (headers: Record<string, string>) => Promise<HttpResponse<T>>
): Promise<RestResult<T>> {
  const cached = etags.get(url);
  const headers: Record<string, string> = { Accept: accept };
  if (cached) {
    headers['If-None-Match'] = cached.etag;
  }
  const response = await send(headers);
  if (response.status === 304 && cached) {
    return {
      data: cached.data as T,
      status: 304,
      headers: response.headers,
      notModified: true,
      next: parseLinkHeader(cached.headers.link).next,
    };
  }
  const etag = response.headers.etag;
  if (etag) {
    etags.set(url, { etag, data: response.data, headers: { link: response.headers.link ?? '' } });
  }
  return {
    data: response.data,
    status: response.status,
    headers: response.headers,
    notModified: false,
    next: parseLinkHeader(response.headers.link).next,
  };
}
