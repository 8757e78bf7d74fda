/**
 * The "one item per line, with key=value overrides" syntax the config editor uses for GitHub repositories and
 * GitLab projects: "# comments", blank lines, one name per line, each override a known key. Problems name the line,
 * the value and the fix; the provider checks the values themselves.
 */
import { SettingsProblem } from './settingsProblem';

export interface RuleLine<R> {
  name: string;
  overrides: R;
}

export interface RuleLineSyntax<R> {
  /** What the lines list, for messages: "repositories", "projects". */
  field: string;
  /** A valid name. */
  name: RegExp;
  /** The fix for a bad name, e.g. 'owner/name (e.g. grafana/grafana)'. */
  nameHint: string;
  /** Line keys -> rule fields. */
  keys: Record<string, keyof R>;
  /** Problems of one line's overrides (the provider's value checks), without the field. */
  check: (overrides: R) => string[];
}

export function parseRuleLines<R extends object>(
  text: string,
  syntax: RuleLineSyntax<R>
): { lines: Array<RuleLine<R>>; problems: SettingsProblem[] } {
  const lines: Array<RuleLine<R>> = [];
  const problems: SettingsProblem[] = [];
  const seen: Record<string, boolean> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const field = `${syntax.field} line ${index + 1}`;
    if (line === '' || line.charAt(0) === '#') {
      return;
    }
    const [name, ...tokens] = line.split(/\s+/);
    if (!syntax.name.test(name)) {
      problems.push({ field, message: `"${name}" is not ${syntax.nameHint}.` });
      return;
    }
    if (seen[name.toLowerCase()]) {
      problems.push({ field, message: `${name} is listed twice; keep one line.` });
      return;
    }
    seen[name.toLowerCase()] = true;
    const overrides = {} as R;
    for (const token of tokens) {
      const eq = token.indexOf('=');
      const key = eq > 0 ? token.slice(0, eq) : token;
      const target = syntax.keys[key];
      if (!target) {
        const known = Object.keys(syntax.keys).join(', ');
        problems.push({ field, message: `"${token}" is not key=value with a known key (${known}).` });
        continue;
      }
      (overrides as Record<string, string>)[target as string] = token.slice(eq + 1);
    }
    for (const message of syntax.check(overrides)) {
      problems.push({ field, message: `${name}: ${message}` });
    }
    lines.push({ name, overrides });
  });
  return { lines, problems };
}

/** Rules after overrides: a defined override wins over the default. */
export function withOverrides<R extends object>(defaults: R, overrides: R): R {
  const out = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out as R;
}

/** Comma-separated labels; empty entries dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
