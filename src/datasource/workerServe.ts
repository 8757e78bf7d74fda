/**
 * The query worker's side of the protocol (workerProtocol.ts): builds the instance's QueryRunner on 'init', runs
 * each call with an AbortController of its own, aborts it on 'cancel', and answers once per call. Between the
 * pipeline's steps it yields to its messages (a macrotask), so a cancel stops the remaining steps; the data source
 * bridge's queries and requests Grafana answered 401 go to the page. Free of worker globals: worker.ts passes `self`, tests a MessagePort.
 */
import { intlTimeZone } from './intlTimeZone';
import { dispatch, inlineHost, RunnerHost } from './runnerHost';
import {
  Ask,
  AskKind,
  AskResults,
  CallKind,
  CallResults,
  FromWorker,
  fromWireError,
  sliceRows,
  toWireError,
  ToWorker,
  WorkerActivity,
  WorkerInit,
} from './workerProtocol';
import { QueryRunner, RunResult } from './queryRunner';
import { abortError } from '../sources/abort';
import { FrameQueryRunner } from '../sources/datasource/runner';
import { HttpClient, HttpRequest, HttpResponse } from '../sources/http';

/** The worker's global scope as this file uses it. */
export interface WorkerScope {
  /** `transfer`: buffers the message owns, moved to the page rather than copied. */
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

export interface RunnerFactoryDeps {
  bridgeRunner: FrameQueryRunner;
  /** The page's HTTP client (Grafana's backendSrv), for what only it can do. */
  pageHttp: HttpClient;
  checkpoint: (signal: AbortSignal) => Promise<void>;
}

export type RunnerFactory = (init: WorkerInit, deps: RunnerFactoryDeps) => QueryRunner;

/** A macrotask: messages that arrived meanwhile (a cancel) are handled before the next step. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function serveRunner(scope: WorkerScope, createRunner: RunnerFactory, pause = yieldToMessages): void {
  const activity: WorkerActivity = { calls: 0, cancelled: 0, steps: 0 };
  const calls = new Map<number, AbortController>();
  const page = new PageRequests(scope);
  let host: RunnerHost | undefined;
  const checkpoint = async (signal: AbortSignal) => {
    await pause();
    if (!signal.aborted) {
      activity.steps++;
    }
  };

  /** A run's large frames go ahead in slices; the answer carries the rest. */
  const sendRows = (id: number, kind: CallKind, value: CallResults[CallKind]): CallResults[CallKind] => {
    if (kind !== 'run') {
      return value;
    }
    const { result, slices } = sliceRows(value as RunResult);
    for (const slice of slices) {
      scope.postMessage({ type: 'rows', id, frame: slice.frame, columns: slice.columns }, slice.transfer);
    }
    return result;
  };

  scope.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'init':
        host = inlineHost(
          createRunner(message.init, { bridgeRunner: pageBridge(page), pageHttp: pageHttp(page), checkpoint }),
          intlTimeZone,
          'worker'
        );
        scope.postMessage({ type: 'ready' });
        return;
      case 'call': {
        const { id, call } = message;
        activity.calls++;
        const controller = new AbortController();
        calls.set(id, controller);
        const running = host
          ? Promise.resolve().then(() => dispatch(host as RunnerHost, call, controller.signal))
          : Promise.reject(new Error('The query worker got a call before its settings.'));
        running.then(
          (value) => {
            calls.delete(id);
            scope.postMessage({ type: 'done', id, value: sendRows(id, call.kind, value), activity: { ...activity } });
          },
          (e: unknown) => {
            calls.delete(id);
            if (controller.signal.aborted) {
              activity.cancelled++;
            }
            const error = controller.signal.aborted ? toWireError(abortError()) : toWireError(e);
            scope.postMessage({ type: 'failed', id, error, activity: { ...activity } });
          }
        );
        return;
      }
      case 'cancel':
        calls.get(message.id)?.abort();
        return;
      case 'answer':
        page.answer(message.id, message.value, message.error ? fromWireError(message.error) : undefined);
        return;
    }
  });
}

/** Asks to the page, each answered once by id; an aborted signal stops waiting (the page's work is not cancelled). */
class PageRequests {
  private next = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (value: AskResults[AskKind]) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly scope: WorkerScope) {}

  ask<K extends AskKind>(ask: Ask & { kind: K }, signal?: AbortSignal): Promise<AskResults[K]> {
    if (signal?.aborted) {
      return Promise.reject(abortError());
    }
    const id = this.next++;
    return new Promise<AskResults[K]>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(id);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as AskResults[K]);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      this.scope.postMessage({ type: 'ask', id, ask });
    });
  }

  answer(id: number, value: AskResults[AskKind] | undefined, error: Error | undefined): void {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (!waiting) {
      return;
    }
    if (value !== undefined) {
      waiting.resolve(value);
    } else {
      waiting.reject(error ?? new Error('the page answered with nothing'));
    }
  }
}

/** The data source bridge's runner in the worker: the page runs the queries with Grafana's data source service. */
function pageBridge(page: PageRequests): FrameQueryRunner {
  return { run: (queries, range, signal) => page.ask({ kind: 'bridge', queries, range }, signal) };
}

/** Requests through the page's backendSrv (for a 401: it rotates the session token and retries). */
function pageHttp(page: PageRequests): HttpClient {
  return {
    request: <T>(req: HttpRequest) => {
      const { signal, ...request } = req;
      return page.ask({ kind: 'http', request }, signal) as Promise<HttpResponse<T>>;
    },
  };
}
