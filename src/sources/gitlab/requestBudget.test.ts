/** @jest-environment node */
import { measureRequests } from './testing/requestBudget';

describe('GitLab request budget (small size; npm run bench:gitlab runs the full one)', () => {
  it('panels share one fetch, an unchanged refresh costs a few revalidations, and both beat a naive client', async () => {
    const r = await measureRequests({
      shape: { commits: 600, deployments: 60, mergeRequests: 15, stagingDeployments: 10, incidents: 3 },
      panels: 4,
      dashboardDays: 30,
      lookbackDays: 10,
      now: Date.parse('2026-03-01T00:00:00Z'),
    });
    expect(r.first).toBe(r.onePanel);
    expect(r.events.deployments.length).toBeGreaterThan(50);
    expect(r.events.changes).toHaveLength(600);
    expect(r.unchanged).toBeLessThan(12);
    expect(r.unchangedRequests.every((q) => q.status === 304)).toBe(true);
    expect(r.first * 3).toBeLessThan(r.naive);
  });
});
