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
