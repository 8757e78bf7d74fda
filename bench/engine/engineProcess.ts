/**
 * The engine's memory, measured in a process of its own so that its heap holds only the events and the
 * engine's work: generates the organisation, runs the engine end to end once with V8's GC trace on (read by the
 * parent from stdout, see heap.ts) and writes the heap figures to --out as JSON. The parent runs it twice: with
 * a roomy heap limit, and capped at the budget. Timing happens in the parent, side by side with DuckDB.
 *
 *   node --expose-gc --max-old-space-size=1024 --import tsx bench/engine/engineProcess.ts --scale 1 --out f.json
 */
import { writeFileSync } from 'fs';
import { GCProfiler } from 'v8';
import { withDefaults } from '../../src/engine';
import { parseArgs } from './args';
import { runEngine } from './engineRun';
import { evaluationInstant, generateOrg } from './generate';
import { collectGarbage, externalMiB, heapUsedMiB, peakExternalMiB, startGcTrace, stopGcTrace } from './heap';

export interface HeapReport {
  /** Heap in use with the events loaded, after a full GC, before the engine runs. */
  eventsHeapMiB: number;
  /** heapUsed right after the run, its result still held. */
  endOfRunHeapMiB: number;
  /** heapUsed after a full GC with the result still held: what the attributed history and results keep. */
  retainedHeapMiB: number;
  /**
   * Largest memory outside the JavaScript heap (typed arrays' buffers) the run held on top of what the events
   * held, seen at its collections and at its end.
   */
  peakTypedArraysMiB: number;
  maxRssMiB: number;
  /** Series the run produced (read after the last measurement, so the result stays alive until then). */
  seriesCount: number;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!args.out) {
    throw new Error('--out <file> is required: where to write the heap figures');
  }
  const org = generateOrg({ scale: args.scale, seed: args.seed });
  collectGarbage();
  const eventsHeapMiB = heapUsedMiB();
  const eventsExternalMiB = externalMiB();
  const profiler = new GCProfiler();
  profiler.start();
  startGcTrace();
  const run = runEngine(org.events, org.range, withDefaults({}), evaluationInstant(org));
  const endOfRunHeapMiB = heapUsedMiB();
  const endOfRunExternalMiB = externalMiB();
  stopGcTrace();
  const peakTypedArraysMiB = Math.max(peakExternalMiB(profiler.stop()), endOfRunExternalMiB) - eventsExternalMiB;
  collectGarbage();
  const report: HeapReport = {
    eventsHeapMiB,
    endOfRunHeapMiB,
    retainedHeapMiB: heapUsedMiB(),
    peakTypedArraysMiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    seriesCount: run.series.length,
  };
  writeFileSync(args.out, JSON.stringify(report));
}

main();
