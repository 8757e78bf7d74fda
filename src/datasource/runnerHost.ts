/**
 * Where a browser-mode data source's pipeline runs, behind one small interface: in the query worker
 * (workerHost.ts, the default: fetching, parsing, attribution and computing leave the page's main thread) or on
 * the page itself (inlineHost below: when no worker can start, and in tests).
 */
import { Filters, TimeRange, TimeZone } from '../engine';
import { HealthResult } from './health';
import { QueryRunner, RunRequest, RunResult } from './queryRunner';
import { VariableValues } from '../query/variableQuery';
import { Call, CallKind, CallResults } from './workerProtocol';

/** A run request as it crosses to the worker: the zone as Grafana names it (the engine's zone is a function). */
export interface HostRunRequest extends Omit<RunRequest, 'zone'> {
  /** Grafana's zone setting: 'browser', 'utc', '' (the default) or an IANA name. */
  timezone?: string;
}

export interface RunnerHost {
  /** Where it runs, for messages and tests. */
  readonly where: 'worker' | 'page';
  run(request: HostRunRequest, signal: AbortSignal): Promise<RunResult>;
  values(values: VariableValues, filters: Filters, range: TimeRange, signal: AbortSignal): Promise<string[]>;
  health(): Promise<HealthResult>;
  settingsProblems(): Promise<string[]>;
  /** Masks tokens in a text made on the page (the pipeline redacts its own). */
  redact(text: string): string;
}

/**
 * A QueryRunner as a host: on the page's main thread (zones by Grafana's moment-timezone), or inside the worker
 * (zones by Intl), which serves it to the page.
 */
export function inlineHost(
  runner: QueryRunner,
  zoneOf: (timezone: string | undefined) => TimeZone,
  where: RunnerHost['where'] = 'page'
): RunnerHost {
  return {
    where,
    run: ({ timezone, ...request }, signal) => runner.run({ ...request, zone: zoneOf(timezone) }, signal),
    values: (values, filters, range, signal) => runner.values(values, filters, range, signal),
    health: () => runner.health(),
    settingsProblems: () => Promise.resolve(runner.settingsProblems()),
    redact: (text) => runner.redact(text),
  };
}

/** One call (as the worker protocol names it) on a host. */
export function dispatch(host: RunnerHost, call: Call, signal: AbortSignal): Promise<CallResults[CallKind]> {
  switch (call.kind) {
    case 'run':
      return host.run(call.request, signal);
    case 'values':
      return host.values(call.values, call.filters, call.range, signal);
    case 'health':
      return host.health();
    case 'settingsProblems':
      return host.settingsProblems();
  }
}
