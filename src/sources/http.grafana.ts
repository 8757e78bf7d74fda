/**
 * HttpClient over Grafana's backendSrv, so every request goes through the data source proxy (which adds
 * the token on the server). Grafana reports non-2xx responses as errors; this client turns them back into
 * responses, so sources decide what a 403 or 404 means. Only network failures and aborts reject.
 */
import { BackendSrv, getBackendSrv } from '@grafana/runtime';
import { Subscription } from 'rxjs';
import { headersToRecord, HttpClient, HttpRequest, HttpResponse, networkError, requestAbortError } from './http';

type BackendSrvProvider = () => Pick<BackendSrv, 'fetch'>;

export class GrafanaHttpClient implements HttpClient {
  constructor(private readonly backendSrv: BackendSrvProvider = getBackendSrv) {}

  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    return new Promise<HttpResponse<T>>((resolve, reject) => {
      if (req.signal?.aborted) {
        reject(requestAbortError(req.url));
        return;
      }
      let subscription: Subscription | undefined;
      const onAbort = () => {
        subscription?.unsubscribe();
        reject(requestAbortError(req.url));
      };
      req.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => req.signal?.removeEventListener('abort', onAbort);

      subscription = this.backendSrv()
        .fetch<T>({
          url: req.url,
          method: req.method,
          headers: req.headers,
          data: req.body,
          responseType: req.responseType,
          showErrorAlert: false,
          showSuccessAlert: false,
        })
        .subscribe({
          next: (response) => {
            done();
            resolve({ status: response.status, headers: headersToRecord(response.headers), data: response.data });
          },
          error: (err: unknown) => {
            done();
            const asResponse = errorAsResponse<T>(err);
            if (asResponse) {
              resolve(asResponse);
            } else if (isCancelled(err)) {
              reject(requestAbortError(req.url));
            } else {
              reject(networkError(req.url, err));
            }
          },
        });
    });
  }
}

/** Grafana's FetchError carries status and body (not headers); status <= 0 means cancelled or unreachable. */
function errorAsResponse<T>(err: unknown): HttpResponse<T> | undefined {
  if (typeof err !== 'object' || err === null) {
    return undefined;
  }
  const e = err as { status?: unknown; data?: unknown; headers?: unknown; cancelled?: boolean };
  if (e.cancelled || typeof e.status !== 'number' || e.status <= 0) {
    return undefined;
  }
  return { status: e.status, headers: headersToRecord(e.headers), data: e.data as T };
}

function isCancelled(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { cancelled?: unknown }).cancelled === true;
}
