/** Query strings for the providers' REST calls: undefined values are left out, arrays repeat their key. */

export type QueryValue = string | number | boolean | undefined | Array<string | number>;

/** "?a=1&b=x%20y&ids[]=1&ids[]=2", or "" when nothing is set. Keys are used as given (e.g. "service_ids[]"). */
export function queryString(query?: Record<string, QueryValue>): string {
  if (!query) {
    return '';
  }
  const parts: string[] = [];
  for (const key of Object.keys(query)) {
    const value = query[key];
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const v of values) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
