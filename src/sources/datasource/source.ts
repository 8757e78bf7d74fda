/**
 * Any Grafana data source as a source of DORA events: each mapping's query runs against its data source (the
 * range widened by the look-back), and its rows become events of the mapping's kind (rows.ts). A mapping that
 * fails or has bad rows is a notice naming the mapping, the row and the field; the others' events still arrive.
 */
import { appendEvents, emptyEvents, Instant, TimeRange } from '../../engine';
import { abortError, isAbortError } from '../abort';
import { describeGrafanaError, GrafanaApiAccess, missingTokenMessage } from '../grafanaApi';
import { EventSource, HealthCheckItem, SourceNotice, SourceResult } from '../types';
import { bridgeQuery, CHECK_DAYS, checkRange } from './queryModel';
import { rowsToEvents, SOURCE } from './rows';
import { FrameQueryRunner, QueryAnswer } from './runner';
import {
  DataSourceBridgeSettings,
  resolveBridgeSettings,
  ResolvedBridgeSettings,
  ResolvedMapping,
} from '../../settings/datasourceBridge';

export interface DataSourceBridgeOptions {
  /** The data source service (browser) or Grafana's query API (server). */
  runner: FrameQueryRunner;
  grafana: GrafanaApiAccess;
  settings: DataSourceBridgeSettings | undefined;
  now?: () => Instant;
}

/** Problems listed in one notice; the rest are counted. */
const SHOWN_PROBLEMS = 5;
const SUBJECT = 'Data source bridge';
/** What querying a mapping's data source through Grafana's API needs (a 403's fix). */
const QUERY_PERMISSION = "the Viewer role and query permission on each mapping's data source";

interface MappingOutcome {
  mapping: ResolvedMapping;
  answer?: QueryAnswer;
  failure?: string;
}

export class DataSourceBridgeSource implements EventSource {
  readonly name = SOURCE;
  private readonly now: () => Instant;

  constructor(private readonly options: DataSourceBridgeOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const events = emptyEvents();
    const ready = this.ready();
    if ('error' in ready) {
      return { events, notices: [{ severity: 'error', text: ready.error }] };
    }
    const notices: SourceNotice[] = [];
    for (const outcome of await this.runAll(ready.settings, range, signal)) {
      const label = `Mapping "${outcome.mapping.name}" (${outcome.mapping.kind} from data source ${outcome.mapping.datasource.uid})`;
      if (outcome.failure || outcome.answer?.error) {
        notices.push({
          severity: 'error',
          // A failure to reach Grafana carries its own fix; a data source's error is about the query.
          text: `${label}: ${outcome.failure ?? `${outcome.answer?.error}. Check the query in the data source settings.`}`,
        });
        if (!outcome.answer || outcome.answer.tables.length === 0) {
          continue;
        }
      }
      const result = rowsToEvents(outcome.answer?.tables ?? [], outcome.mapping);
      appendEvents(events, result.events);
      if (result.errors.length > 0) {
        const shown = result.errors.slice(0, SHOWN_PROBLEMS).join(' ');
        const more =
          result.errors.length > SHOWN_PROBLEMS ? ` (${result.errors.length - SHOWN_PROBLEMS} more problems)` : '';
        const valid = result.events[outcome.mapping.kind].length;
        notices.push({
          severity: 'warning',
          text: `${label}: ${result.rows - valid} of ${result.rows} rows left out. ${shown}${more}`,
        });
      } else if (result.rows === 0 && !outcome.answer?.error) {
        notices.push({ severity: 'info', text: `${label}: the query returned no rows in the range.` });
      }
    }
    return { events, notices };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    const ready = this.ready();
    if ('error' in ready) {
      return [{ source: this.name, status: 'error', message: ready.error }];
    }
    const now = this.now();
    const items: HealthCheckItem[] = [];
    for (const outcome of await this.runAll(ready.settings, checkRange(now), signal)) {
      const label = `mapping "${outcome.mapping.name}"`;
      const error = outcome.failure ?? outcome.answer?.error;
      if (error) {
        items.push({ source: this.name, status: 'error', message: `${label}: ${error}` });
        continue;
      }
      const result = rowsToEvents(outcome.answer?.tables ?? [], outcome.mapping);
      const valid = result.events[outcome.mapping.kind].length;
      items.push({
        source: this.name,
        status: result.errors.length > 0 ? 'warning' : 'ok',
        message:
          `${label}: ${result.rows} row${result.rows === 1 ? '' : 's'} in the last ${CHECK_DAYS} days, ${valid} valid ${outcome.mapping.kind}` +
          (result.errors.length > 0 ? `; first problem: ${result.errors[0]}` : ''),
      });
    }
    return items;
  }

  private async runAll(
    settings: ResolvedBridgeSettings,
    range: TimeRange,
    signal?: AbortSignal
  ): Promise<MappingOutcome[]> {
    const queries = settings.mappings.map((m, i) => bridgeQuery(m, `M${i}`, range));
    try {
      const answers = await this.options.runner.run(queries, range, signal);
      return settings.mappings.map((mapping, i) => ({
        mapping,
        answer: answers[`M${i}`] ?? { tables: [], error: 'no answer' },
      }));
    } catch (e) {
      if (signal?.aborted || isAbortError(e)) {
        throw abortError();
      }
      const failure = describeGrafanaError(SUBJECT, e, QUERY_PERMISSION).replace(`${SUBJECT}: `, '');
      return settings.mappings.map((mapping) => ({ mapping, failure }));
    }
  }

  private ready(): { settings: ResolvedBridgeSettings } | { error: string } {
    if (this.options.grafana.auth === 'missing') {
      return { error: missingTokenMessage(SUBJECT) };
    }
    try {
      return { settings: resolveBridgeSettings(this.options.settings) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
}
