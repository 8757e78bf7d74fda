import { incidentStart, incidentTimes } from './incidentTimes';
import { at, HOUR, incident } from './testBuilders';

describe('incidentTimes', () => {
  it('restore, detect and acknowledge times', () => {
    const i = incident('i', 2, { startedAt: at(1), acknowledgedAt: at(2.5), resolvedAt: at(5) });
    expect(incidentStart(i)).toBe(at(1));
    expect(incidentTimes(i)).toEqual({
      timeToRestoreMs: 4 * HOUR,
      timeToDetectMs: HOUR,
      timeToAcknowledgeMs: HOUR / 2,
    });
  });

  it('restore time counts from creation when the impact start is unknown; the rest is null', () => {
    const i = incident('i', 2, { resolvedAt: at(5) });
    expect(incidentStart(i)).toBe(at(2));
    expect(incidentTimes(i)).toEqual({ timeToRestoreMs: 3 * HOUR, timeToDetectMs: null, timeToAcknowledgeMs: null });
  });

  it('an unresolved incident has no restore time', () => {
    expect(incidentTimes(incident('i', 2)).timeToRestoreMs).toBeNull();
  });

  it('out-of-order pairs give null, not negative durations', () => {
    const i = incident('i', 2, { startedAt: at(3), acknowledgedAt: at(1), resolvedAt: at(2.5) });
    expect(incidentTimes(i)).toEqual({ timeToRestoreMs: null, timeToDetectMs: null, timeToAcknowledgeMs: null });
  });
});
