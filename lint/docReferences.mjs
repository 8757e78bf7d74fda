/**
 * Finds the references to the project's documents in its files and checks that each one resolves inside the
 * repository: a cited `docs/<file>.md` exists, a cited `#anchor` is a heading of that file, a Markdown link
 * names a file (and heading) that exists, and nothing cites documents the repository does not hold.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Folders and files whose references are checked (relative to the repository). */
export const CHECKED = [
  'src',
  'pkg',
  'cli',
  'bench',
  'tests',
  'scripts',
  'lint',
  'docs',
  '.ci',
  'README.md',
  'eslint.config.mjs',
];

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', 'test-results']);
/** Built, never committed (scripts/build-server.js). */
const SKIPPED_FILES = new Set(['pkg/plugin/runtime/dora.js']);
const CODE = /\.(ts|tsx|js|mjs|cjs|go|sql|sh)$/;

/** Documents kept outside the repository; citing them leaves the reader with nothing to open. */
const OUTSIDE = new RegExp('\\b(' + ['METRICS', 'DESIGN'].join('|') + ')\\.md\\b', 'g');

/** `docs/<path>.md`, optionally `#anchor`, not part of a URL or a longer path. */
const DOCS_CITATION = /(?<![\w./-])docs\/((?:[\w.-]+\/)*[\w.-]+\.md)(#[\w-]+)?/g;

/** Markdown links and images: [text](target). */
const MARKDOWN_LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text, as GitHub makes them (a repeated heading gets -1, -2...). */
export function anchors(markdown) {
  const seen = new Map();
  const out = new Set();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) {
      continue;
    }
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

/**
 * The references of one file's text: `{ line, target, anchor, kind }`, target relative to the repository.
 * kind 'outside' marks a citation of a document the repository does not hold.
 */
export function references(file, text) {
  const out = [];
  for (const m of text.matchAll(OUTSIDE)) {
    out.push({ line: lineOf(text, m.index), target: m[0], kind: 'outside' });
  }
  const isTest = /\.test\.[cm]?[jt]sx?$/.test(file);
  if ((CODE.test(file) || file.endsWith('.md')) && !isTest) {
    for (const m of text.matchAll(DOCS_CITATION)) {
      out.push({ line: lineOf(text, m.index), target: `docs/${m[1]}`, anchor: m[2]?.slice(1), kind: 'citation' });
    }
  }
  if (file.endsWith('.md')) {
    for (const m of text.matchAll(MARKDOWN_LINK)) {
      const link = m[1].replace(/^<|>$/g, '');
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
        continue; // http:, https:, mailto:
      }
      const [target, anchor] = link.split('#');
      const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      out.push({ line: lineOf(text, m.index), target: resolved, anchor: anchor || undefined, kind: 'link' });
    }
  }
  // A Markdown link into docs/ is also a citation: keep one of the two.
  const seen = new Set();
  return out
    .filter((r) => {
      const key = `${r.line} ${r.target}#${r.anchor ?? ''}`;
      return seen.has(key) ? false : seen.add(key);
    })
    .sort((a, b) => a.line - b.line);
}

function walk(root, rel, files) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) {
    return;
  }
  const stat = fs.statSync(abs);
  if (stat.isFile()) {
    if (CODE.test(rel) || rel.endsWith('.md')) {
      files.push(rel.split(path.sep).join('/'));
    }
    return;
  }
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.isSymbolicLink() || SKIPPED_FOLDERS.has(entry.name)) {
      continue;
    }
    walk(root, path.join(rel, entry.name), files);
  }
}

/** Every reference in the checked files of `root` that does not resolve, as "file:line: problem" lines. */
export function brokenReferences(root, checked = CHECKED, skip = []) {
  const files = [];
  for (const rel of checked) {
    walk(root, rel, files);
  }
  const anchorsOf = new Map();
  const problems = [];
  for (const file of files) {
    if (skip.includes(file) || SKIPPED_FILES.has(file)) {
      continue;
    }
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const ref of references(file, text)) {
      const where = `${file}:${ref.line}`;
      if (ref.kind === 'outside') {
        problems.push(`${where}: cites ${ref.target}, which is not in the repository; cite docs/ instead`);
        continue;
      }
      const abs = path.join(root, ref.target);
      if (ref.target.startsWith('..') || !fs.existsSync(abs)) {
        problems.push(`${where}: ${ref.target} does not exist`);
        continue;
      }
      if (ref.anchor === undefined || !ref.target.endsWith('.md')) {
        continue;
      }
      if (!anchorsOf.has(ref.target)) {
        anchorsOf.set(ref.target, anchors(fs.readFileSync(abs, 'utf8')));
      }
      if (!anchorsOf.get(ref.target).has(ref.anchor)) {
        problems.push(`${where}: ${ref.target} has no heading #${ref.anchor}`);
      }
    }
  }
  return problems;
}
