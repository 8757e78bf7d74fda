/**
 * `npx tsx scripts/browser-answers.ts REQUEST.json`: the answer of the browser's pipeline (the QueryRunner the
 * DataSource runs, in Node's V8) to a request in the backend's format (src/server/README.md), printed as the
 * same response JSON the backend's `dora.query` gives. The backend's differential test compares the two.
 *
 * HTTP goes through plugin.json's routes resolved here as Grafana's proxy would (jsonData and secureJsonData
 * from the request file's `settings`; this script only, tokens are never in a real request).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { query } from '../src/server/entry';
import { zoneOffsetMinutes } from '../src/datasource/intlTimeZone';

interface Route {
  path: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

const ROOT = join(__dirname, '..');
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

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npx tsx scripts/browser-answers.ts REQUEST.json\n');
    process.exit(2);
  }
  const requestText = readFileSync(file, 'utf8');
  const request = JSON.parse(requestText) as {
    settings?: { jsonData?: unknown; secureJsonData?: Record<string, string> };
    now?: number;
  };
  const jsonData = request.settings?.jsonData ?? {};
  const secure = request.settings?.secureJsonData ?? {};
  (globalThis as { host?: unknown }).host = {
    now: () => request.now ?? Date.now(),
    zoneOffsetMinutes,
    log: (level: string, message: string) => process.stderr.write(`${level}: ${message}\n`),
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
      const base = render(route.url, jsonData, secure);
      const headers: Record<string, string> = { ...(req.headers ?? {}) };
      for (const h of route.headers ?? []) {
        headers[h.name] = render(h.content, jsonData, secure);
      }
      const response = await fetch(rest ? base.replace(/\/$/, '') + rest : base, {
        method: req.method,
        headers,
        body: req.body,
        signal,
      });
      const out: Record<string, string> = {};
      response.headers.forEach((value, key) => (out[key] = value));
      return JSON.stringify({ status: response.status, headers: out, body: await response.text() });
    },
  };
  process.stdout.write((await query(requestText)) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`browser-answers: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
