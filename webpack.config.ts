// Extends the scaffold's webpack config (https://grafana.com/developers/plugin-tools/how-to-guides/extend-configurations).
import type { Compiler, Configuration } from 'webpack';
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

/**
 * What Grafana downloads before the plugin can do anything: module.js. Editors and the query pipeline are
 * chunks loaded on first use (src/editors/lazy.tsx, DataSource's runner); a production build above this fails.
 */
const INITIAL_BUNDLE_LIMIT = 250 * 1024;
/** Lazily loaded chunks may be larger (the query pipeline is one), but not without bound. */
const CHUNK_LIMIT = 600 * 1024;

/** Prints the initial bundle's size and every chunk's, so each build reports them. */
class BundleSizeReport {
  apply(compiler: Compiler) {
    compiler.hooks.afterEmit.tap('BundleSizeReport', (compilation) => {
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
      const initial = compilation.entrypoints.get('module')?.getFiles() ?? [];
      const size = (file: string) =>
        compilation.getAsset(file)?.info.size ?? compilation.getAsset(file)?.source.size() ?? 0;
      const initialBytes = initial.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + size(f), 0);
      const chunks = compilation
        .getAssets()
        .filter((a) => /\.js(\?|$)/.test(a.name) && !initial.includes(a.name))
        .map((a) => `${a.name.split('?')[0]} ${kib(a.source.size())}`);
      console.log(
        `bundle: initial ${kib(initialBytes)} (limit ${kib(INITIAL_BUNDLE_LIMIT)}); lazy chunks: ${chunks.join(', ')}`
      );
    });
  }
}

export default async (env: Env): Promise<Configuration> => {
  const config = await grafanaConfig(env);
  return {
    ...config,
    plugins: [...(config.plugins ?? []), new BundleSizeReport()],
    performance: env.production
      ? {
          hints: 'error',
          maxEntrypointSize: INITIAL_BUNDLE_LIMIT,
          maxAssetSize: CHUNK_LIMIT,
          assetFilter: (file: string) => /\.js(\?|$)/.test(file),
        }
      : config.performance,
  };
};
