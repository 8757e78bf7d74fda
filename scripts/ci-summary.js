// Prints one closing line for CI, "N passed, N failed", summing jest's JSON report and the browser test's report.
const fs = require('fs');

let passed = 0;
let failed = 0;
const reports = [
  ['jest', 'test-results/jest.json', (r) => [r.numPassedTests, r.numFailedTests]],
  ['browser', 'test-results/browser.json', (r) => [r.passed, r.failed]],
];
for (const [name, file, read] of reports) {
  if (!fs.existsSync(file)) {
    console.log(`${name}: no report at ${file}`);
    failed += 1;
    continue;
  }
  const [p, f] = read(JSON.parse(fs.readFileSync(file, 'utf8')));
  console.log(`${name}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
