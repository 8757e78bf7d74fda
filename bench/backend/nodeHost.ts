/**
 * The backend's host API (src/server/host.ts) implemented in Node, so the entry runs here exactly as the Go
 * backend runs it: requests resolved through plugin.json's routes as Grafana's proxy would (jsonData and secure
 * values given here, for tests and benchmarks only), `fetch` for HTTP, Intl for zone offsets.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Host } from '../../src/server/host';
import { zoneOffsetMinutes } from '../../src/datasource/intlTimeZone';

interface Route {
  path: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

export interface NodeHostOptions {
  jsonData: unknown;
  secure?: Record<string, string>;
  /** The clock (epoch ms); absent: Date.now(). */
  now?: number;
  log?: (level: string, message: string) => void;
}

const ROOT = join(__dirname, '..', '..');
const routes = (JSON.parse(readFileSync(join(ROOT, 'src', 'plugin.json'), 'utf8')) as { routes: Route[] }).routes;

/** Go template subset the routes use: {{ .JsonData.a.b }}, {{ .SecureJsonData.k }}, {{ index .JsonData.a.b N }}. */
function render(template: string, jsonData: unknown, secure: Record<string, string>): string {
  return template.replace(
    /\{\{\s*(index\s+)?\.(JsonData|SecureJsonData)((?:\.\w+)+)\s*(\d+)?\s*\}\}/g,
    (_m, index, root, path, n) => {
      const keys = String(path).split('.').filter(Boolean);
      if (root === 'SecureJsonData') {
        const key = keys[0];
        return secure[`${key}Server`] ?? secure[key] ?? '';
      }
      let value: unknown = jsonData;
      for (const k of keys) {
        value = value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined;
      }
      if (index) {
        value = Array.isArray(value) ? value[Number(n)] : undefined;
      }
      if (value === undefined) {
        throw new Error(`route template ${template}: no value`);
      }
      return String(value);
    }
  );
}

/** Zone offsets as the Go host gives them, from Node's Intl (one implementation with the query worker's). */
export { zoneOffsetMinutes };

export function nodeHost(options: NodeHostOptions): Host {
  const secure = options.secure ?? {};
  const log = options.log ?? ((level: string, message: string) => process.stderr.write(`${level}: ${message}\n`));
  return {
    now: () => options.now ?? Date.now(),
    zoneOffsetMinutes,
    log,
    request: async (json: string, signal?: AbortSignal) => {
      const req = JSON.parse(json) as { method: string; url: string; headers?: Record<string, string>; body?: string };
      const route = routes
        .filter(
          (r) => req.url === `/${r.path}` || req.url.startsWith(`/${r.path}/`) || req.url.startsWith(`/${r.path}?`)
        )
        .sort((a, b) => b.path.length - a.path.length)[0];
      if (!route) {
        throw new Error(`no plugin.json route for ${req.url.split('?')[0]}`);
      }
      const rest = req.url.slice(route.path.length + 1);
      const base = render(route.url, options.jsonData, secure);
      const headers: Record<string, string> = { ...(req.headers ?? {}) };
      for (const h of route.headers ?? []) {
        headers[h.name] = render(h.content, options.jsonData, secure);
      }
      const response = await fetch(rest ? base.replace(/\/$/, '') + rest : base, {
        method: req.method,
        headers,
        body: req.body,
        signal,
      });
      const out: Record<string, string> = {};
      response.headers.forEach((value, key) => (out[key] = value));
      return { status: response.status, headers: out, body: await response.text() };
    },
  };
}

/** Installs the host as the global the entry reads (src/server/host.ts currentHost). */
export function installNodeHost(options: NodeHostOptions): void {
  (globalThis as { host?: Host }).host = nodeHost(options);
}
