/**
 * The seam every source fetches through. In the browser it is Grafana's data source proxy
 * (`${instanceSettings.url}/<route>/...`, which adds the token on the server); in tests, a fake or a
 * fetch against a loopback server. Sources never see a token.
 */
export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Absolute URL (proxy base + route + path + query). */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** 'text': `data` is the body as received (default: JSON bodies arrive parsed). */
  responseType?: 'json' | 'text';
}

export interface HttpResponse<T = unknown> {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  data: T;
}

/** Resolves for every HTTP status (including 4xx/5xx); rejects only on network failure or abort. */
export interface HttpClient {
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>;
}

/** The URL without its query string: queries may carry cursors or signatures that make messages noisy. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** The error a cancelled request rejects with (name AbortError, as fetch's). */
export function requestAbortError(url: string): Error {
  const err = new Error(`Request to ${pathOf(url)} was cancelled`);
  err.name = 'AbortError';
  return err;
}

/** Response headers (a Headers object, a Map or a plain record) as a record with lower-cased names. */
export function headersToRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers || typeof headers !== 'object') {
    return out;
  }
  const withForEach = headers as { forEach?: (cb: (value: string, key: string) => void) => void };
  if (typeof withForEach.forEach === 'function' && !Array.isArray(headers)) {
    withForEach.forEach((value, key) => {
      out[String(key).toLowerCase()] = String(value);
    });
    return out;
  }
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    out[key.toLowerCase()] = String(value);
  }
  return out;
}

/**
 * The error of a request that got no response (network down, DNS, CORS, TLS): names the path, not the query. It
 * states what happened only: each source's error text adds what to check (its own URL setting), once.
 */
export function networkError(url: string, cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : 'no response';
  return new Error(`Request to ${pathOf(url)} failed before a response arrived (${detail}).`);
}
