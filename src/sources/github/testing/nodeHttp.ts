/**
 * The HttpClient seam over Node's fetch, for tests and the bench against the loopback fake
 * (in Grafana the browser goes through the data source proxy instead). Resolves for every status;
 * rejects only on network failure or abort, as the seam promises.
 */
import { HttpClient, HttpRequest, HttpResponse } from '../../http';

export interface CountingHttpClient extends HttpClient {
  /** Requests sent through this client. */
  sent: number;
}

export function nodeHttpClient(): CountingHttpClient {
  const client: CountingHttpClient = {
    sent: 0,
    async request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
      client.sent++;
      const init: RequestInit = { method: req.method, headers: req.headers, signal: req.signal };
      if (req.body !== undefined) {
        init.body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      }
      const res = await fetch(req.url, init);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
      const text = await res.text();
      let data: unknown = text;
      if (text && /json/.test(headers['content-type'] ?? '')) {
        try {
          data = JSON.parse(text);
        } catch {
          data = text;
        }
      }
      return { status: res.status, headers, data: (text === '' ? undefined : data) as T };
    },
  };
  return client;
}
