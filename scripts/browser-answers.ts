/**
 * `npx tsx scripts/browser-answers.ts REQUEST.json`: the answer of the browser's pipeline (the QueryRunner the
 * DataSource runs, in Node's V8) to a request in the backend's format (src/server/README.md), printed as the
 * same response JSON the backend's `dora.query` gives. The backend's differential test (pkg/harness) compares
 * the two through bench/backend/nodeAnswers.ts, which uses the same Node host.
 *
 * HTTP goes through plugin.json's routes resolved here as Grafana's proxy would (jsonData and secureJsonData
 * from the request file's `settings`; this script only, tokens are never in a real request).
 */
import { readFileSync } from 'fs';
import { installNodeHost } from '../bench/backend/nodeHost';
import { query } from '../src/server/entry';

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
  installNodeHost({
    jsonData: request.settings?.jsonData ?? {},
    secure: request.settings?.secureJsonData ?? {},
    now: request.now,
  });
  process.stdout.write((await query(requestText)) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`browser-answers: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
