/** @jest-environment node */
import { DAY_MS } from '../../engine';
import { DemoSource } from './DemoSource';
import { demoCatalog } from './catalog';

const NOW = Date.parse('2025-06-15T12:00:00Z');
const range = { from: NOW - 30 * DAY_MS, to: NOW };

describe('DemoSource', () => {
  const source = new DemoSource({ seed: 7, now: () => NOW });

  it('is named demo and returns no notices (the data source adds the demo notice)', async () => {
    const result = await source.fetchEvents(range);
    expect(source.name).toBe('demo');
    expect(result.notices).toEqual([]);
  });

  it('returns the events of the range, deterministically for the same seed and now', async () => {
    const a = await source.fetchEvents(range);
    const b = await new DemoSource({ seed: 7, now: () => NOW }).fetchEvents(range);
    expect(a).toEqual(b);
    const { deployments, incidents, pipelineRuns, changes } = a.events;
    expect(deployments.length).toBeGreaterThan(100);
    expect(deployments.every((d) => d.finishedAt >= range.from && d.finishedAt <= range.to)).toBe(true);
    expect(pipelineRuns.every((r) => r.startedAt >= range.from && r.startedAt <= range.to)).toBe(true);
    expect(incidents.every((i) => i.createdAt <= range.to && (i.resolvedAt ?? Infinity) >= range.from)).toBe(true);
    // Commits older than the range come along (a deployment in range may ship them), but not too old.
    expect(changes.some((c) => c.committedAt < range.from)).toBe(true);
    expect(changes.every((c) => c.committedAt >= range.from - 90 * DAY_MS && c.committedAt <= range.to)).toBe(true);
  });

  it('includes the catalog', async () => {
    const result = await source.fetchEvents(range);
    expect(result.events.catalog).toEqual(demoCatalog());
  });

  it('gives other events for another seed', async () => {
    const a = await source.fetchEvents(range);
    const b = await new DemoSource({ seed: 8, now: () => NOW }).fetchEvents(range);
    expect(a.events.changes[0].sha).not.toBe(b.events.changes[0].sha);
  });

  it('follows the clock: nothing after now', async () => {
    const result = await source.fetchEvents({ from: NOW - DAY_MS, to: NOW + DAY_MS });
    expect(result.events.deployments.every((d) => d.finishedAt <= NOW)).toBe(true);
  });

  it('reports one ok health item', async () => {
    const items = await source.healthCheck();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'demo', status: 'ok' });
    expect(items[0].message).toContain('seed 7');
  });

  it('explains a bad seed instead of failing', async () => {
    const bad = new DemoSource({ seed: 1.5, now: () => NOW });
    const result = await bad.fetchEvents(range);
    expect(result.events.deployments).toEqual([]);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0].severity).toBe('error');
    expect(result.notices[0].text).toContain('seed 1.5');
    expect(result.notices[0].text).toContain('e.g. 42');
    const health = await bad.healthCheck();
    expect(health[0].status).toBe('error');
  });

  it('explains a clock that gives no instant', async () => {
    const result = await new DemoSource({ now: () => NaN }).fetchEvents(range);
    expect(result.events.deployments).toEqual([]);
    expect(result.notices[0]).toMatchObject({ severity: 'error' });
    expect(result.notices[0].text).toContain('the clock gave NaN');
  });

  it('rejects when the request is already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(source.fetchEvents(range, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('DemoSource on-call', () => {
  it('every demo service has a primary and a secondary on call now, handing over on Mondays at 09:00 UTC', async () => {
    const monday = Date.parse('2026-02-02T10:00:00Z');
    const { owners, notices } = await new DemoSource({ now: () => monday }).onCall();
    expect(notices).toEqual([]);
    const checkout = owners.filter((o) => o.service === 'Checkout API');
    expect(checkout.map((o) => [o.level, o.start, o.end])).toEqual([
      [1, Date.parse('2026-02-02T09:00:00Z'), Date.parse('2026-02-09T09:00:00Z')],
      [2, Date.parse('2026-02-02T09:00:00Z'), Date.parse('2026-02-09T09:00:00Z')],
    ]);
    expect(checkout[0].user).not.toBe(checkout[1].user);
    const nextWeek = await new DemoSource({ now: () => monday + 7 * 24 * 3600 * 1000 }).onCall();
    expect(nextWeek.owners.find((o) => o.service === 'Checkout API' && o.level === 1)?.user).toBe(checkout[1].user);
    expect(new Set(owners.map((o) => o.service)).size).toBe(8);
  });
});
