import fc from 'fast-check';
import { Random } from './random';

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return [rng.next(), rng.next(), rng.next()];
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('derives independent streams per label', () => {
    expect(Random.derive(5, 'checkout').next()).toBe(Random.derive(5, 'checkout').next());
    expect(Random.derive(5, 'checkout').next()).not.toBe(Random.derive(5, 'billing').next());
    expect(Random.derive(5, 'checkout').next()).not.toBe(Random.derive(6, 'checkout').next());
  });

  it('stays within its bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -50, max: 50 }), (seed, low) => {
        const rng = new Random(seed);
        const u = rng.next();
        const i = rng.int(low, low + 3);
        const s = rng.skewed(2, 50);
        return u >= 0 && u < 1 && Number.isInteger(i) && i >= low && i <= low + 3 && s >= 2 && s <= 50;
      })
    );
  });

  it('makes 40-hex SHAs', () => {
    const rng = new Random(9);
    for (let i = 0; i < 50; i++) {
      expect(rng.sha()).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('draws Poisson counts around their mean', () => {
    const rng = new Random(3);
    let total = 0;
    for (let i = 0; i < 2000; i++) {
      total += rng.poisson(2);
    }
    expect(total / 2000).toBeGreaterThan(1.8);
    expect(total / 2000).toBeLessThan(2.2);
  });
});
