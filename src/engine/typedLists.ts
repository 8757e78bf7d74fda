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

/**
 * WeakRef where the VM has one (browsers, Node). The Go backend's VM has none: there nothing is kept weakly, and
 * what would have been is made anew (declared here because the engine compiles against ES2017, which lacks it).
 */
declare const WeakRef: (new <T extends object>(target: T) => Held<T>) | undefined;

/**
 * A value held weakly: deref() gives it back until the first full collection that finds nothing else holding it
 * (never within the turn that made it).
 */
export interface Held<T> {
  deref(): T | undefined;
}

/** Holds `target` weakly, so that it is reused until the next full collection; undefined without WeakRef. */
export function holdWeakly<T extends object>(target: T): Held<T> | undefined {
  return typeof WeakRef === 'function' ? new WeakRef(target) : undefined;
}

/** At most this many lists wait on the shelf for the next computation: the largest ones. */
const SHELF_SIZE = 16;

/** Lists that finished computations gave back, held weakly for the next one (see ListLoan). */
let shelved: Held<Int32Array[]> | undefined;

/**
 * Lists of integers a computation borrows for its own work (never for its result) and gives back when it is done,
 * so that the next computation reuses them. A full-scale attribution's working lists (commit index, commit graph,
 * walk marks, containment, shipped list) come to about 28 MiB. Made anew at every run they are external memory
 * that only a full collection frees, and V8 starts one whenever external memory has grown 64 MB since its lowest
 * point after the last: these lists alone brought one every two or three runs. Given back, they wait on a shelf held
 * weakly (holdWeakly) until the next full collection; without WeakRef nothing waits and every loan allocates.
 */
export class ListLoan {
  private shelf?: Int32Array[];
  private readonly lent: Int32Array[] = [];

  /** `reuse` false: a loan that only allocates (for callers with no point at which they are done with the lists). */
  constructor(private readonly reuse = true) {}

  /** `length` zeros, the computation's until close(): a list from the shelf when one is long enough, else a new one. */
  ints(length: number): Int32Array {
    if (length === 0) {
      return NO_INTS;
    }
    if (!this.reuse) {
      return new Int32Array(length);
    }
    const shelf = this.shelf ?? (this.shelf = takeShelf());
    let best = -1;
    for (let k = 0; k < shelf.length; k++) {
      if (shelf[k].length >= length && (best < 0 || shelf[k].length < shelf[best].length)) {
        best = k;
      }
    }
    let list: Int32Array;
    if (best < 0) {
      list = new Int32Array(length);
    } else {
      list = shelf[best];
      shelf[best] = shelf[shelf.length - 1];
      shelf.pop();
      list.fill(0, 0, length);
    }
    this.lent.push(list);
    return list.length === length ? list : list.subarray(0, length);
  }

  /** Puts every list lent back on the shelf for the next computation: none of them may be used after this. */
  close(): void {
    if (!this.reuse) {
      return;
    }
    const shelf = (this.shelf ?? takeShelf()).concat(this.lent);
    this.lent.length = 0;
    this.shelf = undefined;
    shelf.sort((a, b) => b.length - a.length);
    shelf.length = Math.min(shelf.length, SHELF_SIZE);
    shelved = holdWeakly(shelf);
  }
}

/** The shelf's lists, now the caller's alone (a loan open at the same time starts from an empty shelf). */
function takeShelf(): Int32Array[] {
  const shelf = shelved?.deref() ?? [];
  shelved = undefined;
  return shelf;
}
