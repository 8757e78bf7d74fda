import { grown, holdWeakly, ListLoan } from './typedLists';

/** Runs `body` as in the Go backend's VM, which has no WeakRef. */
function withoutWeakRef(body: () => void): void {
  const global = globalThis as { WeakRef?: unknown };
  const saved = global.WeakRef;
  delete global.WeakRef;
  try {
    body();
  } finally {
    global.WeakRef = saved;
  }
}

/** Empties the shelf: a loan closed without WeakRef shelves nothing. */
function drainShelf(): void {
  withoutWeakRef(() => new ListLoan().close());
}

describe('grown', () => {
  it('doubles the list (at least 16), keeping its entries', () => {
    const list = Int32Array.of(1, 2, 3);
    const bigger = grown(list);
    expect(bigger).toHaveLength(16);
    expect(Array.from(bigger.subarray(0, 3))).toEqual([1, 2, 3]);
  });
});

describe('ListLoan', () => {
  beforeEach(drainShelf);

  it('lends distinct lists of zeros while they are lent', () => {
    const loan = new ListLoan();
    const a = loan.ints(1000);
    const b = loan.ints(1000);
    expect(a).toHaveLength(1000);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.every((v) => v === 0)).toBe(true);
    loan.close();
  });

  it('lends the lists a closed loan gave back to the next loan, as zeros, the shortest long enough first', () => {
    const first = new ListLoan();
    const short = first.ints(100);
    const long = first.ints(5000);
    short.fill(7);
    long.fill(9);
    first.close();

    const next = new ListLoan();
    const a = next.ints(50);
    expect(a.buffer).toBe(short.buffer);
    expect(a).toHaveLength(50);
    expect(a.every((v) => v === 0)).toBe(true);
    const b = next.ints(4000);
    expect(b.buffer).toBe(long.buffer);
    expect(b.every((v) => v === 0)).toBe(true);
    const c = next.ints(4000);
    expect(c.buffer).not.toBe(long.buffer);
    next.close();
  });

  it('keeps the 16 longest lists for the next loan', () => {
    const loan = new ListLoan();
    const lists = Array.from({ length: 20 }, (_, k) => loan.ints(100 + k));
    loan.close();
    const next = new ListLoan();
    const taken = Array.from({ length: 20 }, () => next.ints(1));
    const reused = new Set(lists.filter((l) => taken.some((t) => t.buffer === l.buffer)).map((l) => l.length));
    expect([...reused].sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, k) => 104 + k));
    next.close();
  });

  it('lends the shared empty list for no entries, and a loan made not to reuse never touches the shelf', () => {
    const first = new ListLoan();
    const list = first.ints(100);
    expect(first.ints(0)).toHaveLength(0);
    first.close();
    const fresh = new ListLoan(false);
    expect(fresh.ints(100).buffer).not.toBe(list.buffer);
    fresh.close();
    expect(new ListLoan().ints(100).buffer).toBe(list.buffer);
  });

  it('keeps nothing between loans without WeakRef (the Go backend): every loan allocates', () => {
    withoutWeakRef(() => {
      const first = new ListLoan();
      const list = first.ints(100);
      first.close();
      expect(new ListLoan().ints(100).buffer).not.toBe(list.buffer);
      expect(holdWeakly({})).toBeUndefined();
    });
  });
});
