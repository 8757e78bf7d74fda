/**
 * The main thread's tasks as Chromium's own trace records them (DevTools protocol tracing): each task's wall time
 * and the CPU time the thread spent in it. The browser test reads the tasks between two User Timing marks of the
 * page; CPU time is what the page's code costs whatever else the machine runs, wall time what a user would wait.
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
}

export interface TaskFigures {
  tasks: number;
  /** The longest task's wall time. */
  longestWallMs: number;
  /** The most CPU time the main thread spent in one task. */
  longestCpuMs: number;
  /** Tasks over the limit, by CPU time. */
  overLimit: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

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
        includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'],
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

  /** The tasks of the thread that made the marks, between `<mark>-start` and `<mark>-end`. */
  tasksBetween(mark: string, limitMs: number): TaskFigures {
    const start = this.events.find((e) => e.name === `${mark}-start`);
    const end = this.events.find((e) => e.name === `${mark}-end`);
    if (!start || !end) {
      throw new Error(`the trace has no marks ${mark}-start and ${mark}-end`);
    }
    const tasks = this.events.filter(
      (e) =>
        e.ph === 'X' &&
        TASK_NAMES.has(e.name) &&
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ts + (e.dur ?? 0) >= start.ts &&
        e.ts <= end.ts
    );
    // Nested task events (a RunTask inside a ThreadControllerImpl::RunTask) are the same task: take the outer ones.
    const outer = tasks.filter(
      (t) =>
        !tasks.some(
          (o) => o !== t && o.ts <= t.ts && o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) && (o.dur ?? 0) > (t.dur ?? 0)
        )
    );
    const ms = (us: number | undefined) => Math.round((us ?? 0) / 100) / 10;
    return {
      tasks: outer.length,
      longestWallMs: ms(Math.max(0, ...outer.map((t) => t.dur ?? 0))),
      longestCpuMs: ms(Math.max(0, ...outer.map((t) => t.tdur ?? t.dur ?? 0))),
      overLimit: outer.filter((t) => (t.tdur ?? t.dur ?? 0) > limitMs * 1000).length,
    };
  }
}
