/**
 * Where the backend's JavaScript runtime would read the data source's case-insensitive patterns differently
 * from a browser, so the server refuses instead of computing different numbers.
 *
 * Browsers fold case the way JavaScript specifies it for patterns without the u flag; the server's runtime
 * folds with Unicode's simple case folding, which also pairs look-alike characters: "k" matches the Kelvin
 * sign U+212A, "s" the long s U+017F, "å" the Angstrom sign U+212B, and a few more (list below, found by
 * comparing both foldings over the whole Basic Multilingual Plane). The two readings only differ when one of
 * these characters is in a pattern (literally, escaped, or inside a class range) or in a text a pattern reads.
 * `\p{...}` is a Unicode property to the server but the literal text "p{...}" to a browser's pattern.
 */
import { Change, Deployment, DoraEvents } from '../engine';

/** Characters whose case-insensitive matching differs between the two runtimes (see above). */
const EXOTIC_RANGES: Array<[number, number]> = [
  [0x017f, 0x017f], // LATIN SMALL LETTER LONG S
  [0x03f4, 0x03f4], // GREEK CAPITAL THETA SYMBOL
  [0x1e9e, 0x1e9e], // LATIN CAPITAL LETTER SHARP S
  [0x1f80, 0x1faf], // Greek letters with ypogegrammeni
  [0x1fb3, 0x1fb3],
  [0x1fbc, 0x1fbc],
  [0x1fc3, 0x1fc3],
  [0x1fcc, 0x1fcc],
  [0x1ff3, 0x1ff3],
  [0x1ffc, 0x1ffc],
  [0x2126, 0x2126], // OHM SIGN
  [0x212a, 0x212b], // KELVIN SIGN, ANGSTROM SIGN
];

const EXOTIC = new RegExp(
  '[' + EXOTIC_RANGES.map(([a, b]) => (a === b ? uEscape(a) : `${uEscape(a)}-${uEscape(b)}`)).join('') + ']'
);

function uEscape(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}

function describeChar(code: number): string {
  return `"${String.fromCharCode(code)}" (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

const FIX =
  'so it would match differently on the Grafana server than in browsers. Remove that character, or run ' +
  'queries in the browser (data source settings, "Run queries in").';

/** Why `pattern` (a setting of `name`) cannot run on the server, or undefined. */
export function serverPatternProblem(name: string, pattern: string): string | undefined {
  if (/\\[pP]\{/.test(pattern)) {
    return (
      `Setting ${name} "${pattern}" uses a Unicode property (\\p{...}), which browsers read as the text "p{...}" ` +
      `and the Grafana server as a character class; write the characters out instead (e.g. [a-zäöü]).`
    );
  }
  const code = exoticIn(pattern);
  if (code !== undefined) {
    return `Setting ${name} "${pattern}" contains ${describeChar(code)}, ${FIX}`;
  }
  const range = exoticRange(pattern);
  if (range) {
    return `Setting ${name} "${pattern}" has the class range ${range} that includes look-alike letters, ${FIX}`;
  }
  return undefined;
}

/** Problems of every text setting (any of them may be a pattern or a name that patterns read). */
export function settingsPatternProblems(jsonData: unknown): string[] {
  const problems: string[] = [];
  walk(jsonData, '', 0, (name, text) => {
    const problem = serverPatternProblem(name, text);
    if (problem) {
      problems.push(problem);
    }
  });
  return problems;
}

/** Where each list's unread events start: the events before were found free of such characters. */
interface Checked {
  deployments: number;
  changes: number;
}

const FROM_START: Checked = { deployments: 0, changes: 0 };

/**
 * The check of event texts for one data source instance. Sources keep unchanged events as the same objects in
 * the same order (an events file answering 304, a cached page), so each evaluation reads only the events after
 * the part of each list that equals the lists last found clean: comparing references is cheap in the backend's
 * runtime, where remembering each event in a WeakSet cost microseconds per event.
 */
export function eventTextChecker(): (events: DoraEvents) => string | undefined {
  let clean: { deployments: readonly Deployment[]; changes: readonly Change[] } = { deployments: [], changes: [] };
  return (events) => {
    const checked = {
      deployments: commonPrefix(clean.deployments, events.deployments),
      changes: commonPrefix(clean.changes, events.changes),
    };
    const problem = eventTextProblem(events, checked);
    if (
      problem === undefined &&
      (checked.deployments !== clean.deployments.length ||
        checked.deployments !== events.deployments.length ||
        checked.changes !== clean.changes.length ||
        checked.changes !== events.changes.length)
    ) {
      // Copies: a source may append to the list it handed over.
      clean = { deployments: events.deployments.slice(), changes: events.changes.slice() };
    }
    return problem;
  };
}

function commonPrefix<T>(a: readonly T[], b: readonly T[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) {
    i++;
  }
  return i;
}

/** The first text the engine's patterns read that holds such a character, as a message; or undefined. */
export function eventTextProblem(events: DoraEvents, checked: Checked = FROM_START): string | undefined {
  const deployments = events.deployments;
  for (let i = checked.deployments; i < deployments.length; i++) {
    const d = deployments[i];
    // One test over the texts joined (a character class matches one character, never across the joins), and
    // the message only for the rare event that has such a character.
    if (EXOTIC.test(`${d.environment}\n${d.title ?? ''}\n${d.ref ?? ''}`)) {
      const found = firstExotic([d.environment, d.title, d.ref]);
      if (found) {
        return `Deployment ${d.id} (${d.service}) has ${found}`;
      }
    }
  }
  const changes = events.changes;
  for (let i = checked.changes; i < changes.length; i++) {
    const c = changes[i];
    const pr = c.pullRequest;
    const texts = pr
      ? `${c.message ?? ''}\n${pr.title ?? ''}\n${pr.branch ?? ''}\n${(pr.labels ?? []).join('\n')}`
      : c.message;
    if (texts !== undefined && EXOTIC.test(texts)) {
      const found = firstExotic([c.message, pr?.title, pr?.branch].concat(pr?.labels ?? []));
      if (found) {
        return `Change ${c.sha} of ${c.repo} has ${found}`;
      }
    }
  }
  return undefined;
}

/** "the character "K" (U+212A) in "Kelvin fix", so it would match ..." for the first text that has one. */
function firstExotic(texts: Array<string | undefined>): string | undefined {
  for (const text of texts) {
    if (text !== undefined && EXOTIC.test(text)) {
      const code = exoticIn(text)!;
      const shown = text.length > 60 ? text.slice(0, 57) + '...' : text;
      return `the character ${describeChar(code)} in "${shown}", which the data source's case-insensitive patterns read; ${FIX.replace('Remove that character', 'Replace it at the source')}`;
    }
  }
  return undefined;
}

/** The first exotic character of the text, written or escaped (\uXXXX, \u{X}, \xXX). */
function exoticIn(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    if (isExotic(text.charCodeAt(i))) {
      return text.charCodeAt(i);
    }
  }
  const escape = /\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g;
  for (let m = escape.exec(text); m; m = escape.exec(text)) {
    const code = parseInt(m[1] ?? m[2] ?? m[3], 16);
    if (isExotic(code)) {
      return code;
    }
  }
  return undefined;
}

/** A class range "a-b" (characters or escapes) spanning an exotic character, e.g. "À-ž". */
function exoticRange(pattern: string): string | undefined {
  const char = String.raw`(\\u\{[0-9a-fA-F]+\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|[^\\\]])`;
  const range = new RegExp(char + '-' + char, 'g');
  for (let m = range.exec(pattern); m; m = range.exec(pattern)) {
    const lo = codeOf(m[1]);
    const hi = codeOf(m[2]);
    if (EXOTIC_RANGES.some(([a, b]) => a <= hi && b >= lo)) {
      return m[0];
    }
  }
  return undefined;
}

function codeOf(token: string): number {
  if (token.length === 1) {
    return token.charCodeAt(0);
  }
  const hex = token.replace(/^\\[ux]\{?|\}$/g, '');
  return parseInt(hex, 16);
}

function isExotic(code: number): boolean {
  for (const [a, b] of EXOTIC_RANGES) {
    if (code >= a && code <= b) {
      return true;
    }
  }
  return false;
}

function walk(value: unknown, path: string, depth: number, visit: (name: string, text: string) => void): void {
  if (depth > 6) {
    return;
  }
  if (typeof value === 'string') {
    visit(path || 'value', value);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, depth + 1, visit));
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      walk(inner, path ? `${path}.${key}` : key, depth + 1, visit);
    }
  }
}
