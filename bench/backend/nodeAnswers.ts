/**
 * `npx tsx bench/backend/nodeAnswers.ts --dir DIR --base URL`: the reference answers of the differential test
 * (pkg/harness/differential_test.go). Writes the events files of bench/backend/cases.ts into DIR (which the
 * caller serves at URL), runs every case through the entry in Node's V8 (the browser's pipeline: sources,
 * engine, framers) with the Node host, and writes DIR/cases.json: each case with the response `dora.query` gave.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { query } from '../../src/server/entry';
import { differentialCases } from './cases';
import { installNodeHost } from './nodeHost';

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) {
    process.stderr.write('usage: npx tsx bench/backend/nodeAnswers.ts --dir DIR --base http://127.0.0.1:PORT\n');
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const dir = arg('dir');
  const base = arg('base').replace(/\/$/, '');
  const out = [];
  for (const c of differentialCases(dir, base)) {
    installNodeHost({ jsonData: c.jsonData, now: c.now, log: () => undefined });
    const request = {
      settings: { jsonData: c.jsonData, secureKeys: [] },
      queries: c.queries,
      fromAlert: c.fromAlert,
      now: c.now,
    };
    const answer = JSON.parse(await query(JSON.stringify(request))) as unknown;
    out.push({ ...c, answer });
  }
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(out));
  process.stdout.write(`nodeAnswers: ${out.length} cases in ${join(dir, 'cases.json')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`nodeAnswers: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
