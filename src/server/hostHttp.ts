/**
 * The sources' HTTP seam on the server: every request goes to the host, which resolves the plugin.json route,
 * adds the instance's secrets and sends it. Sources never see a token here either. Resolves for every HTTP
 * status; rejects on transport failure or abort, like the browser's client.
 */
import { HttpClient, HttpRequest, HttpResponse, networkError, pathOf, requestAbortError } from '../sources/http';
import { errorMessage, Host, HostResponse } from './host';

export class HostHttpClient implements HttpClient {
  constructor(private readonly host: () => Host) {}

  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    if (req.signal?.aborted) {
      return Promise.reject(requestAbortError(req.url));
    }
    const body =
      req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (body !== undefined && !hasHeader(headers, 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
    const sent = this.host().request(JSON.stringify({ method: req.method, url: req.url, headers, body }), req.signal);
    return new Promise<HttpResponse<T>>((resolve, reject) => {
      const onAbort = () => reject(requestAbortError(req.url));
      req.signal?.addEventListener('abort', onAbort);
      sent.then(
        (answer) => {
          req.signal?.removeEventListener('abort', onAbort);
          try {
            resolve(toResponse<T>(answer, req.responseType));
          } catch (e) {
            reject(new Error(`The backend answered a request to ${pathOf(req.url)} with an unreadable response.`));
          }
        },
        (err: unknown) => {
          req.signal?.removeEventListener('abort', onAbort);
          reject(
            req.signal?.aborted
              ? requestAbortError(req.url)
              : isProblem(err)
                ? new Error(errorMessage(err))
                : networkError(req.url, errorMessage(err))
          );
        }
      );
    });
  }
}

function toResponse<T>(response: HostResponse, responseType: HttpRequest['responseType']): HttpResponse<T> {
  const headers: Record<string, string> = {};
  for (const key of Object.keys(response.headers ?? {})) {
    headers[key.toLowerCase()] = String(response.headers![key]);
  }
  const text = response.body ?? '';
  let data: unknown = text === '' ? undefined : text;
  if (text !== '' && responseType !== 'text' && /json/i.test(headers['content-type'] ?? 'json')) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  return { status: response.status, headers, data: data as T };
}

/** The host refused the request or its response (e.g. over the size cap): its message is complete as it is. */
function isProblem(err: unknown): boolean {
  return Boolean(err && typeof err === 'object' && (err as { name?: unknown }).name === 'HostRequestProblem');
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}
