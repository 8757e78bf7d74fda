/**
 * npm run bench: the engine against the same definitions in SQL (DuckDB), side by side on one synthetic
 * organisation per scale, with a differential check of every number. By default 1/100, 1/10 and full scale, a
 * growth table, and the full scale's figures as a JSON last line. Exits 1 when the two sides disagree.
 *
 *   npm run bench                          # 0.01, 0.1 and 1
 *   npm run bench -- --scale 0.1 --repeat 5
 *   BENCH_SCALE=0.01 npm run bench
 */
import { spawn } from 'child_process';
import { readFileSync, unlinkSync } from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import { join } from 'path';
import { withDefaults } from '../../src/engine/options';
import { BenchArgs, parseArgs } from './args';
import { COMPARED_METRICS, compareFigures, Comparison, describeDisagreements } from './compare';
import { openSqlPeer, SqlRun } from './duckdb/run';
import { EngineReport } from './engineProcess';
import { generateOrg } from './generate';
import { peakFromGcTrace } from './heap';
import { median, round } from './timing';

interface ScaleResult {
  scale: number;
  counts: EngineReport['counts'];
  engineMs: number;
  duckdbMs: number;
  regroupMs: number;
  peakHeapMiB: number;
  fitsBudget: boolean;
  comparison: Comparison;
}

const REPO_ROOT = join(__dirname, '..', '..');
/** Heap limit of the timed engine runs: enough that V8's ordinary collection policy is not distorted. */
const ROOMY_HEAP_MIB = 4096;
/** The budget the engine must fit in (events included), checked in a run of its own. */
const BUDGET_HEAP_MIB = 1024;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env);
  const results: ScaleResult[] = [];
  for (const scale of args.scales) {
    results.push(await benchScale(scale, args));
  }
  if (results.length > 1) {
    printGrowth(results);
  }
  const failed = results.filter((r) => r.comparison.disagreements.length > 0);
  const headline = results[results.length - 1];
  console.log(
    JSON.stringify({
      changes: headline.counts.changes,
      deployments: headline.counts.deployments,
      incidents: headline.counts.incidents,
      engine_ms: round(headline.engineMs),
      duckdb_ms: round(headline.duckdbMs),
      ratio: round(headline.engineMs / headline.duckdbMs, 3),
      engine_peak_heap_mb: round(headline.peakHeapMiB),
      regroup_ms: round(headline.regroupMs, 1),
      engine_fits_1gb_heap: headline.fitsBudget,
      scale: headline.scale,
      disagreements: headline.comparison.disagreements.length,
    })
  );
  if (failed.length > 0) {
    process.exitCode = 1;
  }
}

async function benchScale(scale: number, args: BenchArgs): Promise<ScaleResult> {
  const engine = await engineInItsOwnProcess(scale, args);
  const { report } = engine;
  const { counts } = report;
  console.log(
    `\nscale ${scale}: ${fmt(counts.changes)} changes, ${fmt(counts.deployments)} deployments, ` +
      `${fmt(counts.incidents)} incidents (seed ${args.seed}; ${cpus().length} cores, load average ` +
      `${round(loadavg()[0], 1)} when the engine finished)`
  );
  const engineMs = median(report.totalMs);
  console.log(
    `  engine  ${fmt(engineMs)} ms (median of ${report.totalMs.length}: ${report.totalMs.map((t) => fmt(t)).join(', ')}; ` +
      `CPU ${fmt(median(report.cpuMs))} ms); ` +
      report.phases.map((p) => `${p.phase} ${fmt(p.ms)}`).join(', ')
  );

  const org = generateOrg({ scale, seed: args.seed });
  const peer = await openSqlPeer(org.events, org.range, withDefaults({}), args.sqlAncestry);
  const runs: SqlRun[] = [];
  try {
    for (let r = 0; r < args.repeat; r++) {
      runs.push(await peer.run());
    }
  } finally {
    peer.close();
  }
  const duckdbMs = median(runs.map((r) => r.totalMs));
  const phases = runs[0].phases.map((p, i) => `${p.phase} ${fmt(median(runs.map((r) => r.phases[i].ms)))}`);
  console.log(
    `  duckdb  ${fmt(duckdbMs)} ms (median of ${runs.length}: ${runs.map((r) => fmt(r.totalMs)).join(', ')}; ` +
      `CPU ${fmt(median(runs.map((r) => r.cpuMs)))} ms, ${cpus().length} threads); ` +
      phases.join(', ')
  );

  const regroupMs = median(report.regroupMs);
  const peakHeapMiB = Math.max(engine.tracePeakMiB, report.endOfRunHeapMiB);
  console.log(
    `  ratio ${round(engineMs / duckdbMs, 3)}, regroup ${round(regroupMs, 1)} ms, engine peak heap ${fmt(peakHeapMiB)} MiB ` +
      `(events alone ${fmt(report.eventsHeapMiB)} MiB; max RSS ${fmt(report.maxRssMiB)} MiB)`
  );
  const budget = await fitsHeapBudget(scale, args);
  console.log(`  ${budget.line}`);

  const comparison = compareFigures(report, runs[runs.length - 1], COMPARED_METRICS);
  if (comparison.disagreements.length === 0) {
    console.log(
      `  differential: ${fmt(comparison.compared)} numbers agree (largest difference: ` +
        `${comparison.maxDurationDeltaMs} ms in durations, ${comparison.maxRateDelta} in rates)`
    );
  } else {
    console.log(`  differential: ${comparison.disagreements.length} of ${fmt(comparison.compared)} numbers DISAGREE:`);
    console.log(describeDisagreements(comparison).join('\n'));
  }
  return { scale, counts, engineMs, duckdbMs, regroupMs, peakHeapMiB, fitsBudget: budget.fits, comparison };
}

/**
 * The timed runs' peak includes garbage V8 had no reason to collect yet (its heap limit is roomy). Whether the
 * engine needs more than the budget is a separate question: run it once more with the heap capped at the budget.
 */
async function fitsHeapBudget(scale: number, args: BenchArgs): Promise<{ fits: boolean; line: string }> {
  try {
    const capped = await engineInItsOwnProcess(scale, { ...args, repeat: 1 }, BUDGET_HEAP_MIB);
    const peak = Math.max(capped.tracePeakMiB, capped.report.endOfRunHeapMiB);
    return {
      fits: true,
      line: `fits a ${BUDGET_HEAP_MIB} MiB heap (--max-old-space-size=${BUDGET_HEAP_MIB}): yes, peak ${fmt(peak)} MiB`,
    };
  } catch (e) {
    return { fits: false, line: `fits a ${BUDGET_HEAP_MIB} MiB heap: NO (${e instanceof Error ? e.message : e})` };
  }
}

/** Runs engineProcess.ts in a child with --expose-gc; returns its report and the peak from its GC trace. */
async function engineInItsOwnProcess(
  scale: number,
  args: BenchArgs,
  heapLimitMiB = ROOMY_HEAP_MIB
): Promise<{ report: EngineReport; tracePeakMiB: number }> {
  const out = join(tmpdir(), `dora-engine-bench-${process.pid}-${scale}.json`);
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      `--max-old-space-size=${heapLimitMiB}`,
      '--import',
      'tsx',
      join(__dirname, 'engineProcess.ts'),
      '--scale',
      String(scale),
      '--seed',
      String(args.seed),
      '--repeat',
      String(args.repeat),
      '--out',
      out,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let trace = '';
  let errors = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (trace += chunk));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (errors += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    const why = /heap out of memory/i.test(errors) ? 'JavaScript heap out of memory' : errors.trim().split('\n').pop();
    throw new Error(`the engine process failed at scale ${scale} with a ${heapLimitMiB} MiB heap limit: ${why}`);
  }
  try {
    const report = JSON.parse(readFileSync(out, 'utf8')) as EngineReport;
    return { report, tracePeakMiB: peakFromGcTrace(trace) };
  } finally {
    unlinkSync(out);
  }
}

/** Time per item between consecutive scales, against what n log n growth would give. */
function printGrowth(results: ScaleResult[]): void {
  console.log('\ngrowth (items = changes + deployments + incidents):');
  console.log('  scale   items        engine ms  µs/item  x prev   duckdb ms  µs/item  x prev   n log n x prev');
  results.forEach((r, i) => {
    const items = r.counts.changes + r.counts.deployments + r.counts.incidents;
    const prev = i > 0 ? results[i - 1] : undefined;
    const prevItems = prev ? prev.counts.changes + prev.counts.deployments + prev.counts.incidents : 0;
    const times = (a: number, b: number) => (prev ? `x${round(a / b, 2)}` : '');
    const nlogn = prev ? `x${round((items * Math.log(items)) / (prevItems * Math.log(prevItems)), 2)}` : '';
    console.log(
      '  ' +
        [
          pad(String(r.scale), 7),
          pad(fmt(items), 12),
          pad(fmt(r.engineMs), 10),
          pad(String(round((r.engineMs * 1000) / items, 2)), 8),
          pad(prev ? times(r.engineMs, prev.engineMs) : '', 8),
          pad(fmt(r.duckdbMs), 10),
          pad(String(round((r.duckdbMs * 1000) / items, 2)), 8),
          pad(prev ? times(r.duckdbMs, prev.duckdbMs) : '', 8),
          nlogn,
        ].join(' ')
    );
  });
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function pad(text: string, width: number): string {
  while (text.length < width) {
    text += ' ';
  }
  return text;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
