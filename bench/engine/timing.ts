/** Small helpers for reporting times. */

/** Median of the numbers (mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 0): number {
  const f = Math.pow(10, digits);
  return Math.round(value * f) / f;
}

/** A side runs untimed until this much of its own time has passed (at least once, at most WARM_UP_RUNS times). */
const WARM_UP_MS = 1000;
const WARM_UP_RUNS = 20;

/**
 * Runs `run` untimed until WARM_UP_MS have passed in it, at least once and at most WARM_UP_RUNS times: afterwards
 * timed runs see optimised code and warm caches (after a single run, the next two at 1/10 scale were often still
 * twice as slow).
 */
export async function warmUp(run: () => unknown): Promise<void> {
  let spent = 0;
  for (let r = 0; r < WARM_UP_RUNS && spent < WARM_UP_MS; r++) {
    const t = performance.now();
    await run();
    spent += performance.now() - t;
  }
}
