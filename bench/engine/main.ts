/**
 * npm run bench: the engine against the same definitions in SQL (DuckDB), side by side on one synthetic
 * organisation per scale, with a differential check of every number. By default 1/100, 1/10 and full scale, then
 * three times full scale when this machine's memory allows it (else it says why not), a growth table, and the full
 * scale's figures as a JSON last line. Exits 1 when the two sides disagree. growth_x (1/10 to full scale) is timed
 * side by side apart from the per-scale runs (growth.ts); growth_x_per_scale is the ratio of the two scales' medians
 * above, timed minutes apart.
 *
 * Timing: both sides run in this process on the same events, alternately (engine, SQL, engine, SQL, ...), so a
 * busy machine slows both alike; after a second of untimed runs of each (warmUp), the median of the repeats is
 * reported. Memory: the engine runs again in child processes of its own (engineProcess.ts), once with a roomy heap
 * limit and once capped at 512 MiB; the roomy run's GC trace also gives the JavaScript heap the engine allocated, per
 * item.
 *
 *   npm run bench                          # 0.01, 0.1 and 1
 *   npm run bench -- --scale 0.1 --repeat 7
 *   BENCH_SCALE=0.01 npm run bench
 */
import { spawn } from 'child_process';
import { readFileSync, unlinkSync } from 'fs';
import { cpus, freemem, loadavg, tmpdir } from 'os';
import { getHeapStatistics } from 'v8';
import { join } from 'path';
import { withDefaults } from '../../src/engine';
import { BenchArgs, DEFAULT_SCALES, parseArgs } from './args';
import { REPO_ROOT, TSX_ARGS } from './children';
import { sideBySideGrowth } from './growth';
import { ALL_COMPARED, compareFigures, Comparison, describeDisagreements } from './compare';
import { openSqlPeer, SqlRun } from './duckdb/run';
import { EngineRun, groupedWeekly, runEngine, teamScorecard } from './engineRun';
import { HeapReport } from './engineProcess';
import { scorecardFigures, weeklyFromSeries } from './figures';
import { evaluationInstant, generateOrg } from './generate';
import { allocatedFromGcTrace, peakFromGcTrace } from './heap';
import { median, round, warmUp } from './timing';

interface ScaleResult {
  scale: number;
  counts: { changes: number; deployments: number; incidents: number };
  engineMs: number;
  duckdbMs: number;
  regroupMs: number;
  peakHeapMiB: number;
  /** Typed arrays' buffers (outside the heap) the roomy run held at most, beyond the events'. */
  peakTypedArraysMiB: number;
  /** Peak heap of the run capped at BUDGET_HEAP_MIB (0 when it did not fit). */
  cappedPeakHeapMiB: number;
  fitsBudget: boolean;
  /** JavaScript heap the engine allocated in its roomy run, per item (changes + deployments + incidents). */
  allocBytesPerItem: number;
  /** Largest resident set of the roomy run. */
  maxRssMiB: number;
  comparison: Comparison;
}

/** Heap limit of the first memory run: roomy, so that V8's ordinary collection policy is not distorted. */
const ROOMY_HEAP_MIB = 4096;
/** The cap the engine must fit under (events included), checked in a run of its own. */
const BUDGET_HEAP_MIB = 512;
/** The scale added after the default ones when memory allows. */
const LARGE_SCALE = 3;
const REGROUP_REPEAT = 7;
/** Pairs of runs (1/10 then full scale) behind growth_x (see growth.ts). */
const GROWTH_PAIRS = 15;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env);
  const results: ScaleResult[] = [];
  for (const scale of args.scales) {
    results.push(await benchScale(scale, args));
  }
  const explicit = args.scales.join() !== DEFAULT_SCALES.join();
  if (!explicit) {
    const why = largeScaleRefusal(results[results.length - 1]);
    if (why) {
      console.log(`\nscale ${LARGE_SCALE}: not run, ${why}`);
    } else {
      results.push(await benchScale(LARGE_SCALE, { ...args, repeat: Math.min(args.repeat, 3) }));
    }
  }
  if (results.length > 1) {
    printGrowth(results);
  }
  const tenth = results.find((r) => r.scale === 0.1);
  const full = results.find((r) => r.scale === 1);
  const growth = tenth && full ? await sideBySideGrowth(0.1, 1, GROWTH_PAIRS, args.seed) : undefined;
  if (growth) {
    console.log(
      `\ngrowth from 1/10 to full scale, side by side (the engine alone in two processes asked in turn, ` +
        `${GROWTH_PAIRS} pairs after a second of untimed runs each): 1/10 ${fmt(median(growth.lowMs))} ms ` +
        `(${growth.lowMs.map(fmt).join(', ')}), full ${fmt(median(growth.highMs))} ms ` +
        `(${growth.highMs.map(fmt).join(', ')}): x${round(growth.growth, 2)}`
    );
  }
  const large = results.find((r) => r.scale === LARGE_SCALE);
  const headline = full ?? results[results.length - 1];
  console.log(
    JSON.stringify({
      changes: headline.counts.changes,
      deployments: headline.counts.deployments,
      incidents: headline.counts.incidents,
      engine_ms: round(headline.engineMs),
      duckdb_ms: round(headline.duckdbMs),
      ratio: round(headline.engineMs / headline.duckdbMs, 3),
      growth_x: growth ? round(growth.growth, 2) : null,
      growth_x_per_scale: tenth && full ? round(full.engineMs / tenth.engineMs, 2) : null,
      duckdb_growth_x: tenth && full ? round(full.duckdbMs / tenth.duckdbMs, 2) : null,
      engine_peak_heap_mb: round(headline.peakHeapMiB),
      engine_peak_typed_arrays_mb: round(headline.peakTypedArraysMiB),
      engine_peak_heap_512mb_cap_mb: round(headline.cappedPeakHeapMiB),
      engine_fits_512mb_heap: headline.fitsBudget,
      alloc_bytes_per_item: round(headline.allocBytesPerItem),
      engine_max_rss_mb: round(headline.maxRssMiB),
      regroup_ms: round(headline.regroupMs, 1),
      scale: headline.scale,
      ratio_3x: large ? round(large.engineMs / large.duckdbMs, 3) : null,
      growth_3x: large && full ? round(large.engineMs / full.engineMs, 2) : null,
      disagreements: results.reduce((n, r) => n + r.comparison.disagreements.length, 0),
    })
  );
  if (results.some((r) => r.comparison.disagreements.length > 0)) {
    process.exitCode = 1;
  }
}

/**
 * Why the 3x scale cannot run here, or undefined when it can: it needs about three times what full scale took,
 * in free memory (the engine's child process, DuckDB and this process together) and in this process's heap limit.
 */
function largeScaleRefusal(last: ScaleResult): string | undefined {
  if (last.scale !== 1) {
    return 'full scale did not run';
  }
  const factor = LARGE_SCALE / last.scale;
  const needRamMiB = factor * (last.maxRssMiB + process.memoryUsage().rss / MIB);
  const freeMiB = freemem() / MIB;
  if (needRamMiB > freeMiB) {
    return `it needs about ${fmt(needRamMiB)} MiB of free memory and ${fmt(freeMiB)} MiB are free`;
  }
  const needHeapMiB = factor * (process.memoryUsage().heapUsed / MIB);
  const limitMiB = getHeapStatistics().heap_size_limit / MIB;
  if (needHeapMiB > limitMiB) {
    return (
      `this process would need about ${fmt(needHeapMiB)} MiB of heap and may use ${fmt(limitMiB)} MiB ` +
      `(NODE_OPTIONS=--max-old-space-size=${Math.ceil(needHeapMiB / 1024) * 1024} raises it)`
    );
  }
  return undefined;
}

const MIB = 1024 * 1024;

async function benchScale(scale: number, args: BenchArgs): Promise<ScaleResult> {
  const org = generateOrg({ scale, seed: args.seed });
  const counts = {
    changes: org.events.changes.length,
    deployments: org.events.deployments.length,
    incidents: org.events.incidents.length,
  };
  console.log(
    `\nscale ${scale}: ${fmt(counts.changes)} changes, ${fmt(counts.deployments)} deployments, ` +
      `${fmt(counts.incidents)} incidents (seed ${args.seed}; ${cpus().length} cores, load average ` +
      `${round(loadavg()[0], 1)} at the start)`
  );
  const options = withDefaults({});
  const now = evaluationInstant(org);
  const peer = await openSqlPeer(org.events, org.range, options, args.sqlAncestry);
  const engineMs: number[] = [];
  const engineCpuMs: number[] = [];
  const enginePhases: Array<EngineRun['phases']> = [];
  // Every SQL run's times; its figures (hundreds of thousands of weekly points at full scale) from the latest only.
  const sqlRuns: Array<Pick<SqlRun, 'phases' | 'totalMs' | 'cpuMs'>> = [];
  let sqlLast: SqlRun | undefined;
  let last: EngineRun | undefined;
  try {
    // Untimed runs of each side first (warmUp), so that every timed run sees optimised code and warm caches whichever
    // scales ran before: with none, the first scale's runs included the engine's compilation (with --scale 0.1,1 that
    // flattered growth_x by up to a third); with one, the next two runs at 1/10 scale were often still twice as slow.
    await warmUp(() => runEngine(org.events, org.range, options, now));
    await warmUp(() => peer.run());
    for (let r = 0; r < args.repeat; r++) {
      // Only the latest result of each side stays alive: earlier ones would be garbage that every full collection
      // during both sides' runs marks (five SQL results held ~200 MiB at full scale).
      last = undefined;
      sqlLast = undefined;
      const cpu = process.cpuUsage();
      last = runEngine(org.events, org.range, options, now);
      engineCpuMs.push(cpuMsSince(cpu));
      engineMs.push(last.totalMs);
      enginePhases.push(last.phases);
      sqlLast = await peer.run();
      sqlRuns.push({ phases: sqlLast.phases, totalMs: sqlLast.totalMs, cpuMs: sqlLast.cpuMs });
    }
  } finally {
    peer.close();
  }
  if (!last || !sqlLast) {
    throw new Error('--repeat must be at least 1');
  }
  const sqlMs = sqlRuns.map((r) => r.totalMs);
  const engineMedian = median(engineMs);
  const duckdbMedian = median(sqlMs);
  console.log(
    `  engine  ${fmt(engineMedian)} ms (median of ${engineMs.length}: ${engineMs.map(fmt).join(', ')}; ` +
      `CPU ${fmt(median(engineCpuMs))} ms); ` +
      enginePhases[0].map((p, i) => `${p.phase} ${fmt(median(enginePhases.map((run) => run[i].ms)))}`).join(', ')
  );
  console.log(
    `  duckdb  ${fmt(duckdbMedian)} ms (median of ${sqlMs.length}: ${sqlMs.map(fmt).join(', ')}; ` +
      `CPU ${fmt(median(sqlRuns.map((r) => r.cpuMs)))} ms, ${cpus().length} threads); ` +
      sqlRuns[0].phases.map((p, i) => `${p.phase} ${fmt(median(sqlRuns.map((r) => r.phases[i].ms)))}`).join(', ')
  );

  const regroup: number[] = [];
  for (let r = 0; r < REGROUP_REPEAT; r++) {
    const t = performance.now();
    teamScorecard(last.attributed, org.range);
    regroup.push(performance.now() - t);
  }
  const regroupMs = median(regroup);
  console.log(
    `  ratio ${round(engineMedian / duckdbMedian, 3)} (best runs: ${round(Math.min(...engineMs) / Math.min(...sqlMs), 3)}), ` +
      `regroup by team ${round(regroupMs, 1)} ms (median of ${REGROUP_REPEAT})`
  );

  const engineFigures = {
    weekly: [...weeklyFromSeries(last.series), ...groupedWeekly(last.attributed, org.range)],
    scorecard: scorecardFigures(last.scorecard),
  };
  const sqlFigures = { weekly: [...sqlLast.weekly, ...sqlLast.grouped], scorecard: sqlLast.scorecard };
  const comparison = compareFigures(engineFigures, sqlFigures, ALL_COMPARED);

  const items = counts.changes + counts.deployments + counts.incidents;
  const roomyLimitMiB = Math.max(ROOMY_HEAP_MIB, Math.ceil(scale) * ROOMY_HEAP_MIB);
  const roomy = await heapInItsOwnProcess(scale, args, roomyLimitMiB);
  const capped = await heapInItsOwnProcess(scale, args, BUDGET_HEAP_MIB);
  const peakHeapMiB = roomy.peakMiB;
  const allocBytesPerItem = (roomy.allocatedMiB * MIB) / items;
  console.log(
    `  engine heap: peak ${fmt(peakHeapMiB)} MiB in use (events alone ${fmt(roomy.report.eventsHeapMiB)} MiB; after a ` +
      `full GC with the results held ${fmt(roomy.report.retainedHeapMiB)} MiB; typed arrays outside the heap at most ` +
      `${fmt(roomy.report.peakTypedArraysMiB)} MiB more; max RSS ${fmt(roomy.report.maxRssMiB)} MiB); ` +
      `allocated ${fmt(roomy.allocatedMiB)} MiB of JavaScript heap, ${fmt(allocBytesPerItem)} bytes per item`
  );
  console.log(
    capped.fits
      ? `  fits a ${BUDGET_HEAP_MIB} MiB heap (--max-old-space-size=${BUDGET_HEAP_MIB}): yes, peak ${fmt(capped.peakMiB)} MiB`
      : `  fits a ${BUDGET_HEAP_MIB} MiB heap: NO (${capped.error})`
  );

  if (comparison.disagreements.length === 0) {
    console.log(
      `  differential: ${fmt(comparison.compared)} numbers agree (largest difference: ` +
        `${comparison.maxDurationDeltaMs} ms in durations, ${comparison.maxRateDelta} in rates)`
    );
  } else {
    console.log(`  differential: ${comparison.disagreements.length} of ${fmt(comparison.compared)} numbers DISAGREE:`);
    console.log(describeDisagreements(comparison).join('\n'));
  }
  return {
    scale,
    counts,
    engineMs: engineMedian,
    duckdbMs: duckdbMedian,
    regroupMs,
    peakHeapMiB,
    peakTypedArraysMiB: roomy.report.peakTypedArraysMiB,
    cappedPeakHeapMiB: capped.fits ? capped.peakMiB : 0,
    fitsBudget: capped.fits,
    allocBytesPerItem,
    maxRssMiB: roomy.report.maxRssMiB,
    comparison,
  };
}

interface HeapRun {
  fits: boolean;
  /** Largest heap in use (live and not yet collected) seen in the GC trace or right after the run. */
  peakMiB: number;
  /** JavaScript heap allocated during the run (see heap.ts). */
  allocatedMiB: number;
  report: HeapReport;
  error?: string;
}

/** Runs engineProcess.ts in a child with --expose-gc and the given heap limit; reads its GC trace and report. */
async function heapInItsOwnProcess(scale: number, args: BenchArgs, heapLimitMiB: number): Promise<HeapRun> {
  const out = join(tmpdir(), `dora-engine-heap-${process.pid}-${scale}-${heapLimitMiB}.json`);
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      `--max-old-space-size=${heapLimitMiB}`,
      ...TSX_ARGS,
      join(__dirname, 'engineProcess.ts'),
      '--scale',
      String(scale),
      '--seed',
      String(args.seed),
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
  const empty: HeapReport = {
    eventsHeapMiB: 0,
    endOfRunHeapMiB: 0,
    retainedHeapMiB: 0,
    peakTypedArraysMiB: 0,
    maxRssMiB: 0,
    seriesCount: 0,
  };
  if (code !== 0) {
    const why = /heap out of memory/i.test(errors) ? 'JavaScript heap out of memory' : errors.trim().split('\n').pop();
    return {
      fits: false,
      peakMiB: peakFromGcTrace(trace),
      allocatedMiB: 0,
      report: empty,
      error: `exit ${code}: ${why}`,
    };
  }
  try {
    const report = JSON.parse(readFileSync(out, 'utf8')) as HeapReport;
    return {
      fits: true,
      peakMiB: Math.max(peakFromGcTrace(trace), report.endOfRunHeapMiB),
      allocatedMiB: allocatedFromGcTrace(trace, report.eventsHeapMiB, report.endOfRunHeapMiB),
      report,
    };
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

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
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
