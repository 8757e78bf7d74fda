/** A problem in a provider's settings, as the config editor shows it while the user types and the source reports it. */

export interface SettingsProblem {
  /** The settings field: apiUrl, repositories (line N), applications, ... */
  field: string;
  message: string;
}

/** The Error a source throws when it cannot run on its settings: every problem, each with its field. */
export function settingsError(provider: string, problems: SettingsProblem[]): Error {
  return new Error(`${provider} settings are invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
}

/** An http(s) URL of a server the data source reaches (its proxy route or the backend). Null when valid. */
export function serverUrlProblem(field: string, url: string | undefined, example: string): SettingsProblem | null {
  const value = (url ?? '').trim();
  if (value === '') {
    return { field, message: `${field} is empty; enter the server's URL, e.g. ${example}.` };
  }
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value)) {
    return { field, message: `${field} "${url}" is not an http(s) URL without query; use e.g. ${example}.` };
  }
  return null;
}

/** The URL as the proxy route reads it: trimmed, without trailing slashes. */
export function trimUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** A source's timeoutSeconds (how long a query may wait out rate limits): 1 to 600, or unset. Null when valid. */
export function timeoutProblem(timeout: unknown): SettingsProblem | null {
  if (timeout === undefined || (typeof timeout === 'number' && timeout > 0 && timeout <= 600)) {
    return null;
  }
  return { field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` };
}
