/**
 * The page's side of the query worker: each call becomes a message with an id, its answer resolves it, and an
 * aborted signal sends a cancel (the worker stops at its next step) and rejects at once. What the worker asks of the
 * page runs here: the data source bridge's queries, and requests Grafana answered 401 (through backendSrv). A worker that fails before it is ready (blocked script, load
 * error) hands every call to the fallback host on the page, with a console note, so queries still answer.
 */
import { Filters, TimeRange } from '../engine';
import { HealthResult } from './health';
import { RunResult } from './queryRunner';
import { Redactor } from './redact';
import { dispatch, HostRunRequest, RunnerHost } from './runnerHost';
import {
  Ask,
  AskKind,
  AskResults,
  Call,
  CallKind,
  CallResults,
  FromWorker,
  fromWireError,
  RowsCollector,
  toWireError,
  ToWorker,
  WorkerActivity,
  WorkerInit,
} from './workerProtocol';
import { VariableValues } from '../query/variableQuery';
import { abortError } from '../sources/abort';
import { FrameQueryRunner } from '../sources/datasource/runner';
import { HttpClient } from '../sources/http';

/** A worker as the host uses it (a Worker, or a MessagePort in tests). */
export interface WorkerLike {
  post(message: ToWorker): void;
  /** `onFailure` gets load errors and uncaught errors of the worker. */
  listen(onMessage: (message: FromWorker) => void, onFailure: (reason: string) => void): void;
  terminate(): void;
}

export function fromWorker(worker: Worker): WorkerLike {
  return {
    post: (message) => worker.postMessage(message),
    listen: (onMessage, onFailure) => {
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        onFailure(event.message || 'the worker script could not be loaded');
      });
      worker.addEventListener('messageerror', () => onFailure('a message from the worker could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

export interface WorkerHostOptions {
  redact: Redactor;
  /** Runs the data source bridge's queries on the page. */
  bridge?: FrameQueryRunner;
  /** Grafana's backendSrv: the worker's requests that Grafana answered 401 (it rotates the session and retries). */
  http?: HttpClient;
  /** The host on the page, for when the worker cannot start. */
  fallback: () => Promise<RunnerHost>;
}

interface Pending {
  call: Call;
  /** Rows of the answer's large frames, arriving ahead of it. */
  rows?: RowsCollector;
  signal?: AbortSignal;
  resolve: (value: CallResults[CallKind]) => void;
  reject: (e: Error) => void;
  cleanup: () => void;
}

const NO_SIGNAL = new AbortController().signal;

export class WorkerHost implements RunnerHost {
  /** The worker's counters, as of its last answer. */
  activity: WorkerActivity = { calls: 0, cancelled: 0, steps: 0 };
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private ready = false;
  private fallbackHost?: Promise<RunnerHost>;

  constructor(
    private readonly worker: WorkerLike,
    init: WorkerInit,
    private readonly options: WorkerHostOptions
  ) {
    worker.listen(
      (message) => this.receive(message),
      (reason) => this.fail(reason)
    );
    worker.post({ type: 'init', init });
  }

  get where(): 'worker' | 'page' {
    return this.fallbackHost ? 'page' : 'worker';
  }

  run(request: HostRunRequest, signal: AbortSignal): Promise<RunResult> {
    return this.call<'run'>({ kind: 'run', request }, signal);
  }

  values(values: VariableValues, filters: Filters, range: TimeRange, signal: AbortSignal): Promise<string[]> {
    return this.call<'values'>({ kind: 'values', values, filters, range }, signal);
  }

  health(): Promise<HealthResult> {
    return this.call<'health'>({ kind: 'health' });
  }

  settingsProblems(): Promise<string[]> {
    return this.call<'settingsProblems'>({ kind: 'settingsProblems' });
  }

  redact(text: string): string {
    return this.options.redact(text);
  }

  /** Stops the worker; later calls run on the page. */
  dispose(): void {
    this.worker.terminate();
    this.ready = true;
    this.fail('the data source was replaced');
  }

  private call<K extends CallKind>(call: Call & { kind: K }, signal?: AbortSignal): Promise<CallResults[K]> {
    if (this.fallbackHost) {
      return this.fallbackHost.then((host) => dispatch(host, call, signal ?? NO_SIGNAL) as Promise<CallResults[K]>);
    }
    if (signal?.aborted) {
      return Promise.reject(abortError());
    }
    const id = this.next++;
    return new Promise<CallResults[K]>((resolve, reject) => {
      const onAbort = () => {
        this.worker.post({ type: 'cancel', id });
        this.settle(id)?.reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        call,
        signal,
        resolve: (value) => resolve(value as CallResults[K]),
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      });
      this.worker.post({ type: 'call', id, call });
    });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return;
      case 'rows': {
        const pending = this.pending.get(message.id);
        if (pending) {
          pending.rows ??= new RowsCollector();
          pending.rows.add(message.frame, message.columns);
        }
        return;
      }
      case 'done': {
        this.activity = message.activity;
        const pending = this.settle(message.id);
        if (pending) {
          pending.resolve(
            pending.rows && pending.call.kind === 'run' ? pending.rows.fill(message.value as RunResult) : message.value
          );
        }
        return;
      }
      case 'failed':
        this.activity = message.activity;
        this.settle(message.id)?.reject(fromWireError(message.error));
        return;
      case 'ask':
        this.answer(message.id, message.ask);
        return;
    }
  }

  private answer(id: number, ask: Ask): void {
    let work: Promise<AskResults[AskKind]>;
    const { bridge, http } = this.options;
    if (ask.kind === 'bridge') {
      work = bridge
        ? bridge.run(ask.queries, ask.range)
        : Promise.reject(new Error('no data source service on this page'));
    } else {
      work = http ? http.request(ask.request) : Promise.reject(new Error('no HTTP client on this page'));
    }
    work.then(
      (value) => this.worker.post({ type: 'answer', id, value }),
      (e: unknown) => this.worker.post({ type: 'answer', id, error: toWireError(e) })
    );
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    pending?.cleanup();
    return pending;
  }

  /**
   * Before the worker is ready: it never will be (script blocked or missing), so the page runs everything.
   * After: calls in flight fail with the reason; the next ones run on the page too.
   */
  private fail(reason: string): void {
    if (this.fallbackHost) {
      return;
    }
    const wasReady = this.ready;
    if (!wasReady) {
      console.warn(`DORA Metrics: the query worker could not start: ${reason}. Queries run on the page.`);
    }
    const host = this.options.fallback();
    this.fallbackHost = host;
    for (const [id, pending] of Array.from(this.pending.entries())) {
      this.settle(id);
      if (wasReady) {
        pending.reject(new Error(`The query worker stopped (${reason}). Run the query again.`));
      } else {
        host.then((h) => dispatch(h, pending.call, pending.signal ?? NO_SIGNAL)).then(pending.resolve, pending.reject);
      }
    }
  }
}
