/**
 * npm run bench:backend: the Go backend (the built executable, started the way Grafana starts it) against Node
 * on the same generated organisation (bench/engine/generate.ts) served as an events file on loopback, at 1/100
 * and 1/10 scale. One request of a scorecard and the alert rule's metric per service (request.ts), timed cold
 * (first request of the process), warm (a minute later with nothing changed upstream: an alert rule's next
 * evaluation) and repeated; the backend's peak resident set. Last line: the 1/10 figures as JSON.
 *
 *   npm run bench:backend                       # builds the executable, then 0.01 and 0.1
 *   npm run bench:backend -- --scale 0.01       # one scale
 *   BENCH_SKIP_BUILD=1 npm run bench:backend    # use dist/ as it is
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generatedDataset } from './cases';
import { BENCH_QUERIES, BenchArgs, benchArgv, BenchTimes } from './request';

interface Side extends BenchTimes {
  peak_rss_mb: number;
}

interface Row {
  scale: number;
  fileMiB: number;
  backend: Side;
  node: Side;
}

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function scalesOf(argv: string[]): number[] {
  const i = argv.indexOf('--scale');
  const text = i >= 0 ? argv[i + 1] : (process.env.BENCH_SCALE ?? '0.01,0.1');
  const scales = String(text)
    .split(',')
    .map((s) => Number(s.trim()));
  if (scales.some((s) => !(s > 0 && s <= 1))) {
    throw new Error(`--scale ${text}: give scales between 0 and 1, comma-separated, e.g. 0.01,0.1`);
  }
  return scales;
}

function lastJson<T>(output: string): T {
  const lines = output.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
}

function main(): void {
  const scales = scalesOf(process.argv.slice(2));
  if (!process.env.BENCH_SKIP_BUILD) {
    execFileSync('bash', ['scripts/build-backend.sh', '--host'], { cwd: ROOT, stdio: 'inherit' });
  }
  const driverDir = mkdtempSync(join(tmpdir(), 'dora-bench-driver-'));
  const driver = join(driverDir, 'driver');
  execFileSync('go', ['build', '-o', driver, './bench/backend/driver'], { cwd: ROOT, stdio: 'inherit' });
  const queries = JSON.stringify(BENCH_QUERIES);
  const rows: Row[] = [];
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), 'dora-bench-backend-'));
    try {
      const d = generatedDataset(dir, 'http://127.0.0.1', scale);
      const args: BenchArgs = { file: join(dir, `${d.name}.events.json`), from: d.from, to: d.to, now: d.now };
      const node = lastJson<Side>(run(TSX, [join('bench', 'backend', 'nodeRun.ts'), ...benchArgv(args)]));
      const backend = lastJson<Side>(run(driver, [...benchArgv(args), '--queries', queries]));
      const row = { scale, fileMiB: statSync(args.file).size / 2 ** 20, backend, node };
      rows.push(row);
      process.stdout.write(`scale ${scale}: ${JSON.stringify(row)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rmSync(driverDir, { recursive: true, force: true });
  const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
  process.stdout.write(
    '\n| scale | events file | backend cold (CPU) | backend warm (CPU) | backend repeat | backend peak RSS | node cold (CPU) | node warm (CPU) | node peak RSS |\n' +
      '|---|---|---|---|---|---|---|---|---|\n'
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${r.scale} | ${r.fileMiB.toFixed(1)} MiB | ${f(r.backend.cold_ms)} (${f(r.backend.cold_cpu_ms)}) | ` +
        `${f(r.backend.warm_ms)} (${f(r.backend.warm_cpu_ms)}) | ${f(r.backend.repeat_ms)} | ${r.backend.peak_rss_mb.toFixed(0)} MiB | ` +
        `${f(r.node.cold_ms)} (${f(r.node.cold_cpu_ms)}) | ${f(r.node.warm_ms)} (${f(r.node.warm_cpu_ms)}) | ${r.node.peak_rss_mb.toFixed(0)} MiB |\n`
    );
  }
  const last = rows[rows.length - 1];
  const round = (n: number) => Math.round(n);
  process.stdout.write(
    JSON.stringify({
      scale: last.scale,
      cold_ms: round(last.backend.cold_ms),
      warm_ms: round(last.backend.warm_ms),
      repeat_ms: round(last.backend.repeat_ms),
      cold_cpu_ms: round(last.backend.cold_cpu_ms),
      warm_cpu_ms: round(last.backend.warm_cpu_ms),
      node_ms: round(last.node.cold_ms),
      node_warm_ms: round(last.node.warm_ms),
      peak_rss_mb: round(last.backend.peak_rss_mb),
    }) + '\n'
  );
}

main();
