/**
 * The HttpClient seam over Node's http module, for tests and the bench against the loopback fake (in Grafana
 * the browser goes through the data source proxy instead). Plain http rather than fetch so it also runs in
 * jest's jsdom environment. Resolves for every status; rejects only on network failure or abort.
 */
import { request as httpRequest } from 'http';
import { abortError } from '../abort';
import { HttpClient, HttpRequest, HttpResponse } from '../http';

export interface CountingHttpClient extends HttpClient {
  /** Requests sent through this client. */
  sent: number;
}

export function nodeHttpClient(): CountingHttpClient {
  const client: CountingHttpClient = {
    sent: 0,
    request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
      client.sent++;
      return new Promise<HttpResponse<T>>((resolve, reject) => {
        if (req.signal?.aborted) {
          reject(abortError());
          return;
        }
        const body =
          req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
        const outgoing = httpRequest(req.url, { method: req.method, headers: req.headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('error', reject);
          res.on('end', () => {
            req.signal?.removeEventListener('abort', onAbort);
            const headers: Record<string, string> = {};
            for (const [key, value] of Object.entries(res.headers)) {
              if (value !== undefined) {
                headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
              }
            }
            let data: unknown = text === '' ? undefined : text;
            if (text && req.responseType !== 'text' && /json/.test(headers['content-type'] ?? '')) {
              try {
                data = JSON.parse(text);
              } catch {
                data = text;
              }
            }
            resolve({ status: res.statusCode ?? 0, headers, data: data as T });
          });
        });
        const onAbort = () => {
          outgoing.destroy();
          reject(abortError());
        };
        req.signal?.addEventListener('abort', onAbort, { once: true });
        outgoing.on('error', (e) => {
          req.signal?.removeEventListener('abort', onAbort);
          reject(req.signal?.aborted ? abortError() : e);
        });
        if (body !== undefined) {
          outgoing.setHeader('Content-Length', Buffer.byteLength(body));
          outgoing.write(body);
        }
        outgoing.end();
      });
    },
  };
  return client;
}
