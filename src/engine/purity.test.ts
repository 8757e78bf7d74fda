/** @jest-environment node */
/**
 * The engine must run unchanged in a Go backend's JavaScript VM (ES2017, no Intl, no DOM, no fetch,
 * no console). Two checks: a syntax scan of every engine source file for forbidden imports, globals
 * and post-ES2017 library calls, and a compile of src/engine/index.ts against lib es2017 only.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ENGINE_DIR = path.resolve(__dirname);
const ENTRY = path.join(ENGINE_DIR, 'index.ts');

const FORBIDDEN_MODULES = /^(@grafana\/|react($|\/|-)|rxjs($|\/)|fs$|path$|http$|https$|node:)/;
/** Globals the VM lacks. DOM globals (window, document...) are left to the lib-es2017 compile below, so a local called window is fine. */
const FORBIDDEN_GLOBALS = new Set(['Intl', 'console', 'structuredClone']);
/** Methods newer than ES2017 (or not available in the target VM) when called as x.name(...). */
const FORBIDDEN_METHODS = new Set([
  'at',
  'findLast',
  'findLastIndex',
  'toSorted',
  'toReversed',
  'toSpliced',
  'replaceAll',
  'flatMap',
  'flat',
  'fromEntries',
  'groupBy',
  'hasOwn',
  'matchAll',
]);

function engineSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...engineSources(full));
    } else if (/\.ts$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** Every use of something the engine may not use, as "file:line: what". */
function violations(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${path.relative(ENGINE_DIR, fileName)}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (FORBIDDEN_MODULES.test(node.moduleSpecifier.text)) {
        report(node, `imports ${node.moduleSpecifier.text}`);
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === 'require' || node.expression.text === 'fetch')
    ) {
      report(node, `calls ${node.expression.text}()`);
    }
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isMemberName = parent && ts.isPropertyAccessExpression(parent) && parent.name === node;
      const isDeclaredName =
        parent &&
        (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) &&
        parent.name === node;
      if (!isMemberName && !isDeclaredName) {
        report(node, `uses ${node.text}`);
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      FORBIDDEN_METHODS.has(node.expression.name.text)
    ) {
      report(node, `calls .${node.expression.name.text}() (not ES2017)`);
    }
    if (ts.isForOfStatement(node) && node.awaitModifier) {
      report(node, 'uses for await');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The project's own compiler options (strictness and all), with the VM's library level and no DOM. */
function compilerOptions(): ts.CompilerOptions {
  const configPath = path.resolve(ENGINE_DIR, '../../tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    }
  );
  if (!parsed) {
    throw new Error(`cannot read ${configPath}`);
  }
  return {
    ...parsed.options,
    target: ts.ScriptTarget.ES2017,
    lib: ['lib.es2017.d.ts'],
    types: [],
    noEmit: true,
    skipLibCheck: true,
  };
}

const COMPILER_OPTIONS = compilerOptions();

function compileDiagnostics(entry: string): string[] {
  const program = ts.createProgram([entry], COMPILER_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) =>
    ts
      .formatDiagnostic(d, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => ENGINE_DIR,
        getNewLine: () => '\n',
      })
      .trim()
  );
}

describe('engine purity', () => {
  const files = engineSources(ENGINE_DIR);

  it('finds the engine sources', () => {
    expect(files).toContain(ENTRY);
    expect(files.some((f) => f.endsWith(path.join('metrics', 'scorecard.ts')))).toBe(true);
    expect(files.some((f) => /\.test\.ts$/.test(f))).toBe(false);
  });

  it('uses no Grafana, React, rxjs, Node, Intl, console, fetch or post-ES2017 library calls', () => {
    const found = files.flatMap((file) => violations(file, fs.readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan catches what it is meant to catch', () => {
    const bad = [
      "import { config } from '@grafana/runtime';",
      "import React from 'react';",
      'console.log(1);',
      'const f = new Intl.NumberFormat();',
      "fetch('x');",
      'const g = Object.groupBy([], () => 1);',
      'const last = [1].at(-1);',
      '[1].findLast(() => true);',
      '[1].toSorted();',
      "'a'.replaceAll('a', 'b');",
      'structuredClone({});',
      'async function f(xs: AsyncIterable<number>) { for await (const x of xs) { x; } }',
    ];
    for (const line of bad) {
      expect(violations('probe.ts', line)).toHaveLength(1);
    }
    // Names that merely look alike are fine: a property called "at", a comment, a string.
    expect(
      violations('probe.ts', "const finding = { at: 1 }; finding.at; // console.log\nconst s = 'fetch(';")
    ).toEqual([]);
  });

  it('compiles src/engine/index.ts with lib es2017 only (no DOM) without diagnostics', () => {
    expect(compileDiagnostics(ENTRY)).toEqual([]);
  });

  it('the compile check rejects post-ES2017 library and DOM use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-purity-'));
    try {
      const probe = path.join(dir, 'probe.ts');
      fs.writeFileSync(
        probe,
        "export const a = [1, [2]].flat();\nexport const b = 'x'.padStart(3);\nexport const c = document.title;\n"
      );
      const diagnostics = compileDiagnostics(probe);
      expect(diagnostics.join('\n')).toMatch(/flat/);
      expect(diagnostics.join('\n')).toMatch(/document/);
      expect(diagnostics.join('\n')).not.toMatch(/padStart/); // ES2017 is allowed
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
