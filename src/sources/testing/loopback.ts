/**
 * A fake API on loopback (127.0.0.1, a free port) for source tests: it stands where Grafana's data source proxy
 * (or Grafana's own API) would be. The handler answers each request; scripted answers (errors, 5xx) go first;
 * every request is logged with its method, path, query and body.
 */
import { createServer, IncomingMessage, ServerResponse } from 'http';
import { AddressInfo } from 'net';

export interface LoopbackRequest {
  method: string;
  /** Path without the query string, e.g. /argocd/api/v1/applications. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export interface LoopbackAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ScriptedLoopbackAnswer extends LoopbackAnswer {
  match?: (r: LoopbackRequest) => boolean;
  /** How many matching requests it answers (default 1). */
  times?: number;
}

export interface Loopback {
  url: string;
  requests: LoopbackRequest[];
  scripted: ScriptedLoopbackAnswer[];
  close(): Promise<void>;
}

/** The request body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startLoopback(handler: (r: LoopbackRequest) => LoopbackAnswer): Promise<Loopback> {
  const requests: LoopbackRequest[] = [];
  const scripted: ScriptedLoopbackAnswer[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((text) => {
      const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: unknown = undefined;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const request: LoopbackRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(parsed.pathname),
        query: parsed.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(request);
      const index = scripted.findIndex((s) => !s.match || s.match(request));
      let answer: LoopbackAnswer;
      if (index >= 0) {
        answer = scripted[index];
        const times = (scripted[index].times ?? 1) - 1;
        if (times <= 0) {
          scripted.splice(index, 1);
        } else {
          scripted[index] = { ...scripted[index], times };
        }
      } else {
        answer = handler(request);
      }
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    scripted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
