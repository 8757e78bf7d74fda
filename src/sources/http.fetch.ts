/**
 * HttpClient over the fetch API, for the query worker (src/datasource/worker.ts), where Grafana's backendSrv does
 * not exist. Requests go to the same places with the same session as backendSrv's: local paths (the data source
 * proxy `/api/datasources/proxy/uid/<uid>/<route>`, Grafana's `/api/...`) resolve against the page's base URL (so
 * a Grafana served under a sub path works), cookies go along (same origin), and the viewer's organisation travels
 * in X-Grafana-Org-Id. Like GrafanaHttpClient it resolves for every HTTP status and rejects only on network
 * failure or abort; bodies arrive parsed as backendSrv parses them. A 401 from Grafana (a session token due for
 * rotation) goes to `unauthorized`: the page's backendSrv rotates the token and retries, which a worker cannot.
 */
import { headersToRecord, HttpClient, HttpRequest, HttpResponse, networkError, requestAbortError } from './http';

export interface FetchHttpOptions {
  /** The page's base URL (document.baseURI): Grafana's root, including its sub path. */
  baseUri: string;
  /** The viewer's current organisation (Grafana sends it with every request of the page). */
  orgId?: number;
  /** The fetch function (tests pass a fake). */
  fetch?: typeof fetch;
  /** Sends again a request Grafana answered 401 (the page's backendSrv, which renews the session first). */
  unauthorized?: HttpClient;
}

export class FetchHttpClient implements HttpClient {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: FetchHttpOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    if (req.signal?.aborted) {
      throw requestAbortError(req.url);
    }
    const local = isLocalUrl(req.url);
    const headers: Record<string, string> = { Accept: 'application/json, text/plain, */*' };
    if (local && this.options.orgId !== undefined) {
      headers['X-Grafana-Org-Id'] = String(this.options.orgId);
    }
    Object.assign(headers, req.headers);
    let body: string | undefined;
    if (req.body !== undefined) {
      body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      if (typeof req.body !== 'string' && !hasHeader(headers, 'content-type')) {
        headers['Content-Type'] = 'application/json';
      }
    }
    let response: Response;
    try {
      response = await this.fetchFn(this.resolve(req.url), {
        method: req.method,
        headers,
        body,
        signal: req.signal,
        credentials: 'same-origin',
      });
    } catch (e) {
      throw req.signal?.aborted ? requestAbortError(req.url) : networkError(req.url, e);
    }
    if (local && response.status === 401 && this.options.unauthorized) {
      void response.body?.cancel().catch(() => undefined);
      return this.options.unauthorized.request<T>(req);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      throw req.signal?.aborted ? requestAbortError(req.url) : networkError(req.url, e);
    }
    return { status: response.status, headers: headersToRecord(response.headers), data: parseBody<T>(text, req) };
  }

  /** Local paths are relative to Grafana's root (its sub path included), as backendSrv resolves them. */
  private resolve(url: string): string {
    if (!isLocalUrl(url)) {
      return url;
    }
    return new URL(url.replace(/^\/+/, ''), this.options.baseUri).toString();
  }
}

/** backendSrv's rule: anything not starting with http(s) is Grafana's own. */
function isLocalUrl(url: string): boolean {
  return !/^https?:\/\//i.test(url);
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** 'text': as received; otherwise JSON when it parses, else the text (backendSrv's reading; '' is {} for 'json'). */
function parseBody<T>(text: string, req: HttpRequest): T {
  if (req.responseType === 'text') {
    return text as T;
  }
  if (text === '') {
    return (req.responseType === 'json' ? {} : '') as T;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return text as T;
  }
}
