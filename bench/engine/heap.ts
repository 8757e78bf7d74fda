/**
 * Peak V8 heap of a phase, read from V8's own GC trace: every collection prints the heap in use before it, and
 * collections happen whenever the young generation fills (every few MB), so the largest "before" figure is the
 * peak to within one young generation. The trace is switched on only around the phase (it goes to stdout, where
 * the parent process reads it). Sampling heapUsed from JavaScript could not see inside a synchronous phase.
 */
import { setFlagsFromString } from 'v8';

const MIB = 1024 * 1024;

/** "[pid:0x..]   123 ms: Scavenge 45.6 (60.1) -> 40.2 (61.3) MB, ..." -> 45.6 (V8 prints MiB). */
const TRACE_LINE = /\d+ ms: [A-Za-z -]+? (\d+(?:\.\d+)?) \(\d+(?:\.\d+)?\) -> \d+(?:\.\d+)? \(\d+(?:\.\d+)?\) MB/;

export function startGcTrace(): void {
  setFlagsFromString('--trace-gc');
}

export function stopGcTrace(): void {
  setFlagsFromString('--notrace-gc');
}

/** Largest heap in use before a collection among trace lines, in MiB; 0 when there is none. */
export function peakFromGcTrace(output: string): number {
  let peak = 0;
  for (const line of output.split('\n')) {
    const m = TRACE_LINE.exec(line);
    if (m) {
      peak = Math.max(peak, Number(m[1]));
    }
  }
  return peak;
}

export function heapUsedMiB(): number {
  return process.memoryUsage().heapUsed / MIB;
}

/** Forces a full collection (the process must run with --expose-gc). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run node with --expose-gc to measure heap figures');
  }
  gc();
}
