/** A time zone's offset function made cheap: offsets only change at DST transitions, hours apart. */

/** Offsets only change at DST transitions, which are far more than 15 minutes apart. */
const BLOCK_MS = 15 * 60 * 1000;

/** Caches an offset per 15-minute block when the block's both ends agree; asks exactly otherwise. */
export function memoizeByBlock(offsetAt: (t: number) => number): (t: number) => number {
  const blocks = new Map<number, number | null>();
  return (t: number) => {
    const block = Math.floor(t / BLOCK_MS);
    let cached = blocks.get(block);
    if (cached === undefined) {
      const start = offsetAt(block * BLOCK_MS);
      cached = start === offsetAt((block + 1) * BLOCK_MS - 1) ? start : null;
      if (blocks.size > 10000) {
        blocks.clear();
      }
      blocks.set(block, cached);
    }
    return cached === null ? offsetAt(t) : cached;
  };
}
