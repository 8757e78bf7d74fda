// `npm test`: every jest test, once (never watch mode), with a JSON report that .ci/run's summary reads; then,
// for the whole suite (no arguments), the Go backend's tests (`npm run test:go`).
const { spawnSync } = require('child_process');
const fs = require('fs');

fs.mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
const args = ['--ci', '--maxWorkers=2', '--json', '--outputFile=test-results/jest.json', ...extra];
const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit' });
if (result.status !== 0 || extra.length > 0) {
  process.exit(result.status ?? 1);
}
const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.status !== 0) {
  console.error('npm test: the Go backend tests need Go (see README, "Requirements"); install Go and run again.');
  process.exit(1);
}
const goTests = spawnSync('npm', ['run', '--silent', 'test:go'], { stdio: 'inherit' });
process.exit(goTests.status ?? 1);
