/** @jest-environment node */
import { setMaxListeners } from 'events';
import { measureRequests } from './testing/requestBudget';

describe('request budget (the bench, at a tenth of its size)', () => {
  it('first refresh ~ items/100, independent of panels; unchanged refresh one request per list', async () => {
    setMaxListeners(100);
    const r = await measureRequests({
      shape: { commits: 2000, deployments: 200, pullRequests: 50, stagingDeployments: 50, runs: 30, incidents: 5 },
      panels: 8,
      dashboardDays: 90,
      lookbackDays: 30,
      now: Date.parse('2026-03-01T00:00:00Z'),
    });
    // Nothing in the window is dropped.
    expect(r.events.changes).toHaveLength(2000);
    expect(r.events.deployments).toHaveLength(200);
    expect(r.events.incidents).toHaveLength(5);
    // overview 1 + history 20 + deployments 2 + pull requests 1 + issues 1 + runs 1 + earlier attempts 1
    expect(r.first).toBe(27);
    expect(r.onePanel).toBe(r.first);
    expect(r.unchangedRequests.map((q) => q.operation ?? `${q.path} ${q.status}`).sort()).toEqual([
      '/repos/acme/big/actions/runs?per_page=100 304',
      'Deployments',
      'IncidentIssues',
      'MergedPullRequests',
      'RepositoryOverview',
    ]);
    expect(r.naive).toBeGreaterThanOrEqual(10 * r.first);
  });
});
