/** The command line of `npm run dora`: parsed with node:util parseArgs, every value checked and explained. */
import { parseArgs } from 'node:util';
import {
  BENCHMARK_YEARS,
  BenchmarkYear,
  DEFAULT_OPTIONS,
  GroupBy,
  LEAD_TIME_STARTS,
  LeadTimeStart,
} from '../src/engine';
import { parseInstant } from '../src/sources/json/instant';
import { CliError } from './errors';

export const USAGE = `Usage: npm run dora -- (--events FILE | --demo) [options]

Prints the DORA scorecard as JSON: one entry per group with deployments, deployment frequency, median lead
time, change fail rate, recovery and restore times (hours), rework rate, levels and the DORA score.
Computed by the plugin's own engine. Rates are 0..1 (null without deployments); hours have 2 decimals.

  --events FILE            events file (format: docs/events-format.md)
  --demo                   the built-in demo data instead of a file
  --seed N                 demo seed (default 42)
  --from ISO, --to ISO     range, e.g. 2024-03-01T00:00:00Z (default: the whole days the events span;
                           with --demo the last 90 days)
  --group-by KEY           service (default), team, environment, repository or none
  --benchmark-year YEAR    ${BENCHMARK_YEARS.join(', ')} (default ${DEFAULT_OPTIONS.benchmarkYear})
  --lead-time-start START  ${LEAD_TIME_STARTS.join(', ')} (default ${DEFAULT_OPTIONS.leadTimeStart})
  --now ISO                the current instant (default: the clock)
  --utc-offset OFFSET      zone of days and weeks as an offset, e.g. +02:00 (default: UTC)
  --help                   this text

Exit codes: 0 done, 2 bad arguments or an invalid events file, 1 internal error.`;

export const GROUP_BYS: GroupBy[] = ['service', 'team', 'environment', 'repository', 'none'];
export const DEFAULT_SEED = 42;

export interface CliOptions {
  help: boolean;
  /** Exactly one of eventsFile and demo. */
  eventsFile?: string;
  demo: boolean;
  seed: number;
  from?: number;
  to?: number;
  groupBy: GroupBy;
  benchmarkYear: BenchmarkYear;
  leadTimeStart: LeadTimeStart;
  now?: number;
  utcOffsetMinutes: number;
}

const OPTIONS = {
  events: { type: 'string' },
  demo: { type: 'boolean' },
  seed: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'group-by': { type: 'string' },
  'benchmark-year': { type: 'string' },
  'lead-time-start': { type: 'string' },
  now: { type: 'string' },
  'utc-offset': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCliArgs(argv: string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new CliError(`${argumentProblem(e)}. Run with --help for the options.`);
  }
  if (values.help === true) {
    return {
      help: true,
      demo: false,
      seed: DEFAULT_SEED,
      groupBy: 'service',
      benchmarkYear: DEFAULT_OPTIONS.benchmarkYear,
      leadTimeStart: DEFAULT_OPTIONS.leadTimeStart,
      utcOffsetMinutes: 0,
    };
  }
  const options: CliOptions = {
    help: false,
    demo: values.demo === true,
    seed: DEFAULT_SEED,
    groupBy: oneOf('--group-by', values['group-by'], GROUP_BYS, 'service'),
    benchmarkYear: year(values['benchmark-year']),
    leadTimeStart: oneOf(
      '--lead-time-start',
      values['lead-time-start'],
      LEAD_TIME_STARTS,
      DEFAULT_OPTIONS.leadTimeStart
    ),
    utcOffsetMinutes: utcOffset(values['utc-offset']),
  };
  const events = values.events as string | undefined;
  if (events !== undefined && options.demo) {
    throw new CliError('Use either --events FILE or --demo, not both.');
  }
  if (events === undefined && !options.demo) {
    throw new CliError('Pass --events FILE (an events file, see docs/events-format.md) or --demo for the demo data.');
  }
  if (events !== undefined) {
    if (events.trim() === '') {
      throw new CliError('--events: the file name is empty; pass the path of an events file.');
    }
    options.eventsFile = events;
  }
  if (values.seed !== undefined) {
    if (!options.demo) {
      throw new CliError('--seed only applies to --demo; leave it out with --events.');
    }
    options.seed = seed(values.seed as string);
  }
  options.from = instant('--from', values.from);
  options.to = instant('--to', values.to);
  options.now = instant('--now', values.now);
  if (options.from !== undefined && options.to !== undefined && options.from >= options.to) {
    throw new CliError(`--from (${values.from}) must be before --to (${values.to}); swap them or widen the range.`);
  }
  return options;
}

function argumentProblem(e: unknown): string {
  const error = e as { code?: string; message?: string };
  const message = (error.message ?? String(e)).replace(/\. To specify [\s\S]*$/, '');
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option: ${message.replace(/^Unknown option /, '')}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${message.replace(/^Unexpected argument/, 'Unexpected argument')}; every value follows its option, e.g. --events FILE`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${message}; give the option its value, e.g. --from 2024-03-01T00:00:00Z`;
    default:
      return message;
  }
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) {
    return fallback;
  }
  const found = allowed.filter((a) => a === value)[0];
  if (found === undefined) {
    const near = allowed.filter((a) => a.toLowerCase() === String(value).toLowerCase().replace(/s$/, ''))[0];
    throw new CliError(
      `${name}: "${String(value)}" is not one of ${allowed.join(', ')}; ` +
        (near ? `write ${name} ${near}.` : `pass one of them, e.g. ${name} ${fallback}.`)
    );
  }
  return found;
}

function year(value: unknown): BenchmarkYear {
  if (value === undefined) {
    return DEFAULT_OPTIONS.benchmarkYear;
  }
  const found = BENCHMARK_YEARS.filter((y) => String(y) === value)[0];
  if (found === undefined) {
    throw new CliError(
      `--benchmark-year: "${String(value)}" is not a benchmark year; pass one of ${BENCHMARK_YEARS.join(', ')} (${DEFAULT_OPTIONS.benchmarkYear} is the default).`
    );
  }
  return found;
}

function seed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 0xffffffff) {
    throw new CliError(`--seed: "${value}" is not a whole number from 0 to 4294967295; pass e.g. --seed 42.`);
  }
  return n;
}

function instant(name: string, value: unknown): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const parsed = parseInstant(value);
  if (!parsed.ok) {
    throw new CliError(`${name}: "${String(value)}" ${parsed.problem}.`);
  }
  return parsed.value;
}

function utcOffset(value: unknown): number {
  if (value === undefined || value === 'Z' || value === 'UTC') {
    return 0;
  }
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(String(value));
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) {
    throw new CliError(`--utc-offset: "${String(value)}" is not an offset; write it like +02:00, -05:30 or Z.`);
  }
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
