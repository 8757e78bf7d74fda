/** Typed lists the engine fills as it goes: the shared empty ones and how a list grows. */

/** An empty list of integers (positions, ids), shared: nothing is ever written to it. */
export const NO_INTS = new Int32Array(0);

/** An empty list of numbers (durations, instants), shared: nothing is ever written to it. */
export const NO_NUMBERS = new Float64Array(0);

/** The list copied into one twice as long (at least 16): how the typed lists that fill as they go grow. */
export function grown(list: Int32Array): Int32Array {
  const bigger = new Int32Array(Math.max(16, list.length * 2));
  bigger.set(list);
  return bigger;
}
