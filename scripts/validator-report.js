// Reads plugincheck2's JSON report: prints every finding, then "validate: N errors, M warnings (K explained)".
// Exits 1 on an error, on a warning not listed in the explained-warnings file, or when the validator failed.
const fs = require('fs');

const [reportPath, explainedPath, statusText] = process.argv.slice(2);
const status = Number(statusText);
let report;
try {
  report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
} catch (e) {
  console.log(`validate: plugincheck2 gave no JSON report (exit ${status}): ${e.message}`);
  process.exit(1);
}
// One explained warning per line: "<analyzer>: <title substring>  # why"; blank lines and comments are skipped.
const explained = fs
  .readFileSync(explainedPath, 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*$/, '').trim())
  .filter(Boolean)
  .map((line) => {
    const i = line.indexOf(':');
    return { analyzer: line.slice(0, i).trim(), title: line.slice(i + 1).trim() };
  });

let errors = 0;
let warnings = 0;
let explainedCount = 0;
for (const [analyzer, findings] of Object.entries(report['plugin-validator'] || {})) {
  for (const f of findings) {
    const line = `${f.Severity}: [${analyzer}] ${f.Title}${f.Detail ? ` (${f.Detail})` : ''}`;
    if (f.Severity === 'error') {
      errors++;
      console.log(line);
    } else if (f.Severity === 'warning') {
      const ok = explained.some((x) => x.analyzer === analyzer && f.Title.includes(x.title));
      if (ok) {
        explainedCount++;
        console.log(`${line} [explained in README]`);
      } else {
        warnings++;
        console.log(`${line} [not explained: fix it, or explain it in README and scripts/validator-warnings.txt]`);
      }
    } else {
      console.log(line);
    }
  }
}
console.log(
  `validate: ${errors} errors, ${warnings + explainedCount} warnings (${explainedCount} explained) for ${report.id} ${report.version}`
);
if (status !== 0 && errors === 0) {
  console.log(`validate: plugincheck2 exited ${status} without reporting an error`);
}
process.exit(errors > 0 || warnings > 0 || status !== 0 ? 1 : 0);
