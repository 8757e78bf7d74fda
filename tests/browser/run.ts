/**
 * `npm run test:browser`: bundles the harness page (the real ConfigEditor, QueryEditor, query help, variable and
 * annotation editors in Grafana's theme, on the demo data),
 * serves it on 127.0.0.1, drives Debian's Chromium through playwright-core, runs the checks, saves screenshots
 * to docs/screenshots/ and prints "browser: N passed, M failed". Exits non-zero on any failure.
 * Then the performance checks (perfChecks.ts): the dashboards' panels on a 1/10-scale events file, with the query
 * worker and on the main thread, long tasks measured, and cancellation. `-- --only editors|perf` runs one part;
 * `-- --grep TEXT` runs only the editor checks whose name contains TEXT (no perf part, no full-page screenshot).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { buildHarness } from './build';
import { launchChromium } from './chromium';
import { CHECKS } from './checks';
import { serveFolder } from './server';
import { perfChecks, writeEventsFile } from './perfChecks';

const REPORT_DIR = resolve(__dirname, '..', '..', 'test-results');
const SCREENSHOTS = resolve(__dirname, '..', '..', 'docs', 'screenshots');
/** Screenshots the plugin catalog shows (plugin.json info.screenshots): packaged, so they live under src/. */
const CATALOG_SCREENSHOTS = resolve(__dirname, '..', '..', 'src', 'img', 'screenshots');
const CATALOG_COPIES: Array<[string, string]> = [
  ['config-editor.png', 'config-editor.png'],
  ['query-editor-metric.png', 'query-editor.png'],
];
const GRAFANA_UI_IMAGES = resolve(__dirname, '..', '..', 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img');

async function main(): Promise<number> {
  const onlyAt = process.argv.indexOf('--only');
  const grepAt = process.argv.indexOf('--grep');
  const grep = grepAt >= 0 ? process.argv[grepAt + 1] : undefined;
  const only = grep !== undefined ? 'editors' : onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  const out = mkdtempSync(join(tmpdir(), 'dora-harness-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildHarness(out);
  const eventsFile = only === 'editors' ? undefined : writeEventsFile(out);
  const server = await serveFolder(out, { '/public/build/img/': GRAFANA_UI_IMAGES });
  const context = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') {
        pageErrors.push(m.text());
      }
    });
    page.on('response', (r) => {
      if (r.status() >= 400) {
        pageErrors.push(`${r.status()} ${r.url()}`);
      }
    });
    // Only the harness server is reachable: any other request is a bug of the page (and must not leave the machine).
    await context.route('**/*', (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort()
    );
    await page.goto(server.url, { waitUntil: 'load' });
    const checks = only === 'perf' ? [] : CHECKS.filter((c) => grep === undefined || c.name.includes(grep));
    for (const check of checks) {
      const errorsBefore = pageErrors.length;
      try {
        await check.run(page, SCREENSHOTS);
        if (pageErrors.length > errorsBefore) {
          throw new Error(`the page logged errors: ${pageErrors.slice(errorsBefore).join(' | ')}`);
        }
        passed++;
        console.log(`  ok   ${check.name}`);
      } catch (e) {
        failed++;
        console.log(`  FAIL ${check.name}: ${e instanceof Error ? e.message : String(e)}`);
        await page.screenshot({ path: join(out, `failed-${failed}.png`), fullPage: true }).catch(() => undefined);
      }
    }
    if (eventsFile) {
      for (const result of await perfChecks(context, server.url, eventsFile, REPORT_DIR)) {
        if (result.error) {
          failed++;
          console.log(`  FAIL ${result.name}: ${result.error}`);
        } else {
          passed++;
          console.log(`  ok   ${result.name}`);
        }
      }
    }
    if (only !== 'perf' && grep === undefined) {
      await page.screenshot({ path: join(SCREENSHOTS, 'editors.png'), fullPage: true });
    }
    if (failed === 0 && only !== 'perf' && grep === undefined) {
      mkdirSync(CATALOG_SCREENSHOTS, { recursive: true });
      for (const [from, to] of CATALOG_COPIES) {
        copyFileSync(join(SCREENSHOTS, from), join(CATALOG_SCREENSHOTS, to));
      }
    }
  } finally {
    await context.close();
    await server.close();
    if (failed === 0) {
      rmSync(out, { recursive: true, force: true });
    } else {
      console.log(`  (page screenshots of the failures are in ${out})`);
    }
  }
  report(passed, failed);
  return failed === 0 ? 0 : 1;
}

/** Prints the closing line and leaves the counts where .ci/run's summary reads them. */
function report(passed: number, failed: number) {
  console.log(`browser: ${passed} passed, ${failed} failed`);
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(join(REPORT_DIR, 'browser.json'), JSON.stringify({ passed, failed }) + '\n');
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`browser: could not run: ${e instanceof Error ? e.message : String(e)}`);
    report(0, 1);
    process.exit(1);
  }
);
