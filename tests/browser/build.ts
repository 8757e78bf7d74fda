/**
 * Bundles the harness pages with esbuild into a folder: index.html + harness.js (the editors, + assets), and
 * perf.html + perf.js + perf-worker.js (the performance page and the query worker, src/datasource/worker.ts).
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

export async function buildHarness(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'harness', 'main.tsx')],
    bundle: true,
    outfile: join(outDir, 'harness.js'),
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'transform',
    minify: false,
    sourcemap: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file' },
  });
  const common = {
    bundle: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    target: 'chrome120',
    minify: false,
    sourcemap: false,
    logLevel: 'error' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: {
      '.svg': 'file',
      '.png': 'file',
      '.woff': 'file',
      '.woff2': 'file',
      '.ttf': 'file',
      '.eot': 'file',
    } as const,
  };
  await build({
    ...common,
    entryPoints: [join(__dirname, 'harness', 'perf.ts')],
    outfile: join(outDir, 'perf.js'),
    define: { ...common.define, global: 'window' },
  });
  await build({
    ...common,
    entryPoints: [join(__dirname, '..', '..', 'src', 'datasource', 'worker.ts')],
    outfile: join(outDir, 'perf-worker.js'),
  });
  writeFileSync(
    join(outDir, 'perf.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>DORA Metrics performance</title></head>' +
      '<body><script src="perf.js"></script></body></html>'
  );
  // Grafana serves this icon itself (Combobox shows it while options load); @grafana/ui does not ship it.
  const unicons = join(outDir, 'public', 'build', 'img', 'icons', 'unicons');
  mkdirSync(unicons, { recursive: true });
  writeFileSync(
    join(unicons, 'spinner.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a10 10 0 1 0 10 10" ' +
      'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>'
  );
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>DORA Metrics editors</title>' +
      '<link rel="stylesheet" href="harness.css" onerror="this.remove()"></head>' +
      '<body><div id="root"></div><script src="harness.js"></script></body></html>'
  );
}
