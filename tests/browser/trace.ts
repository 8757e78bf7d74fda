/**
 * The main thread's tasks as Chromium's own trace records them (DevTools protocol tracing): each task's wall time
 * and the CPU time the thread spent in it. The browser test reads the tasks between pairs of User Timing marks of
 * the page; CPU time is what the page's code costs whatever else the machine runs, wall time what a user would wait.
 * The longest tasks are described by their largest inner events (script, V8's scavenges and mark-compact, Blink's
 * sweeping), and the scavenges counted, so that a failure says what to make cheaper.
 */
import { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
}

export interface TaskFigures {
  tasks: number;
  /** The longest task's wall time. */
  longestWallMs: number;
  /** The most CPU time the main thread spent in one task. */
  longestCpuMs: number;
  /** Tasks over the limit, by CPU time. */
  overLimit: number;
  /** What the four longest tasks (by CPU) spent their time on: `[CPU ms: largest inner events]` each. */
  longestWork: string;
  /** The young-generation collections (scavenges) on the thread meanwhile: how many, their CPU, the longest. */
  scavenges: number;
  scavengeCpuMs: number;
  longestScavengeCpuMs: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The CPU time the thread spent in an event, in microseconds (its wall time where the trace has no CPU time). */
const cpuOf = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;
/** Microseconds as milliseconds to a tenth. */
const ms = (us: number) => Math.round(us / 100) / 10;

export class MainThreadTrace {
  private constructor(
    private readonly cdp: CDPSession,
    private events: TraceEvent[] = []
  ) {}

  static async start(page: Page): Promise<MainThreadTrace> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        // Tasks, user timing marks, and what fills a long task: script, V8's and Blink's garbage collectors.
        includedCategories: [
          'toplevel',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'v8',
          'v8.compile',
          'disabled-by-default-v8.gc',
          'cppgc',
          'blink_gc',
          '__metadata',
        ],
      },
    });
    return new MainThreadTrace(cdp);
  }

  async stop(): Promise<void> {
    const complete = new Promise<{ stream?: string }>((resolve) => this.cdp.once('Tracing.tracingComplete', resolve));
    await this.cdp.send('Tracing.end');
    const { stream } = await complete;
    if (!stream) {
      throw new Error('the trace came back without a stream');
    }
    let text = '';
    for (;;) {
      const chunk = await this.cdp.send('IO.read', { handle: stream });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) {
        break;
      }
    }
    await this.cdp.send('IO.close', { handle: stream });
    await this.cdp.detach();
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    this.events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  }

  /** The tasks of the thread that made the marks, between `<mark>-start` and `<mark>-end` of each mark. */
  tasksBetween(marks: string[], limitMs: number): TaskFigures {
    const windows = marks.map((mark) => {
      const start = this.events.find((e) => e.name === `${mark}-start`);
      const end = this.events.find((e) => e.name === `${mark}-end`);
      if (!start || !end) {
        throw new Error(`the trace has no marks ${mark}-start and ${mark}-end`);
      }
      return { start, end };
    });
    const { pid, tid } = windows[0].start;
    const within = (e: TraceEvent, overlapping: boolean) =>
      e.ph === 'X' &&
      e.pid === pid &&
      e.tid === tid &&
      windows.some(({ start, end }) =>
        overlapping ? e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts : e.ts >= start.ts && e.ts <= end.ts
      );
    const tasks = this.events.filter((e) => TASK_NAMES.has(e.name) && within(e, true));
    // Nested task events (a RunTask inside a ThreadControllerImpl::RunTask) are the same task: take the outer ones.
    const outer = tasks.filter(
      (t) =>
        !tasks.some(
          (o) => o !== t && o.ts <= t.ts && o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) && (o.dur ?? 0) > (t.dur ?? 0)
        )
    );
    const scavenges = this.events.filter((e) => e.name === 'MinorGC' && within(e, false)).map(cpuOf);
    return {
      tasks: outer.length,
      longestWallMs: ms(Math.max(0, ...outer.map((t) => t.dur ?? 0))),
      longestCpuMs: ms(Math.max(0, ...outer.map(cpuOf))),
      overLimit: outer.filter((t) => cpuOf(t) > limitMs * 1000).length,
      longestWork: outer
        .slice()
        .sort((a, b) => cpuOf(b) - cpuOf(a))
        .slice(0, 4)
        .map((t) => `[${ms(cpuOf(t))}: ${this.inside(t)}]`)
        .join(' '),
      scavenges: scavenges.length,
      scavengeCpuMs: Math.round(ms(scavenges.reduce((x, y) => x + y, 0))),
      longestScavengeCpuMs: ms(Math.max(0, ...scavenges)),
    };
  }

  /** The largest events inside a task (function calls, message dispatch, GC, compilation), largest first. */
  private inside(task: TraceEvent): string {
    const end = task.ts + (task.dur ?? 0);
    const inner = this.events.filter(
      (e) =>
        e !== task &&
        e.ph === 'X' &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= end &&
        !TASK_NAMES.has(e.name)
    );
    const label = (e: TraceEvent) => {
      const d = e.args?.data;
      const what = d?.functionName || d?.type || '';
      const where = d?.url ? `${d.url.split('/').pop()}:${d.lineNumber ?? ''}` : '';
      return [e.name, what, where].filter(Boolean).join(' ');
    };
    return inner
      .sort((a, b) => cpuOf(b) - cpuOf(a))
      .slice(0, 3)
      .map((e) => `${label(e)} ${ms(cpuOf(e))} ms CPU/${ms(e.dur ?? 0)} ms wall`)
      .join('; ');
  }
}
