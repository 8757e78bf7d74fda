import { humanDuration } from './humanDuration';

describe('humanDuration', () => {
  it.each([
    [0, '0ms'],
    [999, '999ms'],
    [1000, '1s'],
    [90 * 1000, '1m 30s'],
    [3 * 3600e3 + 5 * 60e3, '3h 5m'],
    [3 * 3600e3 + 5e3, '3h'],
    [26 * 3600e3, '1d 2h'],
    [-2 * 3600e3, '-2h'],
  ])('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
