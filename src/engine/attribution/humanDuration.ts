/** Short durations for explanations ("3h 5m"), computed by hand because the engine may not use the Intl API. */
const UNITS = ['d', 'h', 'm', 's'];
const SIZES = [86400000, 3600000, 60000, 1000];

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
  // Indexed, not for..of over pairs: no iterator and no destructuring per unit (an incident each).
  for (let k = 0; k < SIZES.length; k++) {
    const size = SIZES[k];
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${UNITS[k]}`);
      rest %= size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return sign + parts.join(' ');
}
