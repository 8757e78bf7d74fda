/**
 * @jest-environment node
 */
// The folder rules fail lint on an import that breaks them, and the repository's lint config applies them.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import fs from 'node:fs';
import layout, { FOLDER_RULES } from './layout.mjs';

const root = path.resolve(__dirname, '..');
const linter = new Linter({ cwd: root, configType: 'flat' });
const rules = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tsParser },
    plugins: { layout },
    rules: { 'layout/folders': 'error' },
  },
];

/** The messages of the folder rule for `code` as if it were the file `file` (relative to the repository). */
function lint(file, code) {
  return linter.verify(code, rules, { filename: path.join(root, file) }).map((m) => m.message);
}

describe('folder rules', () => {
  it('are on for src, cli, bench and tests in the repository lint config (what npm run lint applies)', () => {
    // The config resolved by ESLint itself, in a child process (the config is ESM; jest runs CommonJS).
    const files = ['src/frames/x.ts', 'src/sources/gitlab/client.ts', 'src/editors/x.tsx', 'cli/x.ts', 'bench/x.ts'];
    const script =
      "import { ESLint } from 'eslint'; const e = new ESLint(); const out = {};" +
      `for (const f of ${JSON.stringify(files)}) { out[f] = (await e.calculateConfigForFile(f)).rules['layout/folders']; }` +
      'console.log(JSON.stringify(out));';
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    const severities = JSON.parse(stdout.trim().split('\n').pop());
    expect(Object.values(severities)).toEqual(files.map(() => [2]));
  }, 120000);

  it('keep the engine pure: it imports only itself', () => {
    expect(lint('src/engine/metrics/x.ts', "import { DoraQuery } from '../../query/model';")).toEqual([
      expect.stringMatching(/^src\/engine may not import src\/query .*the engine is pure/),
    ]);
    expect(lint('src/engine/metrics/x.ts', "import { DAY_MS } from '../options';")).toEqual([]);
  });

  it('keep everything else behind the engine public API', () => {
    expect(lint('src/frames/x.ts', "import { Deployment } from '../engine/model';")).toEqual([
      'Import the engine through its public API (src/engine/index.ts), not "../engine/model".',
    ]);
    expect(lint('cli/x.ts', "import { DAY_MS } from '../src/engine/options';")).toHaveLength(1);
    expect(lint('src/frames/x.ts', "import { Deployment } from '../engine';")).toEqual([]);
    // Tests may build engine inputs with its test builders.
    expect(lint('src/frames/x.test.ts', "import { deployment } from '../engine/metrics/testing';")).toEqual([]);
    expect(lint('src/frames/x.ts', "import { deployment } from '../engine/metrics/testing';")).toHaveLength(1);
  });

  it('keep frames and sources off the editors', () => {
    expect(lint('src/frames/x.ts', "import { Choice } from '../editors/query/choices';")).toEqual([
      expect.stringMatching(/^src\/frames may not import src\/editors/),
    ]);
    expect(lint('src/sources/gitlab/client.ts', "import { X } from '../../editors/ConfigEditor';")).toEqual([
      expect.stringMatching(/^src\/sources may not import src\/editors/),
    ]);
    expect(lint('src/sources/gitlab/client.ts', "import { DataSource } from '../../datasource/DataSource';")).toEqual([
      expect.stringMatching(/^src\/sources may not import src\/datasource/),
    ]);
    expect(lint('src/frames/x.ts', "import { METRIC_OPTIONS } from '../query/vocabulary';")).toEqual([]);
  });

  it('let editors import query, settings, engine and only types of the data source', () => {
    expect(lint('src/editors/x.tsx', "import { readSettings } from '../settings/reader';")).toEqual([]);
    expect(lint('src/editors/x.tsx', "import type { DataSource } from '../datasource/DataSource';")).toEqual([]);
    expect(lint('src/editors/x.tsx', "import { type DataSource } from '../datasource/DataSource';")).toEqual([]);
    expect(lint('src/editors/x.tsx', "import { DataSource } from '../datasource/DataSource';")).toEqual([
      expect.stringMatching(/^src\/editors may not import src\/datasource .*types of datasource/),
    ]);
    expect(lint('src/editors/x.tsx', "import { GitHubSource } from '../sources/github/source';")).toHaveLength(1);
  });

  it("let editors import the bridge's column picker seam, and no other file of the sources", () => {
    expect(lint('src/editors/config/x.tsx', "import { loadColumns } from '../../sources/datasource/preview';")).toEqual(
      []
    );
    expect(lint('src/editors/config/x.tsx', "import { rowsToEvents } from '../../sources/datasource/rows';")).toEqual([
      expect.stringMatching(/^src\/editors may not import src\/sources .*sources\/datasource\/preview\.ts/),
    ]);
    expect(lint('src/frames/x.ts', "import { loadColumns } from '../sources/datasource/preview';")).toHaveLength(1);
  });

  it('keep React out of the query model', () => {
    expect(lint('src/query/x.ts', "import React from 'react';")).toEqual([
      'src/query has no React: "react" belongs in src/editors.',
    ]);
  });

  it('let tests and their helpers cross folders', () => {
    expect(lint('src/frames/golden.test.ts', "import { DataSource } from '../datasource/DataSource';")).toEqual([]);
    expect(
      lint('src/sources/github/testing/x.ts', "import { EventCache } from '../../../datasource/eventCache';")
    ).toEqual([]);
  });

  it('are the ones docs/design.md lists under "Import rules"', () => {
    const design = fs.readFileSync(path.join(root, 'docs', 'design.md'), 'utf8');
    const section = design.split('### Import rules')[1].split('\n## ')[0];
    const documented = {};
    for (const [, folder, may] of section.matchAll(/^\| `(\w+)` +\| ([^|]+)\|/gm)) {
      const typesOnly = [...may.matchAll(/types only of (\w+)/g)].map((m) => m[1]);
      const files = [...may.matchAll(/the file `([^`]+)`/g)].map((m) => m[1]);
      const names = may
        .replace(/,? and the file `[^`]+`/g, '')
        .replace(/,? and types only of \w+/g, '')
        .replace('nothing outside itself', '');
      documented[folder] = {
        may: names
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== ''),
        typesOnly,
        files,
      };
    }
    const rules = Object.fromEntries(
      Object.entries(FOLDER_RULES).map(([folder, r]) => [
        folder,
        { may: r.may, typesOnly: r.typesOnly ?? [], files: r.files ?? [] },
      ])
    );
    expect(documented).toEqual(rules);
  });
});
