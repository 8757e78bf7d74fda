/**
 * What a browser-mode data source loads on its first query, kept out of the plugin's initial bundle: the host its
 * pipeline runs in. By default the query worker (worker.ts: fetching, parsing, attribution and computing off the
 * page's main thread); on the page itself when a worker cannot start, and with test doubles (which live here).
 */
import { DataSourceInstanceSettings } from '@grafana/data';
import { config } from '@grafana/runtime';
import { errorSentence } from './notices';
import { grafanaTimeZone } from './timezone';
import { createRedactor } from './redact';
import { AttributeFn } from './eventCache';
import { inlineHost, RunnerHost } from './runnerHost';
import { WorkerHost, WorkerLike } from './workerHost';
import { plainSettings } from './workerProtocol';
import { spawnQueryWorker } from './workerSpawn';
import { DataSourceServiceRunner } from '../sources/datasource/browserRunner';
import { FrameQueryRunner } from '../sources/datasource/runner';
import { GrafanaHttpClient } from '../sources/http.grafana';
import { HttpClient } from '../sources/http';
import { EventSource } from '../sources/types';
import { DoraJsonData } from '../settings/model';

export interface RuntimeDeps {
  http?: HttpClient;
  /** A fixed clock (tests); absent: the real one. */
  now?: () => number;
  /** Replaces the sources from the settings (tests). */
  sources?: EventSource[];
  attribute?: AttributeFn;
  /** Runs the data source bridge's queries (default: Grafana's data source service, as a panel would). */
  bridgeRunner?: FrameQueryRunner;
  /** Starts the query worker (default: workerSpawn.ts; the browser test bundles its own). */
  spawnWorker?: () => WorkerLike | undefined;
}

/** Per data source uid, the worker serving it: a new instance (settings saved) retires the old one's. */
const workers = new Map<string, WorkerHost>();

/**
 * The pipeline of one data source instance, in the query worker when one can start. On the page it is a chunk of
 * its own ("pipeline"), loaded only when the page runs it: with a worker, the page never downloads it.
 */
export async function createBrowserHost(
  instanceSettings: DataSourceInstanceSettings<DoraJsonData>,
  deps: RuntimeDeps = {}
): Promise<RunnerHost> {
  const bridgeRunner = deps.bridgeRunner ?? new DataSourceServiceRunner();
  const onPage = async () => {
    const { createRunner } = await import(/* webpackChunkName: "pipeline" */ './runnerSetup');
    return inlineHost(
      createRunner(instanceSettings, {
        http: deps.http ?? new GrafanaHttpClient(),
        now: deps.now ?? Date.now,
        sources: deps.sources,
        attribute: deps.attribute,
        bridgeRunner,
      }),
      grafanaTimeZone
    );
  };
  // Test doubles (an HTTP client, sources, a clock) are objects of this page: they cannot cross to a worker.
  if (deps.http || deps.sources || deps.attribute || deps.now) {
    return onPage();
  }
  let worker: WorkerLike | undefined;
  try {
    worker = (deps.spawnWorker ?? spawnQueryWorker)();
  } catch (e) {
    console.warn(`DORA Metrics: the query worker could not start: ${errorSentence(e)} Queries run on the page.`);
  }
  if (!worker) {
    return onPage();
  }
  const host = new WorkerHost(
    worker,
    { settings: plainSettings(instanceSettings), baseUri: document.baseURI, orgId: viewerOrgId() },
    { redact: createRedactor(instanceSettings), bridge: bridgeRunner, http: new GrafanaHttpClient(), fallback: onPage }
  );
  workers.get(instanceSettings.uid)?.dispose();
  workers.set(instanceSettings.uid, host);
  return host;
}

function viewerOrgId(): number | undefined {
  const orgId = config?.bootData?.user?.orgId;
  return typeof orgId === 'number' ? orgId : undefined;
}
