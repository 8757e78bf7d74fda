/**
 * The query worker's entry (one worker per browser-mode data source instance, started by workerSpawn.ts): the
 * instance's QueryRunner fetching through the fetch API (Grafana's backendSrv exists only on the page), served
 * over the worker protocol. Fetching, parsing, attribution and computing all happen here, off the page's thread.
 */
import { createRunner } from './runnerSetup';
import { serveRunner, WorkerScope } from './workerServe';
import { instanceSettings } from './workerProtocol';
import { FetchHttpClient } from '../sources/http.fetch';

serveRunner(self as unknown as WorkerScope, (init, deps) =>
  createRunner(instanceSettings(init.settings), {
    http: new FetchHttpClient({ baseUri: init.baseUri, orgId: init.orgId, unauthorized: deps.pageHttp }),
    now: () => Date.now(),
    bridgeRunner: deps.bridgeRunner,
    checkpoint: deps.checkpoint,
  })
);
