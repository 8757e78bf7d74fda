/**
 * The folder rules of src/ as an ESLint rule (docs/design.md#import-rules). Imports run one way:
 *
 *   editors -> query, settings, engine (and types of datasource, and the bridge's column picker seam)
 *   datasource -> sources, frames, query, settings, engine
 *   sources -> settings, engine;  frames -> query, engine;  query, settings -> engine;  engine -> engine only
 *
 * and nothing outside src/engine reaches past its public API, src/engine/index.ts. A relative import is
 * resolved to the file it names, so the rule holds whatever the depth of the importing file.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Folders of src/ and the folders each may import from (besides itself); `files` are single files (relative to src/)
 * a folder may import besides. Folders not listed are not restricted.
 */
export const FOLDER_RULES = {
  engine: { may: [], why: 'the engine is pure and imports only itself' },
  query: { may: ['engine'], why: 'the query model knows the engine only' },
  settings: { may: ['engine'], why: 'the settings model knows the engine only' },
  frames: { may: ['engine', 'query'], why: 'frames turn engine results into data frames' },
  sources: { may: ['engine', 'settings'], why: 'a source maps its API to events' },
  datasource: {
    may: ['engine', 'query', 'settings', 'frames', 'sources', 'editors'],
    why: 'the data source runs queries',
  },
  editors: {
    may: ['engine', 'query', 'settings'],
    typesOnly: ['datasource'],
    // The data source bridge's column picker runs a mapping's query as the source will (same runner, query model
    // and row validation): one file, not the sources folder.
    files: ['sources/datasource/preview.ts'],
    why: 'editors are UI over the query and settings models',
  },
};

/** Test support outside the engine may build engine inputs with these. */
const ENGINE_TEST_BUILDERS = ['metrics/testing.ts', 'attribution/testBuilders.ts'];

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx', '.js', '.json'];

function resolve(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return candidate;
    }
  }
  return base;
}

/** Tests and their helpers (testing.ts, testing/ folders) may cross folders, never the engine's API. */
function isTestSupport(file) {
  return /\.test\.tsx?$/.test(file) || /(^|\/)testing(\/|\.tsx?$)/.test(file);
}

const folderRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the folders of src/ importing one way, and the engine behind its public API.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const src = path.join(context.cwd, 'src');
    const engine = path.join(src, 'engine');
    const room = (abs) => {
      const rel = path.relative(src, abs);
      return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep)[0];
    };
    const from = room(file);
    const rule = from && !isTestSupport(file) ? FOLDER_RULES[from] : undefined;

    function check(node, source, typeOnly) {
      const specifier = source && source.value;
      if (typeof specifier !== 'string') {
        return;
      }
      if (!specifier.startsWith('.')) {
        if (from === 'query' && !isTestSupport(file) && /^(react|react-dom|@grafana\/ui)(\/|$)/.test(specifier)) {
          context.report({ node, message: `src/query has no React: "${specifier}" belongs in src/editors.` });
        }
        return;
      }
      const target = resolve(file, specifier);
      const to = room(target);
      if (to === 'engine' && from !== 'engine') {
        const inside = path.relative(engine, target).split(path.sep).join('/');
        const allowed = inside === 'index.ts' || (isTestSupport(file) && ENGINE_TEST_BUILDERS.includes(inside));
        if (!allowed) {
          context.report({
            node,
            message: `Import the engine through its public API (src/engine/index.ts), not "${specifier}".`,
          });
          return;
        }
      }
      if (!rule || to === undefined || to === from) {
        return;
      }
      if (rule.may.includes(to) || (typeOnly && (rule.typesOnly ?? []).includes(to))) {
        return;
      }
      if ((rule.files ?? []).includes(path.relative(src, target).split(path.sep).join('/'))) {
        return;
      }
      const allowed = rule.may.concat((rule.typesOnly ?? []).map((f) => `types of ${f}`)).concat(rule.files ?? []);
      context.report({
        node,
        message:
          `src/${from} may not import src/${to} ("${specifier}"): ${rule.why}. ` +
          `It may import ${allowed.length > 0 ? allowed.map((f) => `src/${f}`).join(', ') : 'nothing outside itself'}.`,
      });
    }

    const typeOnlyImport = (node) =>
      node.importKind === 'type' ||
      (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
    };
  },
};

export default { rules: { folders: folderRule } };
