/** @jest-environment node */
/**
 * The demo is designed to show the whole range of performance: run through the real engine, its services land
 * in different levels, and the data-quality view shows each deliberate problem.
 */
import { attribute, computeScorecard, DAY_MS, UTC } from '../../engine';
import { DemoSource } from './DemoSource';

const NOW = Date.parse('2025-06-15T12:00:00Z');
const LOOKBACK_MS = 30 * DAY_MS;

describe.each([42, 7, 1])('the demo through the engine, seed %i, last 90 days', (seed) => {
  const range = { from: NOW - 90 * DAY_MS, to: NOW };
  let attributed: ReturnType<typeof attribute>;

  beforeAll(async () => {
    const source = new DemoSource({ seed, now: () => NOW });
    const { events } = await source.fetchEvents({ from: range.from - LOOKBACK_MS, to: range.to });
    attributed = attribute(events, {}, NOW);
  });

  it('spreads the services over at least 3 levels of lead time and of deployment frequency', () => {
    const rows = computeScorecard(attributed, { groupBy: 'service', range, zone: UTC }).filter(
      (r) => r.deployments > 0
    );
    expect(rows.map((r) => r.group).sort()).toEqual(
      ['api-gateway', 'auth', 'billing', 'checkout', 'ledger', 'notifications', 'search', 'web-frontend'].sort()
    );
    const levels = (pick: (r: (typeof rows)[number]) => string | null) => new Set(rows.map(pick));
    expect(levels((r) => r.levels.leadTime).size).toBeGreaterThanOrEqual(3);
    expect(levels((r) => r.levels.deploymentFrequency).size).toBeGreaterThanOrEqual(3);
    const byName = (name: string) => rows.filter((r) => r.group === name)[0];
    expect(byName('checkout').levels).toMatchObject({ deploymentFrequency: 'elite', leadTime: 'elite' });
    expect(byName('checkout').levels.recoveryTime).toBe('elite');
    expect(byName('billing').levels).toMatchObject({ deploymentFrequency: 'low', leadTime: 'low' });
    expect(byName('billing').changeFailRate).toBeGreaterThan(0.15);
  });

  it('shows every deliberate data-quality problem', () => {
    const kinds = new Set(attributed.dataQuality.map((f) => f.kind));
    ['non-positive-lead-time', 'unknown-service', 'out-of-order-timestamps', 'unlinked-incident'].forEach((kind) =>
      expect(kinds).toContain(kind)
    );
    // The service launched inside the range has a first deployment with unknown changes.
    const unknownChanges = attributed.dataQuality.filter((f) => f.kind === 'unknown-changes').map((f) => f.service);
    expect(unknownChanges).toContain('notifications');
    expect(attributed.dataQuality.filter((f) => f.kind === 'future-timestamp')).toEqual([]);
    expect(attributed.dataQuality.filter((f) => f.kind === 'invalid-event')).toEqual([]);
    expect(attributed.dataQuality.filter((f) => f.kind === 'duplicate-event')).toEqual([]);
  });

  it('links incidents by every method', () => {
    const methods = new Set(attributed.incidents.map((i) => i.link.method));
    expect(methods).toEqual(new Set(['explicit', 'service-window', 'none']));
  });

  it('has every failure and rework reason', () => {
    const reasons = new Set<string>();
    attributed.deployments.forEach((d) => [...d.failureReasons, ...d.reworkReasons].forEach((r) => reasons.add(r)));
    ['incident', 'rolled-back', 'hotfix', 'revert', 'fix-forward', 'rollback'].forEach((r) =>
      expect(reasons).toContain(r)
    );
  });
});
