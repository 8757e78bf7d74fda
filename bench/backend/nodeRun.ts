/**
 * The Node half of `npm run bench:backend`: serves an events file on loopback (with Last-Modified, answering
 * If-Modified-Since with 304 like Go's file server), runs the entry in this process with the Node host and times
 * the same requests as the backend driver: cold (first), warm (a minute later, nothing changed), repeated.
 * Prints one JSON object with the peak resident set.
 *
 *   npx tsx bench/backend/nodeRun.ts --file EVENTS.json --from MS --to MS --now MS --queries JSON
 */
import { readFileSync, statSync } from 'fs';
import { createServer } from 'http';
import { AddressInfo } from 'net';
import { query } from '../../src/server/entry';
import { installNodeHost } from './nodeHost';
import { benchRequest, BenchTimes, readBenchArgs } from './request';

async function main(): Promise<void> {
  const args = readBenchArgs(process.argv.slice(2));
  const body = readFileSync(args.file);
  const modified = statSync(args.file).mtime.toUTCString();
  const server = createServer((req, res) => {
    if (req.headers['if-modified-since'] === modified) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Last-Modified': modified }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events.json`;
  const jsonData = { eventsUrl: { enabled: true, urls: [url], timeoutSeconds: 600 } };
  installNodeHost({ jsonData, now: args.now, log: () => undefined });
  const cpu: number[] = [];
  const timed = async (shiftMs: number): Promise<number> => {
    const request = benchRequest(args, jsonData, shiftMs);
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    const answer = JSON.parse(await query(JSON.stringify(request))) as { results: Record<string, { error?: string }> };
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
    for (const [ref, r] of Object.entries(answer.results)) {
      if (r.error) {
        throw new Error(`query ${ref}: ${r.error}`);
      }
    }
    return elapsed;
  };
  const cold = await timed(0);
  const warm = await timed(60_000);
  const repeat = await timed(60_000);
  const times: BenchTimes = {
    cold_ms: cold,
    warm_ms: warm,
    repeat_ms: repeat,
    cold_cpu_ms: cpu[0],
    warm_cpu_ms: cpu[1],
  };
  server.close();
  const figures = { ...times, peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`nodeRun: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
