// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

// d3-color and friends ship .mjs; the scaffold's transform only matches .js/.ts.
const [[, swc]] = Object.entries(base.transform);

module.exports = {
  ...base,
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'yaml'])],
  // Tests sit next to their code: the plugin (src), the CLI (cli), the benchmarks' differential checks (bench) and
  // the folder rules (lint).
  testMatch: [
    ...base.testMatch,
    '<rootDir>/cli/**/*.test.ts',
    '<rootDir>/bench/**/*.test.ts',
    '<rootDir>/lint/**/*.test.mjs',
  ],
  // Shared 2-core machines: a slow test is not a failed one (speed is measured by `npm run bench`, not here).
  testTimeout: 30000,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
