/** A static file server on the loopback interface for the harness folder; port 0 picks a free port. */
import { createServer, Server } from 'http';
import { readFile } from 'fs';
import { extname, join, normalize } from 'path';
import { AddressInfo } from 'net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root`, and each of `mounts` (URL prefix -> folder) as Grafana would serve its public assets
 * (e.g. the icons @grafana/ui loads from /public/build/img/icons/). A file missing from a mount is looked up
 * under `root` at the same path, where the harness puts the few assets Grafana has but @grafana/ui does not ship.
 */
export function serveFolder(root: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const base = prefix ? mounts[prefix] : root;
    const file = prefix ? join(base, path.slice(prefix.length)) : join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    const send = (from: string, fallback?: string) =>
      readFile(from, (err, body) => {
        if (err) {
          if (fallback) {
            send(fallback);
            return;
          }
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(from)] ?? 'application/octet-stream' }).end(body);
      });
    send(file, prefix ? join(root, path) : undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
