/**
 * The data source: panel queries in, frames out.
 *
 *   targets -> interpolate + validate -> QueryRunner (src/datasource/queryRunner.ts: events of every source,
 *   merged, attributed, computed and framed, the same code the backend runs) -> DataFrames
 *
 * Template variables (variableSupport.ts) and the editors' option lists read the same cached, attributed
 * events; annotations (src/frames/annotations) are events queries with format 'annotations'.
 */
import {
  CoreApp,
  dateTime,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceInstanceSettings,
  LoadingState,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';
import { DAY_MS, TimeRange } from '../engine';
import { annotationSupport } from './annotationSupport';
import type { RunnerHost } from './runnerHost';
import { queryDisplayText } from '../query/display';
import { interpolateFilters, interpolateQuery, TemplateSrvLike } from './interpolate';
import { isComplete, ValidQuery, validateQuery } from '../query/validate';
import { toDataFrames } from '../frames/dataFrame';
import type { AttributeFn } from './eventCache';
import type { HttpClient } from '../sources/http';
import type { EventSource } from '../sources/types';
import type { FrameQueryRunner } from '../sources/datasource/runner';
import { DoraJsonData } from '../settings/model';
import { runsOnServer } from '../settings/serverMode';
import { DEFAULT_QUERY, DoraQuery } from '../query/model';
import { VARIABLE_VALUE_OPTIONS } from '../query/vocabulary';
import { DoraVariableSupport } from './variableSupport';
import { DoraVariableQuery } from '../query/variableQuery';

export interface DataSourceDeps {
  http?: HttpClient;
  /** Clock for attribution and the demo source (tests fix it). */
  now?: () => number;
  templateSrv?: TemplateSrvLike;
  /** Replaces the sources from the settings (tests). */
  sources?: EventSource[];
  attribute?: AttributeFn;
  /** Runs the data source bridge's queries (default: Grafana's data source service, as a panel would). */
  bridgeRunner?: FrameQueryRunner;
  /** Where the pipeline runs (default: the query worker, or the page when none can start; see browserRuntime.ts). */
  host?: RunnerHost;
}

/** The range of variable and editor option lists when Grafana passes none. */
const DEFAULT_LIST_DAYS = 30;

export class DataSource extends DataSourceWithBackend<DoraQuery, DoraJsonData> {
  /** The query pipeline's host, loaded on first use (browserRuntime.ts is its own chunk: the plugin loads fast). */
  private runnerLoad?: Promise<RunnerHost>;
  private readonly now: () => number;
  /** Server mode: queries, variables, annotations and the health check go through the backend. */
  readonly serverMode: boolean;

  constructor(
    private readonly settings: DataSourceInstanceSettings<DoraJsonData>,
    private readonly deps: DataSourceDeps = {}
  ) {
    super(settings);
    this.now = deps.now ?? Date.now;
    this.serverMode = runsOnServer(settings.jsonData);
    this.variables = new DoraVariableSupport(this);
    this.annotations = annotationSupport;
  }

  getDefaultQuery(_app: CoreApp): Partial<DoraQuery> {
    return DEFAULT_QUERY;
  }

  /** Hidden queries and queries still being edited (no kind, no metric, no entity) do nothing. */
  filterQuery(query: DoraQuery): boolean {
    return !query.hide && isComplete(query);
  }

  getQueryDisplayText(query: DoraQuery): string {
    return queryDisplayText(query);
  }

  applyTemplateVariables(query: DoraQuery, scopedVars: ScopedVars): DoraQuery {
    return interpolateQuery(query, scopedVars, this.templateSrv());
  }

  interpolateVariablesInQueries(queries: DoraQuery[], scopedVars: ScopedVars): DoraQuery[] {
    return queries.map((q) => this.applyTemplateVariables(q, scopedVars));
  }

  query(request: DataQueryRequest<DoraQuery>): Observable<DataQueryResponse> {
    if (this.serverMode) {
      // The backend runs the same pipeline; it gets each query with the dashboard's zone resolved.
      const timezone = resolvedZone(request.timezone);
      return super.query({
        ...request,
        targets: request.targets.map((t) => ({ ...t, timezone }) as unknown as DoraQuery),
      });
    }
    return new Observable<DataQueryResponse>((subscriber) => {
      const controller = new AbortController();
      this.run(request, controller.signal).then(
        (response) => {
          subscriber.next(response);
          subscriber.complete();
        },
        (err) => subscriber.error(err)
      );
      return () => controller.abort();
    });
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    return this.serverMode ? super.testDatasource() : (await this.runner()).health();
  }

  /**
   * The values of a template variable query (services, teams, environments, repositories), sorted; the editors'
   * filter options use it too. Filters narrow the list and accept template variables, like a query's.
   */
  async listValues(
    query: Partial<DoraVariableQuery> | undefined,
    range?: TimeRange,
    scopedVars: ScopedVars = {},
    signal: AbortSignal = new AbortController().signal
  ): Promise<string[]> {
    const templateSrv = this.templateSrv();
    const asked = typeof query?.values === 'string' ? templateSrv.replace(query.values, scopedVars) : query?.values;
    const choice = VARIABLE_VALUE_OPTIONS.find((o) => o.value === asked);
    if (!choice) {
      throw new Error(
        `Variable query: values ${JSON.stringify(asked ?? null)} is not known. ` +
          `Use one of: ${VARIABLE_VALUE_OPTIONS.map((o) => o.value).join(', ')} (pick it in the variable editor).`
      );
    }
    const filters = query?.filters ? interpolateFilters(query.filters, scopedVars, templateSrv) : {};
    const now = this.now();
    const listRange = range ?? { from: now - DEFAULT_LIST_DAYS * DAY_MS, to: now };
    if (this.serverMode) {
      return this.serverValues(choice.value, filters, listRange);
    }
    return (await this.runner()).values(choice.value, filters, listRange, signal);
  }

  /** Server mode: a variable's values from the backend (a `values` query, which only the backend's entry knows). */
  private async serverValues(values: string, filters: object, range: TimeRange): Promise<string[]> {
    const target = { refId: 'values', kind: 'values', values, filters } as unknown as DoraQuery;
    const response = await lastValueFrom(
      super.query({
        targets: [target],
        range: { from: dateTime(range.from), to: dateTime(range.to), raw: { from: '', to: '' } },
        requestId: 'dora-variable-values',
        interval: '1d',
        intervalMs: DAY_MS,
        scopedVars: {},
        timezone: 'utc',
        app: CoreApp.Unknown,
        startTime: this.now(),
      } as DataQueryRequest<DoraQuery>)
    );
    if (response.errors?.length) {
      throw new Error(response.errors.map((e) => e.message).join(' '));
    }
    const field = response.data[0]?.fields?.[0];
    return field ? Array.from(field.values as string[]) : [];
  }

  /** "$team", "$service", ...: the dashboard's variables, which every filter accepts. */
  templateVariableNames(): string[] {
    try {
      return (this.templateSrv().getVariables?.() ?? []).map((v) => `$${v.name}`);
    } catch {
      return []; // no dashboard (e.g. the data source settings page)
    }
  }

  /** Problems in the data source settings (catalog, patterns, numbers, sources that cannot start). */
  async settingsProblems(): Promise<string[]> {
    return (await this.runner()).settingsProblems();
  }

  /** The query worker (or the page, when none can start) running the pipeline: see browserRuntime.ts. */
  private runner(): Promise<RunnerHost> {
    const { host, ...deps } = this.deps;
    this.runnerLoad ??= host
      ? Promise.resolve(host)
      : import(/* webpackChunkName: "runtime" */ './browserRuntime').then(({ createBrowserHost }) =>
          createBrowserHost(this.settings, deps)
        );
    return this.runnerLoad;
  }

  private async run(request: DataQueryRequest<DoraQuery>, signal: AbortSignal): Promise<DataQueryResponse> {
    const runner = await this.runner();
    const errors: DataQueryError[] = [];
    const valid: ValidQuery[] = [];
    for (const target of request.targets.filter((t) => this.filterQuery(t))) {
      const checked = validateQuery(this.applyTemplateVariables(target, request.scopedVars ?? {}));
      if (checked.ok) {
        valid.push(checked.query);
      } else {
        errors.push({ refId: target.refId, message: runner.redact(checked.message) });
      }
    }
    const result = await runner.run(
      {
        queries: valid,
        range: { from: request.range.from.valueOf(), to: request.range.to.valueOf() },
        timezone: request.timezone,
        intervalMs: request.intervalMs,
      },
      signal
    );
    errors.push(...result.errors);
    return {
      data: toDataFrames(result.frames),
      errors: errors.length > 0 ? errors : undefined,
      state: errors.length > 0 ? LoadingState.Error : LoadingState.Done,
    };
  }

  private templateSrv(): TemplateSrvLike {
    return this.deps.templateSrv ?? getTemplateSrv();
  }
}

/** The dashboard's zone as an IANA name for the server ('browser' and the default are this browser's zone). */
function resolvedZone(timezone: string | undefined): string {
  const name = (timezone ?? '').trim();
  if (name === '' || name === 'browser') {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'utc';
  }
  return name;
}
