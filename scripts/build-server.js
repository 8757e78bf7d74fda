// `npm run build:server`: the backend's JavaScript, one esbuild bundle of src/server/entry.ts that the Go
// backend embeds (pkg/plugin/runtime/dora.js, built, never committed). The bundle's test builds it the same way.
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUTFILE = path.join(ROOT, 'pkg', 'plugin', 'runtime', 'dora.js');

/** esbuild options: an IIFE assigning the entry's exports to the global `dora`, ES2017 for goja, no platform. */
function serverBuildOptions(outfile = OUTFILE) {
  return {
    entryPoints: [path.join(ROOT, 'src', 'server', 'entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2017',
    platform: 'neutral',
    globalName: 'dora',
    // Packages publish CommonJS or ESM under "main"/"module"; "neutral" reads neither by default.
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
    legalComments: 'none',
  };
}

async function buildServer(outfile = OUTFILE) {
  const esbuild = require('esbuild');
  await esbuild.build(serverBuildOptions(outfile));
  return outfile;
}

module.exports = { buildServer, serverBuildOptions, OUTFILE };

if (require.main === module) {
  buildServer().then(
    (file) => console.log(`build:server: ${path.relative(ROOT, file)}`),
    (e) => {
      console.error(e.message);
      process.exit(1);
    }
  );
}
