import { grafanaTimeZone } from './timezone';

describe('grafanaTimeZone', () => {
  it('gives 0 for utc', () => {
    expect(grafanaTimeZone('utc').offsetMinutesAt(Date.UTC(2026, 6, 1))).toBe(0);
    expect(grafanaTimeZone('UTC').offsetMinutesAt(Date.UTC(2026, 0, 1))).toBe(0);
  });

  it('follows daylight saving time in an IANA zone, exactly at the transition', () => {
    const berlin = grafanaTimeZone('Europe/Berlin');
    expect(berlin.offsetMinutesAt(Date.UTC(2026, 0, 15))).toBe(60);
    expect(berlin.offsetMinutesAt(Date.UTC(2026, 6, 15))).toBe(120);
    // 2026-03-29 01:00 UTC: clocks go from 02:00 CET to 03:00 CEST.
    const switchAt = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(berlin.offsetMinutesAt(switchAt - 1)).toBe(60);
    expect(berlin.offsetMinutesAt(switchAt)).toBe(120);
    expect(grafanaTimeZone('America/New_York').offsetMinutesAt(Date.UTC(2026, 0, 15))).toBe(-300);
  });

  it("uses the browser's zone for 'browser' and the default (jest runs in UTC)", () => {
    expect(grafanaTimeZone('browser').offsetMinutesAt(Date.UTC(2026, 6, 1))).toBe(
      -new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()
    );
    expect(grafanaTimeZone('').offsetMinutesAt(Date.UTC(2026, 6, 1))).toBe(
      -new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()
    );
  });

  it('caches within 15-minute blocks but is exact in a block that holds a transition (India: half-hour zones too)', () => {
    const kolkata = grafanaTimeZone('Asia/Kolkata');
    expect(kolkata.offsetMinutesAt(Date.UTC(2026, 4, 1, 12, 7))).toBe(330);
    const lordHowe = grafanaTimeZone('Australia/Lord_Howe');
    // 2026-04-05 02:00 local (+11) -> 01:30 (+10:30): 2026-04-04 15:00 UTC.
    const t = Date.UTC(2026, 3, 4, 15, 0, 0);
    expect(lordHowe.offsetMinutesAt(t - 1)).toBe(660);
    expect(lordHowe.offsetMinutesAt(t)).toBe(630);
  });
});
