/** Small ordering helpers shared by the steps, so every tie breaks the same way. */

/** Plain code-unit order of two strings (no locale: the engine has no Intl). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ascending order of two numbers as -1, 0 or 1. A comparator that returns a difference of two instants returns a
 * number too large to be a small integer, which V8 boxes on the heap at every comparison a sort makes.
 */
export function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many leading items of a list satisfy a predicate that holds for a prefix only (binary search). */
export function countLeading<T>(items: ArrayLike<T>, holds: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(items[mid])) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
