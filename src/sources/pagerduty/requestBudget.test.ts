/**
 * @jest-environment node
 *
 * The request budget at a small size (the bench, npm run bench:incidents, measures it at full size): panels share
 * one fetch, an unchanged refresh asks three questions, and a naive client would send far more.
 */
import { setMaxListeners } from 'events';
import { measureRequests } from './testing/requestBudget';

describe('PagerDuty request budget', () => {
  it('first refresh independent of panels, unchanged refresh of three requests', async () => {
    setMaxListeners(100);
    const r = await measureRequests({
      shape: { incidents: 300, services: 5 },
      panels: 8,
      dashboardDays: 90,
      lookbackDays: 30,
      now: Date.parse('2026-03-01T00:00:00Z'),
    });
    expect(r.first).toBe(r.onePanel);
    expect(r.unchanged).toBe(3);
    expect(r.first * 10).toBeLessThan(r.naive);
    expect(r.events.incidents).toHaveLength(300);
    expect(r.events.incidents.filter((i) => i.acknowledgedAt !== undefined)).toHaveLength(295);
  });
});
