/**
 * Peak V8 heap of a phase, read from V8's own GC trace: every collection prints the heap in use before it, and
 * collections happen whenever the young generation fills (every few MB), so the largest "before" figure is the
 * peak to within one young generation. The trace is switched on only around the phase (it goes to stdout, where
 * the parent process reads it). Sampling heapUsed from JavaScript could not see inside a synchronous phase.
 */
import { GCProfilerResult, setFlagsFromString } from 'v8';

const MIB = 1024 * 1024;

/**
 * "[pid:0x..]   123 ms: Scavenge 45.6 (60.1) -> 40.2 (61.3) MB, ..." -> isolate 0x.., 45.6 and 40.2 (V8 prints
 * MiB). Other isolates of the process (the TypeScript loader's worker thread) trace too; they are told apart by
 * the isolate address.
 */
const TRACE_LINE =
  /^\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: [A-Za-z() -]+? (\d+(?:\.\d+)?) \(\d+(?:\.\d+)?\) -> (\d+(?:\.\d+)?) \(\d+(?:\.\d+)?\) MB/;

interface Collection {
  beforeMiB: number;
  afterMiB: number;
}

/** The collections of the isolate with the largest heap (the one running the phase), in order. */
function mainCollections(output: string): Collection[] {
  const byIsolate = new Map<string, Collection[]>();
  let main = '';
  let largest = -1;
  for (const line of output.split('\n')) {
    const m = TRACE_LINE.exec(line.trim());
    if (m) {
      const list = byIsolate.get(m[1]) ?? [];
      list.push({ beforeMiB: Number(m[2]), afterMiB: Number(m[3]) });
      byIsolate.set(m[1], list);
      if (Number(m[2]) > largest) {
        largest = Number(m[2]);
        main = m[1];
      }
    }
  }
  return byIsolate.get(main) ?? [];
}

export function startGcTrace(): void {
  setFlagsFromString('--trace-gc');
}

export function stopGcTrace(): void {
  setFlagsFromString('--notrace-gc');
}

/** Largest heap in use before a collection among trace lines, in MiB; 0 when there is none. */
export function peakFromGcTrace(output: string): number {
  let peak = 0;
  for (const c of mainCollections(output)) {
    peak = Math.max(peak, c.beforeMiB);
  }
  return peak;
}

/**
 * JavaScript heap allocated during a phase, in MiB, from its GC trace: what each collection found in use minus
 * what the previous one left (the phase's starting heap for the first), plus the growth after the last one.
 * Memory outside the JavaScript heap (typed arrays' buffers) is not included.
 */
export function allocatedFromGcTrace(output: string, startMiB: number, endMiB: number): number {
  let allocated = 0;
  let left = startMiB;
  for (const c of mainCollections(output)) {
    allocated += Math.max(0, c.beforeMiB - left);
    left = c.afterMiB;
  }
  return allocated + Math.max(0, endMiB - left);
}

export function heapUsedMiB(): number {
  return process.memoryUsage().heapUsed / MIB;
}

/** Memory the JavaScript heap's objects hold outside it (typed arrays' buffers, mostly), in MiB. */
export function externalMiB(): number {
  return process.memoryUsage().external / MIB;
}

/** Largest external memory V8 saw before a collection during a GCProfiler's run, in MiB; 0 without collections. */
export function peakExternalMiB(result: GCProfilerResult): number {
  let peak = 0;
  for (const gc of result.statistics) {
    peak = Math.max(peak, gc.beforeGC.heapStatistics.externalMemory / MIB);
  }
  return peak;
}

/** Forces a full collection (the process must run with --expose-gc). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run node with --expose-gc to measure heap figures');
  }
  gc();
}
