/**
 * What the Go backend installs in its JavaScript runtime before calling the entry (SERVER-CONTRACT in the
 * coordination notes, summarised in src/server/README.md): HTTP through the data source's routes, the clock,
 * time zone offsets and logging. The entry touches nothing else of its host.
 */
/** What host.request resolves, for every HTTP status: the body as text (the host does not encode it again). */
export interface HostResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Host {
  /** `{method, url, headers, body?}` as JSON, url = `/<route path>/<rest>`; resolves the response. */
  request(requestJson: string, signal?: AbortSignal): Promise<HostResponse>;
  now(): number;
  /** Minutes east of UTC of the IANA zone at the instant; throws for an unknown zone. */
  zoneOffsetMinutes(zone: string, ms: number): number;
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string): void;
}

/** The host of this runtime (a global the Go side defines), read when first used. */
export function currentHost(): Host {
  const found = (globalThis as { host?: Host }).host;
  if (!found) {
    throw new Error('The backend runtime has no host object; the entry cannot reach the network or the clock.');
  }
  return found;
}

/** The message of anything thrown, including errors made by the host (another realm: not `instanceof Error`). */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}
