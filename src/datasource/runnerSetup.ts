/**
 * One data source instance's QueryRunner, from its settings and an HttpClient: what the page builds when queries
 * run on its main thread (browserRuntime.ts) and what the query worker builds (worker.ts). Imports nothing of
 * Grafana's runtime, so it runs in a worker.
 */
import { DataSourceInstanceSettings } from '@grafana/data';
import { QueryRunner } from './queryRunner';
import { createRedactor } from './redact';
import { AttributeFn } from './eventCache';
import { HttpClient } from '../sources/http';
import { BROWSER_GRAFANA_API } from '../sources/grafanaApi';
import { FrameQueryRunner } from '../sources/datasource/runner';
import { createSourceSetup } from '../sources/registry';
import { EventSource } from '../sources/types';
import { DoraJsonData } from '../settings/model';

export interface RunnerSetupDeps {
  http: HttpClient;
  now: () => number;
  /** Replaces the sources from the settings (tests). */
  sources?: EventSource[];
  attribute?: AttributeFn;
  /** Runs the data source bridge's queries (Grafana's data source service, on the page). */
  bridgeRunner?: FrameQueryRunner;
  /** Awaited between the pipeline's steps (the worker yields to its messages there). */
  checkpoint?: (signal: AbortSignal) => Promise<void>;
}

export function createRunner(settings: DataSourceInstanceSettings<DoraJsonData>, deps: RunnerSetupDeps): QueryRunner {
  // In the browser Grafana's own API (annotations, other data sources) is reached with the viewer's session.
  const registryDeps = { now: deps.now, grafana: BROWSER_GRAFANA_API, bridgeRunner: deps.bridgeRunner };
  const setup = createSourceSetup(settings, deps.http, registryDeps);
  return new QueryRunner({
    setup: deps.sources ? { ...setup, sources: deps.sources, demo: null } : setup,
    now: deps.now,
    redact: createRedactor(settings),
    attribute: deps.attribute,
    checkpoint: deps.checkpoint,
  });
}
