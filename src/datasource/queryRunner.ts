/**
 * The query pipeline without Grafana: checked queries in, frame descriptions and per-query errors out.
 *
 *   queries -> events of every source (cached, look-back widened, partial on failure) -> merge ->
 *   attribute (memoized) -> compute + frame per query -> notices on the first frame -> redaction
 *
 * The DataSource runs it in the browser (and turns the descriptions into DataFrames); the backend's entry
 * (src/server) runs the very same code on the Grafana server. Nothing here imports Grafana, React or the DOM.
 */
import {
  attribute,
  Attributed,
  DataQualityFinding,
  DAY_MS,
  DoraEvents,
  EngineOptions,
  Filters,
  MINUTE_MS,
  ServiceCatalog,
  TimeRange,
  TimeZone,
  utcMinute,
} from '../engine';
import { describeFrames } from './compute';
import { checkHealth, HealthResult } from './health';
import { attachNotices, dataQualityNotice, demoNotice, errorSentence, sourceFailureNotice } from './notices';
import { Redactor } from './redact';
import { ValidQuery } from '../query/validate';
import { FrameDescription } from '../frames/frame';
import { AttributeFn, AttributionMemo, EventCache } from './eventCache';
import { abortError } from '../sources/abort';
import { SourceSetup } from '../sources/registry';
import { SourceNotice, SourceResult } from '../sources/types';
import { VariableValues } from '../query/variableQuery';
import { variableValues } from './variableValues';
import { OnCallRead, readOnCall } from './onCall';

export interface QueryRunnerDeps {
  setup: SourceSetup;
  now: () => number;
  redact: Redactor;
  attribute?: AttributeFn;
  /** A reason to refuse the merged events (the server's check of texts its runtime reads differently). */
  refuseEvents?: (events: DoraEvents) => string | undefined;
  /**
   * Awaited before each attribution and each query's computation: the browser's query worker yields to its
   * messages there, so a cancel that arrives mid-request stops the remaining work. Absent: no pause.
   */
  checkpoint?: (signal: AbortSignal) => Promise<void>;
}

/** The fetched, merged events of one request, with what went wrong on the way. */
export interface LoadedEvents {
  events?: DoraEvents;
  notices: SourceNotice[];
  findings: DataQualityFinding[];
  /** Set when no source could be read. */
  error?: string;
}

export interface RunRequest {
  /** Checked queries (template variables already replaced). */
  queries: ValidQuery[];
  range: TimeRange;
  zone: TimeZone;
  /** Grafana's interval, for the 'auto' bucket. */
  intervalMs?: number;
}

export interface RunResult {
  frames: FrameDescription[];
  errors: Array<{ refId: string; message: string }>;
}

export class QueryRunner {
  readonly setup: SourceSetup;
  private readonly cache = new EventCache();
  private readonly memo: AttributionMemo;

  constructor(private readonly deps: QueryRunnerDeps) {
    this.setup = deps.setup;
    this.memo = new AttributionMemo(deps.attribute ?? attribute);
  }

  /** Every query answered on its own: one query's error never hides another's frames. */
  async run(request: RunRequest, signal: AbortSignal): Promise<RunResult> {
    const frames: FrameDescription[] = [];
    const errors: RunResult['errors'] = [];
    if (request.queries.length === 0) {
      return { frames, errors };
    }
    const range = request.range;
    const loaded = await this.load(range, signal);
    const onCall = request.queries.some((q) => q.kind === 'onCall')
      ? await readOnCall(this.setup.sources, loaded.events?.catalog ?? this.setup.catalog, signal)
      : undefined;
    for (const query of request.queries) {
      if (loaded.error || !loaded.events) {
        errors.push({ refId: query.refId, message: this.redact(`Query ${query.refId}: ${loaded.error}`) });
        continue;
      }
      await this.checkpoint(signal);
      try {
        const options = this.optionsFor(query);
        const attributed = this.memo.attribute(loaded.events, options, this.minuteNow());
        const described = describeFrames(query, attributed, {
          range,
          zone: request.zone,
          intervalMs: request.intervalMs,
          benchmarkYear: options.benchmarkYear,
          extraFindings: loaded.findings,
          onCall: onCall?.rows,
        });
        const notices = loaded.notices.concat(this.queryNotices(query, attributed, loaded.findings, onCall));
        frames.push(...attachNotices(described, notices, query.refId).map((f) => this.redactFrame(f)));
      } catch (e) {
        errors.push({ refId: query.refId, message: this.redact(`Query ${query.refId}: ${errorSentence(e)}`) });
      }
    }
    return { frames, errors };
  }

  /** The events of a range attributed with the settings' options, through the same caches as the queries. */
  async attributed(
    range: TimeRange,
    signal: AbortSignal
  ): Promise<{ attributed: Attributed; catalog?: ServiceCatalog }> {
    const loaded = await this.load(range, signal);
    if (loaded.error || !loaded.events) {
      throw new Error(this.redact(loaded.error ?? 'no events.'));
    }
    await this.checkpoint(signal);
    return {
      attributed: this.memo.attribute(loaded.events, this.setup.options, this.minuteNow()),
      catalog: loaded.events.catalog,
    };
  }

  /** A template variable's values (services, teams, ...) in the range, narrowed by the filters. */
  async values(values: VariableValues, filters: Filters, range: TimeRange, signal: AbortSignal): Promise<string[]> {
    const { attributed, catalog } = await this.attributed(range, signal);
    return variableValues(attributed, catalog, values, filters);
  }

  health(): Promise<HealthResult> {
    return checkHealth(this.setup.sources, this.setup.notices, this.deps.now(), this.deps.redact);
  }

  /** Problems in the settings (catalog, patterns, numbers, sources that cannot start), redacted. */
  settingsProblems(): string[] {
    return this.setup.notices.filter((n) => n.severity !== 'info').map((n) => this.redact(n.text));
  }

  redact(text: string): string {
    return this.deps.redact(text);
  }

  /** The host's pause (if any), then a cancelled request stops here. */
  private async checkpoint(signal: AbortSignal): Promise<void> {
    if (this.deps.checkpoint) {
      await this.deps.checkpoint(signal);
    }
    if (signal.aborted) {
      throw abortError();
    }
  }

  /** "now" to the minute, so panels refreshed within a minute share one attribution. */
  private minuteNow(): number {
    return Math.floor(this.deps.now() / MINUTE_MS) * MINUTE_MS;
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
        failures.push(`${source.name}: ${errorSentence(error)}`);
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
    const events = this.memo.merge(results, this.setup.catalog);
    const refused = this.deps.refuseEvents?.(events);
    if (refused) {
      return { notices, findings, error: refused };
    }
    return { events, notices, findings };
  }

  private optionsFor(query: ValidQuery): EngineOptions {
    const leadTimeStart = query.kind === 'metric' || query.kind === 'scorecard' ? query.leadTimeStart : undefined;
    return leadTimeStart ? { ...this.setup.options, leadTimeStart } : this.setup.options;
  }

  /**
   * The data-quality summary, except on a data-quality table (it lists every finding) and on the on-call table
   * (it is not computed from events), which gets what the on-call sources said instead.
   */
  private queryNotices(
    query: ValidQuery,
    attributed: Attributed,
    extra: DataQualityFinding[],
    onCall: OnCallRead | undefined
  ): SourceNotice[] {
    if (query.kind === 'onCall') {
      return onCall?.notices ?? [];
    }
    if (query.kind === 'dataQuality') {
      return [];
    }
    const notice = dataQualityNotice(extra.concat(attributed.dataQuality));
    return notice ? [notice] : [];
  }

  private redactFrame(frame: FrameDescription): FrameDescription {
    const notices = frame.meta?.notices?.map((n) => ({ ...n, text: this.redact(n.text) }));
    return {
      ...frame,
      meta: frame.meta ? { ...frame.meta, notices } : frame.meta,
      fields: frame.fields.map((field) =>
        field.type === 'string'
          ? { ...field, values: field.values.map((v) => (typeof v === 'string' ? this.redact(v) : v)) }
          : field
      ),
    };
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
