import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import layout from './lint/layout.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // The CLI, benchmarks and browser tests are TypeScript outside src: lint them with their own tsconfigs.
    files: ['cli/**/*.ts', 'bench/**/*.ts', 'tests/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: ['./cli/tsconfig.json', './bench/engine/tsconfig.json', './bench/github/tsconfig.json', './tests/tsconfig.json'] },
    },
  },
  {
    // The folder rules of src/ (lint/layout.mjs, docs/design.md "Import rules"); everything outside the engine
    // uses its public API, src/engine/index.ts.
    files: ['src/**/*.{ts,tsx}', 'cli/**/*.ts', 'bench/**/*.ts', 'tests/**/*.{ts,tsx}'],
    plugins: { layout },
    rules: { 'layout/folders': 'error' },
  },
  {
    // The engine runs unchanged in a Go backend's ES2017 JavaScript VM (src/engine/purity.test.ts checks the same).
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@grafana/*', 'react', 'react-*', 'rxjs', 'rxjs/*'], message: 'The engine is pure TypeScript.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Intl', 'console', 'fetch', 'structuredClone'],
      'no-restricted-syntax': [
        'error',
        { selector: 'ForOfStatement[await=true]', message: 'No for await in the engine (ES2017 VM).' },
        {
          selector:
            'CallExpression[callee.property.name=/^(at|findLast|findLastIndex|toSorted|toReversed|toSpliced|replaceAll|flat|flatMap|groupBy)$/]',
          message: 'Not ES2017: the engine runs in an ES2017 VM.',
        },
      ],
    },
  },
]);
