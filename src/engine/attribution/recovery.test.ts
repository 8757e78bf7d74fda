import { Findings } from './findings';
import { attribute } from './index';
import { recoveryOf } from './recovery';
import { at, chain, deploy, events, HOUR, incident, NOW } from './testBuilders';

describe('recoveryOf', () => {
  const failed = deploy('d', 'c', 10);

  it('without incidents: from the deployment finish to the fix deployment finish', () => {
    const findings = new Findings();
    expect(recoveryOf(failed, [], [deploy('fix', 'f', 13), deploy('later', 'g', 20)], findings)).toEqual({
      failureStartAt: at(10),
      restoredAt: at(13),
      restoredBy: 'fix',
      recoveryMs: 3 * HOUR,
    });
  });

  it('via the incident when it was resolved before the rollback', () => {
    const out = recoveryOf(
      failed,
      [incident('i', 12, { startedAt: at(11), resolvedAt: at(14) })],
      [deploy('rb', 'x', 15)],
      new Findings()
    );
    expect(out).toEqual({ failureStartAt: at(11), restoredAt: at(14), recoveryMs: 3 * HOUR });
  });

  it('via the rollback when it finished before the incident was resolved (and on a tie)', () => {
    const early = recoveryOf(
      failed,
      [incident('i', 12, { resolvedAt: at(16) })],
      [deploy('rb', 'x', 13)],
      new Findings()
    );
    expect(early).toEqual({ failureStartAt: at(12), restoredAt: at(13), restoredBy: 'rb', recoveryMs: HOUR });
    const tie = recoveryOf(
      failed,
      [incident('i', 12, { resolvedAt: at(13) })],
      [deploy('rb', 'x', 13)],
      new Findings()
    );
    expect(tie.restoredBy).toBe('rb');
  });

  it('starts at the earliest linked incident and ends at the earliest resolution', () => {
    const out = recoveryOf(
      failed,
      [
        incident('late', 14, { resolvedAt: at(15) }),
        incident('early', 12, { startedAt: at(11) }),
        incident('mid', 13, { resolvedAt: at(18) }),
      ],
      [],
      new Findings()
    );
    expect(out).toEqual({ failureStartAt: at(11), restoredAt: at(15), recoveryMs: 4 * HOUR });
  });

  it('is null while unrestored', () => {
    expect(recoveryOf(failed, [incident('open', 12)], [], new Findings())).toEqual({
      failureStartAt: at(12),
      recoveryMs: null,
    });
  });

  it('a restore before the failure start is reported, not clamped', () => {
    const findings = new Findings();
    const out = recoveryOf(failed, [incident('i', 14, { resolvedAt: at(20) })], [deploy('rb', 'x', 12)], findings);
    expect(out.recoveryMs).toBeNull();
    expect(out.restoredAt).toBe(at(12));
    expect(findings.sorted()).toEqual([
      expect.objectContaining({
        kind: 'out-of-order-timestamps',
        subject: 'd',
        message: expect.stringContaining('restored 2h before its failure started (by deployment rb)'),
      }),
    ]);
  });
});

describe('recovery in attribute()', () => {
  it('only failed deployments carry recovery fields', () => {
    const result = attribute(
      events({
        changes: chain('c', 6),
        deployments: [deploy('d1', 'c2', 2), deploy('d2', 'c5', 6), deploy('d3', 'c3', 9)],
        incidents: [incident('i1', 7, { resolvedAt: at(8) })],
      }),
      {},
      NOW
    );
    const [d1, d2, d3] = result.deployments;
    expect(d1.recoveryMs).toBeUndefined();
    expect(d3.recoveryMs).toBeUndefined();
    expect(d2.failureReasons).toEqual(['incident', 'rolled-back']);
    expect(d2).toEqual(expect.objectContaining({ failureStartAt: at(7), restoredAt: at(8), recoveryMs: HOUR }));
    expect(d2.restoredBy).toBeUndefined();
  });
});
