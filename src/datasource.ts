/**
 * The data source: panel queries in, frames out.
 *
 *   targets -> interpolate + validate -> QueryRunner (src/datasource/queryRunner.ts: events of every source,
 *   merged, attributed, computed and framed, the same code the backend runs) -> DataFrames
 *
 * Template variables (src/variables) and the editors' option lists read the same cached, attributed events;
 * annotations (src/annotations) are events queries with format 'annotations'.
 */
import {
  CoreApp,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  LoadingState,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';
import { DAY_MS, TimeRange } from './engine';
import { annotationSupport } from './annotations/annotationSupport';
import { QueryRunner } from './datasource/queryRunner';
import { queryDisplayText } from './datasource.display';
import { interpolateFilters, interpolateQuery, TemplateSrvLike } from './datasource.interpolate';
import { createRedactor } from './datasource.redact';
import { grafanaTimeZone } from './datasource.timezone';
import { isComplete, ValidQuery, validateQuery } from './datasource.validate';
import { toDataFrames } from './frames/dataFrame';
import { AttributeFn } from './sources/eventCache';
import { GrafanaHttpClient } from './sources/http.grafana';
import { HttpClient } from './sources/http';
import { createSourceSetup } from './sources/registry';
import { EventSource } from './sources/types';
import { DoraJsonData } from './types/config';
import { DEFAULT_QUERY, DoraQuery } from './types/query';
import { VARIABLE_VALUE_OPTIONS } from './editors/options';
import { DoraVariableSupport } from './variables/variableSupport';
import { DoraVariableQuery } from './variables/types';
import { variableValues } from './variables/values';

export interface DataSourceDeps {
  http?: HttpClient;
  /** Clock for attribution and the demo source (tests fix it). */
  now?: () => number;
  templateSrv?: TemplateSrvLike;
  /** Replaces the sources from the settings (tests). */
  sources?: EventSource[];
  attribute?: AttributeFn;
}

/** The range of variable and editor option lists when Grafana passes none. */
const DEFAULT_LIST_DAYS = 30;

export class DataSource extends DataSourceApi<DoraQuery, DoraJsonData> {
  private readonly runner: QueryRunner;
  private readonly now: () => number;

  constructor(
    instanceSettings: DataSourceInstanceSettings<DoraJsonData>,
    private readonly deps: DataSourceDeps = {}
  ) {
    super(instanceSettings);
    this.now = deps.now ?? Date.now;
    const setup = createSourceSetup(instanceSettings, deps.http ?? new GrafanaHttpClient(), { now: this.now });
    this.runner = new QueryRunner({
      setup: deps.sources ? { ...setup, sources: deps.sources, demo: null } : setup,
      now: this.now,
      redact: createRedactor(instanceSettings),
      attribute: deps.attribute,
    });
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
    return this.runner.health();
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
    const { attributed, catalog } = await this.runner.attributed(
      range ?? { from: now - DEFAULT_LIST_DAYS * DAY_MS, to: now },
      signal
    );
    return variableValues(attributed, catalog, choice.value, filters);
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
  settingsProblems(): string[] {
    return this.runner.settingsProblems();
  }

  private async run(request: DataQueryRequest<DoraQuery>, signal: AbortSignal): Promise<DataQueryResponse> {
    const errors: DataQueryError[] = [];
    const valid: ValidQuery[] = [];
    for (const target of request.targets.filter((t) => this.filterQuery(t))) {
      const checked = validateQuery(this.applyTemplateVariables(target, request.scopedVars ?? {}));
      if (checked.ok) {
        valid.push(checked.query);
      } else {
        errors.push({ refId: target.refId, message: this.runner.redact(checked.message) });
      }
    }
    const result = await this.runner.run(
      {
        queries: valid,
        range: { from: request.range.from.valueOf(), to: request.range.to.valueOf() },
        zone: grafanaTimeZone(request.timezone),
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
