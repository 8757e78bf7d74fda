// `npm test`: every jest test, once (never watch mode), with a JSON report that .ci/run's summary reads.
const { spawnSync } = require('child_process');
const fs = require('fs');

fs.mkdirSync('test-results', { recursive: true });
const args = ['--ci', '--maxWorkers=2', '--json', '--outputFile=test-results/jest.json', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
