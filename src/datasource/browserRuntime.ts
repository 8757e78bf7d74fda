/** What a browser-mode data source loads on its first query (sources, engine, framing), kept out of the plugin's initial bundle. */
import { DataSourceInstanceSettings } from '@grafana/data';
import { QueryRunner } from './queryRunner';
import { createRedactor } from './redact';
import { AttributeFn } from './eventCache';
import { GrafanaHttpClient } from '../sources/http.grafana';
import { HttpClient } from '../sources/http';
import { DataSourceServiceRunner } from '../sources/datasource/browserRunner';
import { FrameQueryRunner } from '../sources/datasource/runner';
import { BROWSER_GRAFANA_API } from '../sources/grafanaApi';
import { createSourceSetup } from '../sources/registry';
import { EventSource } from '../sources/types';
import { DoraJsonData } from '../settings/model';

export interface RuntimeDeps {
  http?: HttpClient;
  now: () => number;
  /** Replaces the sources from the settings (tests). */
  sources?: EventSource[];
  attribute?: AttributeFn;
  /** Runs the data source bridge's queries (default: Grafana's data source service, as a panel would). */
  bridgeRunner?: FrameQueryRunner;
}

/** The query pipeline of one data source instance, built from its settings. */
export function createBrowserRunner(
  instanceSettings: DataSourceInstanceSettings<DoraJsonData>,
  deps: RuntimeDeps
): QueryRunner {
  // In the browser, Grafana's own API (annotations, other data sources) is reached with the viewer's session.
  const setup = createSourceSetup(instanceSettings, deps.http ?? new GrafanaHttpClient(), {
    now: deps.now,
    grafana: BROWSER_GRAFANA_API,
    bridgeRunner: deps.bridgeRunner ?? new DataSourceServiceRunner(),
  });
  return new QueryRunner({
    setup: deps.sources ? { ...setup, sources: deps.sources, demo: null } : setup,
    now: deps.now,
    redact: createRedactor(instanceSettings),
    attribute: deps.attribute,
  });
}
