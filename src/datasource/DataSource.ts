/**
 * The data source: panel queries in, frames out.
 *
 *   targets -> interpolate + validate -> events of every source (cached, look-back widened, partial on
 *   failure) -> merge -> attribute (memoized) -> compute + frame per query -> notices on the first frame
 *
 * Template variables (src/datasource/variableSupport.ts) and the editors' option lists read the same cached, attributed events;
 * annotations (src/frames/annotations) are events queries with format 'annotations'.
 */
import {
  CoreApp,
  DataFrame,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  FieldType,
  LoadingState,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';
import {
  attribute,
  Attributed,
  DataQualityFinding,
  DAY_MS,
  DoraEvents,
  EngineOptions,
  ServiceCatalog,
  TimeRange,
  utcMinute,
} from '../engine';
import { annotationSupport } from './annotationSupport';
import { framesFor } from './compute';
import { queryDisplayText } from '../query/display';
import { checkHealth } from './health';
import { interpolateFilters, interpolateQuery, TemplateSrvLike } from './interpolate';
import { attachNotices, dataQualityNotice, demoNotice, messageOf, sourceFailureNotice } from './notices';
import { createRedactor, Redactor } from './redact';
import { grafanaTimeZone } from './timezone';
import { isComplete, ValidQuery, validateQuery } from '../query/validate';
import { AttributeFn, AttributionMemo, EventCache } from './eventCache';
import { GrafanaHttpClient } from '../sources/http.grafana';
import { HttpClient } from '../sources/http';
import { createSourceSetup, SourceSetup } from '../sources/registry';
import { EventSource, SourceNotice, SourceResult } from '../sources/types';
import { DoraJsonData } from '../settings/model';
import { DEFAULT_QUERY, DoraQuery } from '../query/model';
import { VARIABLE_VALUE_OPTIONS } from '../query/vocabulary';
import { DoraVariableSupport } from './variableSupport';
import { DoraVariableQuery } from '../query/variableQuery';
import { variableValues } from './variableValues';

export interface DataSourceDeps {
  http?: HttpClient;
  /** Clock for attribution and the demo source (tests fix it). */
  now?: () => number;
  templateSrv?: TemplateSrvLike;
  /** Replaces the sources from the settings (tests). */
  sources?: EventSource[];
  attribute?: AttributeFn;
}

/** The fetched, merged events of one request, with what went wrong on the way. */
interface LoadedEvents {
  events?: DoraEvents;
  notices: SourceNotice[];
  findings: DataQualityFinding[];
  /** Set when no source could be read. */
  error?: string;
}

const MINUTE_MS = 60 * 1000;
/** The range of variable and editor option lists when Grafana passes none. */
const DEFAULT_LIST_DAYS = 30;

export class DataSource extends DataSourceApi<DoraQuery, DoraJsonData> {
  private readonly setup: SourceSetup;
  private readonly cache = new EventCache();
  private readonly memo: AttributionMemo;
  private readonly now: () => number;
  private readonly redact: Redactor;

  constructor(
    instanceSettings: DataSourceInstanceSettings<DoraJsonData>,
    private readonly deps: DataSourceDeps = {}
  ) {
    super(instanceSettings);
    this.now = deps.now ?? Date.now;
    const setup = createSourceSetup(instanceSettings, deps.http ?? new GrafanaHttpClient(), { now: this.now });
    this.setup = deps.sources ? { ...setup, sources: deps.sources, demo: null } : setup;
    this.memo = new AttributionMemo(deps.attribute ?? attribute);
    this.redact = createRedactor(instanceSettings);
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
    return checkHealth(this.setup.sources, this.setup.notices, this.now(), this.redact);
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
    const { attributed, catalog } = await this.attributed(
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
    return this.setup.notices.filter((n) => n.severity !== 'info').map((n) => this.redact(n.text));
  }

  /** The events of a range attributed with the settings' options, through the same caches as the panels. */
  private async attributed(
    range: TimeRange,
    signal: AbortSignal
  ): Promise<{ attributed: Attributed; catalog?: ServiceCatalog }> {
    const loaded = await this.load(range, signal);
    if (loaded.error || !loaded.events) {
      throw new Error(this.redact(loaded.error ?? 'no events.'));
    }
    return {
      attributed: this.memo.attribute(loaded.events, this.setup.options, this.minuteNow()),
      catalog: loaded.events.catalog,
    };
  }

  /** "now" to the minute, so panels refreshed within a minute share one attribution. */
  private minuteNow(): number {
    return Math.floor(this.now() / MINUTE_MS) * MINUTE_MS;
  }

  private async run(request: DataQueryRequest<DoraQuery>, signal: AbortSignal): Promise<DataQueryResponse> {
    const data: DataFrame[] = [];
    const errors: DataQueryError[] = [];
    const valid: ValidQuery[] = [];
    for (const target of request.targets.filter((t) => this.filterQuery(t))) {
      const checked = validateQuery(this.applyTemplateVariables(target, request.scopedVars ?? {}));
      if (checked.ok) {
        valid.push(checked.query);
      } else {
        errors.push({ refId: target.refId, message: this.redact(checked.message) });
      }
    }
    if (valid.length > 0) {
      const range: TimeRange = { from: request.range.from.valueOf(), to: request.range.to.valueOf() };
      const loaded = await this.load(range, signal);
      const zone = grafanaTimeZone(request.timezone);
      for (const query of valid) {
        if (loaded.error || !loaded.events) {
          errors.push({ refId: query.refId, message: this.redact(`Query ${query.refId}: ${loaded.error}`) });
          continue;
        }
        try {
          const options = this.optionsFor(query);
          const attributed = this.memo.attribute(loaded.events, options, this.minuteNow());
          const frames = framesFor(query, attributed, {
            range,
            zone,
            intervalMs: request.intervalMs,
            benchmarkYear: options.benchmarkYear,
            extraFindings: loaded.findings,
          });
          const notices = loaded.notices.concat(this.qualityNotices(query, attributed, loaded.findings));
          data.push(...attachNotices(frames, notices, query.refId).map((f) => this.redactFrame(f)));
        } catch (e) {
          errors.push({ refId: query.refId, message: this.redact(`Query ${query.refId}: ${messageOf(e)}`) });
        }
      }
    }
    return {
      data,
      errors: errors.length > 0 ? errors : undefined,
      state: errors.length > 0 ? LoadingState.Error : LoadingState.Done,
    };
  }

  /** Every source's events for the range widened by the look-back; a failing source never hides the others. */
  private async load(range: TimeRange, signal: AbortSignal): Promise<LoadedEvents> {
    const widened = { from: range.from - this.setup.lookbackDays * DAY_MS, to: range.to };
    const settled = await Promise.all(
      this.setup.sources.map((source) =>
        this.cache.fetch(source, widened, signal).then(
          (result) => ({ source, result, error: undefined }),
          (error: unknown) => ({ source, result: undefined, error })
        )
      )
    );
    if (signal.aborted) {
      throw abortError();
    }
    const notices: SourceNotice[] = [];
    const demo = demoNotice(this.setup.demo);
    if (demo) {
      notices.push(demo);
    }
    notices.push(...this.setup.notices);
    const results: SourceResult[] = [];
    const findings: DataQualityFinding[] = [];
    const failures: string[] = [];
    for (const { source, result, error } of settled) {
      if (!result) {
        notices.push(sourceFailureNotice(source.name, error));
        failures.push(`${source.name}: ${messageOf(error)}`);
        continue;
      }
      results.push(result);
      notices.push(...result.notices);
      if (isEmpty(result.events)) {
        findings.push({
          kind: 'source-without-events',
          severity: 'warning',
          subject: source.name,
          message:
            `Source "${source.name}" returned no events between ${utcMinute(widened.from)} and ${utcMinute(widened.to)}. ` +
            'Check its settings (repositories, environment and workflow patterns) or widen the time range.',
        });
      }
    }
    if (results.length === 0) {
      const why = failures.length > 0 ? failures : this.setup.notices.map((n) => n.text);
      return { notices, findings, error: `no source could be read. ${why.join(' ')}`.trim() };
    }
    return { events: this.memo.merge(results, this.setup.catalog), notices, findings };
  }

  private optionsFor(query: ValidQuery): EngineOptions {
    const leadTimeStart = query.kind === 'metric' || query.kind === 'scorecard' ? query.leadTimeStart : undefined;
    return leadTimeStart ? { ...this.setup.options, leadTimeStart } : this.setup.options;
  }

  /** The data-quality summary, except on a data-quality table, which already lists every finding. */
  private qualityNotices(query: ValidQuery, attributed: Attributed, extra: DataQualityFinding[]): SourceNotice[] {
    if (query.kind === 'dataQuality') {
      return [];
    }
    const notice = dataQualityNotice(extra.concat(attributed.dataQuality));
    return notice ? [notice] : [];
  }

  private redactFrame(frame: DataFrame): DataFrame {
    const notices = frame.meta?.notices?.map((n) => ({ ...n, text: this.redact(n.text) }));
    return {
      ...frame,
      meta: frame.meta ? { ...frame.meta, notices } : frame.meta,
      fields: frame.fields.map((field) =>
        field.type === FieldType.string
          ? { ...field, values: field.values.map((v) => (typeof v === 'string' ? this.redact(v) : v)) }
          : field
      ),
    };
  }

  private templateSrv(): TemplateSrvLike {
    return this.deps.templateSrv ?? getTemplateSrv();
  }
}

function isEmpty(events: DoraEvents): boolean {
  return (
    events.deployments.length === 0 &&
    events.changes.length === 0 &&
    events.incidents.length === 0 &&
    events.pipelineRuns.length === 0
  );
}

function abortError(): Error {
  const err = new Error('The query was cancelled');
  err.name = 'AbortError';
  return err;
}
