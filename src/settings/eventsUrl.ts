/**
 * Settings of the events URL source: the URLs serving an events file (docs/events-format.md), read through
 * the plugin.json routes `events/N` (no credentials) or `events-auth/N` (adds the bearer token kept in
 * secureJsonData). One reader for the data source, the config editor and the backend.
 */

import { EventsUrlSettings } from './model';

export type { EventsUrlSettings };

/** As many URLs as plugin.json has routes for. */
export const MAX_EVENTS_URLS = 5;
/** The largest file read: parsing more in a browser tab freezes it. */
export const MAX_EVENTS_FILE_MB = 64;
export const DEFAULT_EVENTS_TIMEOUT_SECONDS = 30;

export interface ResolvedEventsUrl {
  /** Index of the route: `events/<index>`. */
  index: number;
  url: string;
  /** What messages call the file: the URL without its query (which may hold a signature). */
  label: string;
}

export interface ResolvedEventsUrlSettings {
  urls: ResolvedEventsUrl[];
  timeoutMs: number;
}

/** The settings checked: a problem names the setting, the value and the fix, and is thrown as an Error. */
export function resolveEventsUrlSettings(settings: EventsUrlSettings | undefined): ResolvedEventsUrlSettings {
  const problems = eventsUrlProblems(settings);
  if (problems.length > 0) {
    throw new Error(problems.join(' '));
  }
  const urls = (settings?.urls ?? []).map((url, index) => ({ index, url: url.trim(), label: labelOf(url.trim()) }));
  const seconds = settings?.timeoutSeconds ?? DEFAULT_EVENTS_TIMEOUT_SECONDS;
  return { urls, timeoutMs: seconds * 1000 };
}

/** Every problem of the settings (the config editor shows them beside the fields). */
export function eventsUrlProblems(settings: EventsUrlSettings | undefined): string[] {
  const problems: string[] = [];
  const urls = settings?.urls ?? [];
  if (!Array.isArray(urls)) {
    return ['Events URL: the URLs must be a list; enter one URL per line in the data source settings.'];
  }
  if (urls.length === 0) {
    problems.push('Events URL: no URL is set; enter the URL of an events file (docs/events-format.md).');
  }
  if (urls.length > MAX_EVENTS_URLS) {
    problems.push(
      `Events URL: ${urls.length} URLs are set, at most ${MAX_EVENTS_URLS} are read; merge files or remove URLs.`
    );
  }
  urls.forEach((url, i) => {
    const problem = urlProblem(url);
    if (problem) {
      problems.push(`Events URL ${i + 1} ${JSON.stringify(url)} ${problem}`);
    }
  });
  const seconds = settings?.timeoutSeconds;
  if (seconds !== undefined && seconds !== null && !(typeof seconds === 'number' && seconds > 0 && seconds <= 600)) {
    problems.push(`Events URL: timeout ${JSON.stringify(seconds)} must be a number of seconds from 1 to 600.`);
  }
  return problems;
}

/** Why a URL cannot be read, or undefined. */
export function urlProblem(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') {
    return 'is empty; enter a URL such as https://ci.example.com/artifacts/events.json.';
  }
  const text = url.trim();
  if (!/^https?:\/\/[^/\s?#]+/i.test(text)) {
    return 'is not an http(s) URL; write it in full, e.g. https://ci.example.com/artifacts/events.json.';
  }
  if (/\s/.test(text)) {
    return 'contains spaces; encode them as %20.';
  }
  if (/^https?:\/\/[^/]*@/i.test(text)) {
    return 'carries a user name or password; remove it and put a token in the "Bearer token" field instead.';
  }
  return undefined;
}

/** scheme://host/path, without query or fragment. */
export function labelOf(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}
