/**
 * The engine side of the benchmark, in a process of its own so that its heap holds only the events and the
 * engine's work: generates the organisation, runs the engine end to end `repeat` times (GC trace on, for the
 * peak heap), then times regrouping the team scorecard, and writes figures and timings to --out as JSON.
 * stdout carries only V8's GC trace (read by the parent); progress goes to stderr.
 *
 *   node --expose-gc --import tsx bench/engine/engineProcess.ts --scale 0.1 --seed 42 --repeat 3 --out f.json
 */
import { writeFileSync } from 'fs';
import { withDefaults } from '../../src/engine/options';
import { parseArgs } from './args';
import { EngineRun, runEngine, teamScorecard } from './engineRun';
import { scorecardFigures, weeklyFromSeries } from './figures';
import { generateOrg } from './generate';
import { collectGarbage, heapUsedMiB, startGcTrace, stopGcTrace } from './heap';
import { median } from './timing';

export interface EngineReport {
  counts: { changes: number; deployments: number; incidents: number };
  totalMs: number[];
  /** CPU time (user + system, all threads) of each run: less sensitive than wall time to a busy machine. */
  cpuMs: number[];
  phases: Array<{ phase: string; ms: number }>;
  regroupMs: number[];
  /** Heap in use with the events loaded, after a full GC, before the engine runs. */
  eventsHeapMiB: number;
  /** Largest heapUsed sampled right after a run (before its result is released). */
  endOfRunHeapMiB: number;
  maxRssMiB: number;
  weekly: ReturnType<typeof weeklyFromSeries>;
  scorecard: ReturnType<typeof scorecardFigures>;
}

const REGROUP_REPEAT = 7;

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!args.out) {
    throw new Error('--out <file> is required: where to write the engine figures');
  }
  const org = generateOrg({ scale: args.scale, seed: args.seed });
  const options = withDefaults({});
  // "now" just after the range: nothing counts as a future timestamp.
  const now = org.range.to + 24 * 3600 * 1000;
  collectGarbage();
  const eventsHeapMiB = heapUsedMiB();

  const totalMs: number[] = [];
  const cpuMs: number[] = [];
  const phaseRuns: Array<Array<{ phase: string; ms: number }>> = [];
  let endOfRunHeapMiB = 0;
  let final: EngineRun | undefined;
  for (let r = 0; r < args.repeat; r++) {
    final = undefined; // let the previous run's result go before measuring this one
    collectGarbage();
    startGcTrace();
    const cpu = process.cpuUsage();
    const run = runEngine(org.events, org.range, options, now);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    endOfRunHeapMiB = Math.max(endOfRunHeapMiB, heapUsedMiB());
    stopGcTrace();
    totalMs.push(run.totalMs);
    phaseRuns.push(run.phases);
    final = run;
  }
  if (!final) {
    throw new Error('--repeat must be at least 1');
  }

  const regroupMs: number[] = [];
  for (let r = 0; r < REGROUP_REPEAT; r++) {
    const t = performance.now();
    teamScorecard(final.attributed, org.range);
    regroupMs.push(performance.now() - t);
  }

  const report: EngineReport = {
    counts: {
      changes: org.events.changes.length,
      deployments: org.events.deployments.length,
      incidents: org.events.incidents.length,
    },
    totalMs,
    cpuMs,
    phases: phaseRuns[0].map((p, i) => ({ phase: p.phase, ms: median(phaseRuns.map((run) => run[i].ms)) })),
    regroupMs,
    eventsHeapMiB,
    endOfRunHeapMiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    weekly: weeklyFromSeries(final.series),
    scorecard: scorecardFigures(final.scorecard),
  };
  writeFileSync(args.out, JSON.stringify(report));
}

main();
