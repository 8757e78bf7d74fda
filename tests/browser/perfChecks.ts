/**
 * The browser test's performance checks (issue 14): a 1/10-scale organisation (bench/engine/generate.ts: 100k
 * changes, 10k deployments, 1k incidents) as an events file, the shipped dashboards opened one after the other on
 * the performance page (harness/perf.ts), each running all its panels at once, once with the query worker and once
 * on the page's main thread, in one run. With the worker no main-thread task may exceed 50 ms of CPU while a
 * dashboard's panels compute (garbage collection included: a task the collector lengthens is still a frozen page),
 * both must answer the same frames, and cancelling a query must stop the worker before it computes the rest.
 * Figures are printed, with what the longest tasks spent their time on, and written to
 * test-results/browser-perf.json.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { BrowserContext } from 'playwright-core';
import { generateOrg } from '../../bench/engine/generate';
import { toEventsJson } from '../../src/sources/json/serialize';
import type { CancelFigures, RunFigures } from './harness/perf';
import { MainThreadTrace, TaskFigures } from './trace';

export const PERF_SCALE = 0.1;
/** What the issue allows a main-thread task while panels compute. */
const LONG_TASK_MS = 50;
const TIMEOUT = 300000;

/** Writes the events file where the test server answers the data source proxy's `events/0` route. */
export function writeEventsFile(outDir: string): { bytes: number; counts: string } {
  const { events } = generateOrg({ scale: PERF_SCALE, seed: 14 });
  const dir = join(outDir, 'api', 'datasources', 'proxy', 'uid', 'perf', 'events');
  mkdirSync(dir, { recursive: true });
  const text = toEventsJson(events);
  writeFileSync(join(dir, '0'), text);
  return {
    bytes: text.length,
    counts: `${events.changes.length} changes, ${events.deployments.length} deployments, ${events.incidents.length} incidents`,
  };
}

interface ModeFigures {
  where: string;
  cold: RunFigures;
  warm: RunFigures;
  /** The main thread's tasks while the panels computed, from Chromium's trace. */
  coldTasks: TaskFigures;
  warmTasks: TaskFigures;
}

async function runMode(context: BrowserContext, baseUrl: string, mode: 'worker' | 'page'): Promise<ModeFigures> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${baseUrl}perf.html?mode=${mode}`, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.perf === 'object', undefined, { timeout: TIMEOUT });
    const where = await page.evaluate(() => window.perf.where());
    const trace = await MainThreadTrace.start(page);
    // Cold: fetch, parse, validate, attribute and compute. Warm: the caches answer, compute and frame again.
    const cold = await page.evaluate(() => window.perf.runPanels());
    const warm = await page.evaluate(() => window.perf.runPanels());
    await trace.stop();
    if (errors.length > 0) {
      throw new Error(`the ${mode} page failed: ${errors.join(' | ')}`);
    }
    return {
      where,
      cold,
      warm,
      coldTasks: trace.tasksBetween(cold.marks, LONG_TASK_MS),
      warmTasks: trace.tasksBetween(warm.marks, LONG_TASK_MS),
    };
  } finally {
    await page.close();
  }
}

export async function perfChecks(
  context: BrowserContext,
  baseUrl: string,
  file: { bytes: number; counts: string },
  reportDir: string
): Promise<Array<{ name: string; error?: string }>> {
  const results: Array<{ name: string; error?: string }> = [];
  const check = (name: string, problem: string | undefined) => results.push({ name, error: problem });
  const worker = await runMode(context, baseUrl, 'worker');
  const page = await runMode(context, baseUrl, 'page');
  let cancel: CancelFigures | undefined;
  {
    const tab = await context.newPage();
    try {
      await tab.goto(`${baseUrl}perf.html?mode=worker`, { waitUntil: 'load' });
      await tab.evaluate(() => window.perf.runPanels());
      cancel = await tab.evaluate(() => window.perf.cancelOne());
    } catch (e) {
      check('cancelling a query stops the worker', e instanceof Error ? e.message : String(e));
    } finally {
      await tab.close();
    }
  }

  const line = (label: string, f: RunFigures, t: TaskFigures) =>
    `${label}: ${f.panels} panels in ${f.computeMs} ms; main thread: longest task ${t.longestCpuMs} ms CPU ` +
    `(${t.longestWallMs} ms wall, ${t.overLimit} of ${t.tasks} tasks over ${LONG_TASK_MS} ms CPU), long-task observer ` +
    `${f.longestTaskMs} ms (${f.longTasks} over ${LONG_TASK_MS} ms), longest timer delay ${f.longestBlockMs} ms; ` +
    `${f.frames} frames, ${f.rows} rows; ${t.scavenges} scavenges (${t.scavengeCpuMs} ms CPU, the longest ` +
    `${t.longestScavengeCpuMs} ms); the longest task: ${t.longestWork}`;
  console.log(`  perf: events file ${(file.bytes / 1024 / 1024).toFixed(1)} MiB (${file.counts}), scale ${PERF_SCALE}`);
  console.log(`  perf: ${line(`worker (${worker.where}) cold`, worker.cold, worker.coldTasks)}`);
  console.log(`  perf: ${line('worker warm', worker.warm, worker.warmTasks)}`);
  console.log(`  perf: ${line(`main thread (${page.where}) cold`, page.cold, page.coldTasks)}`);
  console.log(`  perf: ${line('main thread warm', page.warm, page.warmTasks)}`);
  console.log(`  perf: largest panels (rows): ${worker.warm.largest.join('; ')}`);
  if (cancel) {
    console.log(
      `  perf: cancel: the worker computed ${cancel.computed} of ${cancel.queries} queries and stopped ` +
        `${cancel.stoppedAfterMs} ms after the cancel (uncancelled: ${cancel.uncancelledMs} ms)`
    );
  }
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(
    join(reportDir, 'browser-perf.json'),
    JSON.stringify({ scale: PERF_SCALE, eventsBytes: file.bytes, worker, page, cancel }) + '\n'
  );

  const all = [worker.cold, worker.warm, page.cold, page.warm];
  check(
    'the query worker runs the pipeline',
    worker.where === 'worker' && page.where === 'page' ? undefined : `worker page: ${worker.where}, page: ${page.where}`
  );
  check(
    'every panel answers without errors',
    all.some((f) => f.errors.length > 0 || f.frames === 0)
      ? `errors: ${all
          .flatMap((f) => f.errors)
          .slice(0, 3)
          .join(' | ')}`
      : undefined
  );
  check(
    'the worker answers the same frames as the main thread',
    new Set(all.map((f) => f.digest)).size === 1 ? undefined : `digests ${all.map((f) => f.digest).join(', ')}`
  );
  // CPU time: on a busy machine (2 cores shared) a short task waits for a core and its wall time grows with the
  // load; the CPU the main thread spends in a task is the page's own cost.
  const over = worker.coldTasks.overLimit + worker.warmTasks.overLimit;
  check(
    `no main-thread task over ${LONG_TASK_MS} ms while panels compute in the worker`,
    over === 0
      ? undefined
      : `${over} tasks over ${LONG_TASK_MS} ms CPU, the longest ` +
          `${Math.max(worker.coldTasks.longestCpuMs, worker.warmTasks.longestCpuMs)} ms`
  );
  check(
    `without the worker the same panels block the main thread (over ${LONG_TASK_MS} ms: the measure sees it)`,
    page.coldTasks.overLimit > 0 ? undefined : `the main-thread run shows no task over ${LONG_TASK_MS} ms CPU`
  );
  if (cancel) {
    check(
      'cancelling a query stops the worker',
      cancel.computed < cancel.queries
        ? undefined
        : `the worker computed all ${cancel.queries} queries of the cancelled request`
    );
  }
  return results;
}
