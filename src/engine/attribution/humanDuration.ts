/** Short durations for explanations ("3h 5m"), computed by hand because the engine may not use the Intl API. */
const UNITS: Array<[string, number]> = [
  ['d', 86400000],
  ['h', 3600000],
  ['m', 60000],
  ['s', 1000],
];

export function humanDuration(ms: number): string {
  if (!isFinite(ms)) {
    return String(ms);
  }
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) {
    return `${sign}${rest}ms`;
  }
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return sign + parts.join(' ');
}
