/** A min-heap of timed items; equal instants come out in insertion order, which keeps the demo deterministic. */
import { Instant } from '../../engine';

interface Slot<T> {
  at: Instant;
  seq: number;
  item: T;
}

export class TimeQueue<T> {
  private readonly heap: Array<Slot<T>> = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: Instant, item: T): void {
    this.heap.push({ at, seq: this.seq++, item });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) {
        break;
      }
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The earliest item with its instant, or undefined when empty. */
  pop(): { at: Instant; item: T } | undefined {
    if (!this.heap.length) {
      return undefined;
    }
    const top = this.heap[0];
    const last = this.heap.pop() as Slot<T>;
    if (this.heap.length) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < this.heap.length && this.before(left, smallest)) {
          smallest = left;
        }
        if (right < this.heap.length && this.before(right, smallest)) {
          smallest = right;
        }
        if (smallest === i) {
          break;
        }
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return { at: top.at, item: top.item };
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const tmp = this.heap[a];
    this.heap[a] = this.heap[b];
    this.heap[b] = tmp;
  }
}
