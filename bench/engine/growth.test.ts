/** @jest-environment node */
import { sideBySideGrowth } from './growth';
import { median } from './timing';

describe('sideBySideGrowth', () => {
  it('times the engine at two scales in turn, each in its own process, and gives the ratio of the medians', async () => {
    const g = await sideBySideGrowth(0.002, 0.02, 3, 42);
    expect(g.lowMs).toHaveLength(3);
    expect(g.highMs).toHaveLength(3);
    for (const ms of [...g.lowMs, ...g.highMs]) {
      expect(ms).toBeGreaterThan(0);
    }
    expect(g.growth).toBeCloseTo(median(g.highMs) / median(g.lowMs), 10);
  }, 60_000);

  it("names the scale and the child's error when a process cannot run", async () => {
    await expect(sideBySideGrowth(0.002, 11, 1, 42)).rejects.toThrow(/scale 11 exited \(code 2\): --scale/);
  }, 60_000);
});
