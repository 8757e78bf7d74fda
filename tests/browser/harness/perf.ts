/**
 * The performance page of the browser test: a DataSource reading a large events file through the events URL
 * source (the test server serves it below the data source proxy path, as Grafana would), opening the shipped
 * dashboards one after the other and running each one's panel queries the way Grafana does (one request per panel,
 * all at once), while the main thread's long tasks are recorded. `?mode=worker` runs the pipeline in the query worker (perf-worker.js, src/datasource/worker.ts),
 * `?mode=page` on the main thread (the fallback). window.perf is what the test calls.
 */
import { DataQueryRequest, DataQueryResponse, dateTime, Field } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { DataSource } from '../../../src/datasource/DataSource';
import { createBrowserHost } from '../../../src/datasource/browserRuntime';
import { fromWorker, WorkerHost } from '../../../src/datasource/workerHost';
import { FetchHttpClient } from '../../../src/sources/http.fetch';
import { DASHBOARDS } from '../../../src/dashboards';
import { DoraQuery } from '../../../src/query/model';

export interface RunFigures {
  /** From the first request to the last answer. */
  computeMs: number;
  /** Long tasks (over 50 ms) of the main thread meanwhile, as PerformanceObserver('longtask') reports them. */
  longTasks: number;
  longestTaskMs: number;
  /**
   * The longest wait of a 0 ms timer loop on the main thread: a long task shows here too, and so does a queue of
   * short tasks (the worker's answers arriving) that a timer waits behind without any one task being long.
   */
  longestBlockMs: number;
  panels: number;
  frames: number;
  rows: number;
  errors: string[];
  /** The panels with the most rows: "dashboard panel title: rows". */
  largest: string[];
  /** The User Timing marks around each dashboard's panels (`<mark>-start`, `<mark>-end`), found in the trace. */
  marks: string[];
  /** A digest of every frame's values, to compare the worker's answers with the page's. */
  digest: string;
}

export interface CancelFigures {
  queries: number;
  /** Queries the worker computed before it stopped. */
  computed: number;
  /** From the cancel to the worker's answer that it stopped. */
  stoppedAfterMs: number;
  uncancelledMs: number;
}

export interface PerfApi {
  where(): Promise<string>;
  runPanels(): Promise<RunFigures>;
  cancelOne(): Promise<CancelFigures>;
}

declare global {
  interface Window {
    perf: PerfApi;
  }
}

/** The organisation's year (bench/engine/generate.ts: from Monday 2025-01-06 UTC). */
const RANGE = { from: Date.UTC(2025, 0, 6), to: Date.UTC(2026, 0, 5) };

const settings = {
  id: 2,
  uid: 'perf',
  type: 'opendora-dora-datasource',
  name: 'DORA Metrics (large)',
  url: '/api/datasources/proxy/uid/perf',
  access: 'proxy' as const,
  readOnly: false,
  jsonData: { eventsUrl: { enabled: true, urls: ['https://events.example.com/org.json'], timeoutSeconds: 300 } },
  meta: {} as never,
};

/** Every variable at All, as a dashboard opened with its defaults. */
const templateSrv = {
  replace: (target?: string) =>
    (target ?? '').replace(/\$\{\w+(?::[^}]*)?\}|\$\w+/g, (v) => (v.startsWith('$__') ? v : '$__all')),
  getVariables: () => [],
};

const mode = new URLSearchParams(window.location.search).get('mode') === 'page' ? 'page' : 'worker';
// The page mode fetches with the same client as the worker (Grafana's backendSrv is not on this page).
const hostLoad = createBrowserHost(
  settings,
  mode === 'worker'
    ? { spawnWorker: () => fromWorker(new Worker('perf-worker.js', { name: 'dora-query-worker' })) }
    : { http: new FetchHttpClient({ baseUri: document.baseURI }) }
);
const datasourceLoad = hostLoad.then((host) => new DataSource(settings, { templateSrv, host }));

const longTasks: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push({ start: entry.startTime, duration: entry.duration });
  }
}).observe({ type: 'longtask', buffered: true });

interface Panel {
  title: string;
  targets: DoraQuery[];
}

/** The shipped dashboards' panels that query, by dashboard. */
function dashboards(): Panel[][] {
  return DASHBOARDS.map((dashboard) =>
    ((dashboard.json.panels ?? []) as Array<{ title?: string; targets?: unknown[] }>)
      .filter((panel) => (panel.targets ?? []).length > 0)
      .map((panel) => ({ title: `${dashboard.json.title}: ${panel.title}`, targets: panel.targets as DoraQuery[] }))
  ).filter((panels) => panels.length > 0);
}

/** Every panel's targets of the shipped dashboards, each panel one request. */
function panelTargets(): DoraQuery[][] {
  return dashboards()
    .flat()
    .map((p) => p.targets);
}

function request(targets: DoraQuery[], id: string): DataQueryRequest<DoraQuery> {
  const from = dateTime(RANGE.from);
  const to = dateTime(RANGE.to);
  return {
    requestId: id,
    interval: '1d',
    intervalMs: 24 * 3600 * 1000,
    maxDataPoints: 1000,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets,
    timezone: 'utc',
    app: 'dashboard',
    startTime: Date.now(),
  };
}

/** How often the delay meter's timer asks to run. */
const METER_INTERVAL_MS = 10;

/**
 * The longest time the main thread could not run a timer due every METER_INTERVAL_MS: a long task shows here, and
 * so does a queue of short tasks (the worker's answers arriving) that a timer waits behind without any one task being
 * long. One repeating timer, so that the meter itself leaves no garbage for the browser to collect.
 */
function blockMeter(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - METER_INTERVAL_MS);
    last = now;
  }, METER_INTERVAL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - METER_INTERVAL_MS);
    },
  };
}

/**
 * A digest of every frame's name, field names and values, to compare the worker's answers with the page's. Hashed
 * value by value: a text of all frames at once (and copies of their columns) would leave the next dashboard's run
 * a large heap to collect, which is the harness's work, not the plugin's.
 */
function digestOf(responses: DataQueryResponse[]): { digest: string; frames: number; rows: number } {
  let hash = 2166136261;
  let length = 0;
  let frames = 0;
  let rows = 0;
  const feed = (tag: number, text: string) => {
    hash = Math.imul(hash ^ tag, 16777619) >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    }
    length += text.length + 1;
  };
  for (const response of responses) {
    for (const frame of response.data as Array<{ name?: string; length: number; fields: Field[] }>) {
      frames++;
      rows += frame.length;
      feed(1, frame.name ?? '');
      for (const field of frame.fields) {
        feed(2, field.name);
        const values = field.values as ArrayLike<unknown>;
        for (let i = 0; i < values.length; i++) {
          const value = values[i];
          feed(typeof value === 'string' ? 3 : 4, typeof value === 'string' ? value : String(value));
        }
      }
    }
  }
  return { digest: `${length}:${hash.toString(16)}`, frames, rows };
}

let runs = 0;

window.perf = {
  where: async () => (await hostLoad).where,

  async runPanels() {
    const ds = await datasourceLoad;
    const run = ++runs;
    const marks: string[] = [];
    const during: typeof longTasks = [];
    /** Per panel, what the figures report once its frames are gone: its rows and errors. */
    const answered: Array<{ title: string; rows: number; errors: string[] }> = [];
    const digests: string[] = [];
    let computeMs = 0;
    let longestBlockMs = 0;
    let frames = 0;
    let rows = 0;
    for (const [index, panels] of dashboards().entries()) {
      // Start in a task of the page's own (a timer), as a dashboard does: the test's evaluate call is a DevTools
      // task, and the long-task observer does not report those.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const mark = `dora-panels-${run}-${index}`;
      performance.mark(`${mark}-start`);
      const meter = blockMeter();
      const start = performance.now();
      const responses = await Promise.all(
        panels.map((panel, i) => lastValueFrom(ds.query(request(panel.targets, `panel-${index}-${i}`))))
      );
      const end = performance.now();
      performance.mark(`${mark}-end`);
      marks.push(mark);
      computeMs += end - start;
      longestBlockMs = Math.max(longestBlockMs, meter.stop());
      // The observer reports a task after it ends: let the last one end and be reported.
      await new Promise((resolve) => setTimeout(resolve, 250));
      during.push(...longTasks.filter((t) => t.start + t.duration >= start && t.start <= end));
      // The next dashboard replaces this one: keep what the checks compare, not the frames.
      const digest = digestOf(responses);
      digests.push(digest.digest);
      frames += digest.frames;
      rows += digest.rows;
      responses.forEach((response, i) =>
        answered.push({
          title: panels[i].title,
          rows: (response.data as Array<{ length: number }>).reduce((n, f) => n + f.length, 0),
          errors: (response.errors ?? []).map((e) => e.message ?? 'error'),
        })
      );
    }
    const largest = answered
      .slice()
      .sort((a, b) => b.rows - a.rows)
      .slice(0, 3)
      .map((p) => `${p.title}: ${p.rows}`);
    return {
      computeMs: Math.round(computeMs),
      longTasks: during.length,
      longestTaskMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
      longestBlockMs: Math.round(longestBlockMs),
      panels: answered.length,
      errors: answered.flatMap((panel) => panel.errors),
      largest,
      marks,
      digest: digests.join(' '),
      frames,
      rows,
    };
  },

  async cancelOne() {
    const ds = await datasourceLoad;
    const host = await hostLoad;
    if (!(host instanceof WorkerHost)) {
      throw new Error(`the pipeline runs on the ${host.where}, not in the worker`);
    }
    // One panel with every query of the dashboards (distinct refIds): the worker computes them one by one.
    const targets = panelTargets()
      .flat()
      .map((t, i) => ({ ...t, refId: `Q${i}` }));
    const started = performance.now();
    await lastValueFrom(ds.query(request(targets, 'uncancelled')));
    const uncancelledMs = performance.now() - started;
    const before = { ...host.activity };
    const subscription = ds.query(request(targets, 'cancelled')).subscribe({});
    await new Promise((resolve) => setTimeout(resolve, uncancelledMs / 3));
    const cancelledAt = performance.now();
    subscription.unsubscribe();
    while (host.activity.cancelled === before.cancelled) {
      if (performance.now() - cancelledAt > 30000) {
        throw new Error('the worker did not answer the cancelled query within 30 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return {
      queries: targets.length,
      computed: host.activity.steps - before.steps,
      stoppedAfterMs: Math.round(performance.now() - cancelledAt),
      uncancelledMs: Math.round(uncancelledMs),
    };
  },
};
