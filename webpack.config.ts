// Extends the scaffold's webpack config (https://grafana.com/developers/plugin-tools/how-to-guides/extend-configurations).
import type { Configuration } from 'webpack';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';
import { copyFilePatterns } from './.config/bundler/copyFiles.ts';

// The scaffold copies every src/**/*.json into the package. Golden frames and API fixtures are JSON too, and
// belong to the tests, not to what users install.
const TEST_DATA = ['**/__golden__/**', '**/testing/**', '**/*.test.json'];
for (const pattern of copyFilePatterns) {
  if (typeof pattern === 'object' && pattern.from === '**/*.json') {
    pattern.globOptions = { ...pattern.globOptions, ignore: TEST_DATA };
  }
}

export default (env: Env): Promise<Configuration> => grafanaConfig(env);
