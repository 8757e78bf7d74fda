/** Bundles the harness page with esbuild into a folder: index.html + harness.js (+ assets). */
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
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>DORA Metrics editors</title>' +
      '<link rel="stylesheet" href="harness.css" onerror="this.remove()"></head>' +
      '<body><div id="root"></div><script src="harness.js"></script></body></html>'
  );
}
