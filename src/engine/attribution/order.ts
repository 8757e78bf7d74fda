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

/**
 * The positions 0 .. key.length - 1 in ascending order of key, a tie broken by `before(y, x)` (whether y goes before
 * x): a bottom-up merge sort in typed arrays, so a comparison reads two numbers and calls nothing but on a tie. A
 * sort with a comparator calls it at every comparison (and for a typed array boxes a copy of every element).
 */
export function sortedPositions(key: Float64Array, before: (y: number, x: number) => boolean): Int32Array {
  return sortPositionsWith(key, key.length, before, new Int32Array(key.length), new Int32Array(key.length));
}

/**
 * sortedPositions of key[0 .. n) in two lists of the caller's (each at least n long, their contents overwritten), for
 * callers that sort many short runs and reuse the lists: the sorted positions are the first n of the one returned.
 */
export function sortPositionsWith(
  key: Float64Array,
  n: number,
  before: (y: number, x: number) => boolean,
  first: Int32Array,
  second: Int32Array
): Int32Array {
  let from = first;
  let to = second;
  for (let i = 0; i < n; i++) {
    from[i] = i;
  }
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid && b < hi) {
        const x = from[a];
        const y = from[b];
        const kx = key[x];
        const ky = key[y];
        // Stable: on a tie the left one goes first unless the right one is said to go before it.
        if (ky < kx || (ky === kx && before(y, x))) {
          to[k++] = y;
          b++;
        } else {
          to[k++] = x;
          a++;
        }
      }
      while (a < mid) {
        to[k++] = from[a++];
      }
      while (b < hi) {
        to[k++] = from[b++];
      }
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}
