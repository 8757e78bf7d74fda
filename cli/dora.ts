/**
 * `npm run dora -- --events FILE` (or `--demo`): the DORA scorecard as JSON on stdout, computed by the same
 * engine the Grafana plugin runs (attribute + computeScorecard). Notes go to stderr, so stdout stays JSON.
 * Bad arguments and invalid files: a message naming the argument or field and the fix, exit code 2.
 */
import { readFileSync } from 'node:fs';
import {
  attribute,
  computeScorecard,
  DAY_MS,
  DoraEvents,
  EngineInputError,
  fixedOffset,
  messageOf,
  TimeRange,
} from '../src/engine';
import { DemoSource } from '../src/sources/demo';
import { parseEventsJson } from '../src/sources/json';
import { CliOptions, parseCliArgs, USAGE } from './args';
import { CliError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './errors';
import { toCliRow } from './report';
import { fileRange } from './span';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  now(): number;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => Date.now(),
};

/** The demo's default range, and the look-back fetched before it (the data source's default too). */
const DEMO_RANGE_DAYS = 90;
const LOOKBACK_DAYS = 30;

interface Input {
  events: DoraEvents;
  range: TimeRange;
  /** Where the events and the range came from, for the note on stderr. */
  description: string;
}

const SPAN_NOTE = ' (the whole days the events span)';

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.out(USAGE + '\n');
      return EXIT_OK;
    }
    const now = options.now ?? io.now();
    const input = options.demo ? await demoInput(options, now) : fileInput(options, io);
    const attributed = attribute(
      input.events,
      { leadTimeStart: options.leadTimeStart, benchmarkYear: options.benchmarkYear },
      now
    );
    const rows = computeScorecard(attributed, {
      groupBy: options.groupBy,
      range: input.range,
      zone: fixedOffset(options.utcOffsetMinutes),
      benchmarkYear: options.benchmarkYear,
    });
    io.out(JSON.stringify(rows.map(toCliRow), null, 2) + '\n');
    io.err(
      `dora: ${input.description}: ${iso(input.range.from)} to ${iso(input.range.to)}, by ${options.groupBy}, ` +
        `benchmark ${options.benchmarkYear}, lead time from ${options.leadTimeStart}.\n`
    );
    const quality = dataQualitySummary(attributed.dataQuality.map((f) => f.kind));
    if (quality) {
      io.err(`dora: data quality: ${quality}.\n`);
    }
    return EXIT_OK;
  } catch (e) {
    return report(e, io);
  }
}

function fileInput(options: CliOptions, io: CliIo): Input {
  const file = options.eventsFile as string;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new CliError(`--events: cannot read "${file}": ${readProblem(e)}.`);
  }
  const parsed = parseEventsJson(text);
  if (parsed.errors.length > 0) {
    const count = parsed.errors.length;
    throw new CliError(
      `--events: "${file}" is not a valid events file (see docs/events-format.md); fix ` +
        `${count === 1 ? 'this problem' : 'these problems'} and run again:`,
      parsed.errors
    );
  }
  const { range, spanned } = fileRange(parsed.events, options.from, options.to, options.utcOffsetMinutes);
  if (range.from >= range.to) {
    throw new CliError(
      `The range ${iso(range.from)} to ${iso(range.to)} is empty: ` +
        `${options.from !== undefined ? '--from is after the last event' : '--to is before the first event'}; ` +
        'pass both --from and --to.'
    );
  }
  return { events: parsed.events, range, description: spanned ? `${file}${SPAN_NOTE}` : file };
}

async function demoInput(options: CliOptions, now: number): Promise<Input> {
  const to = options.to ?? now;
  const from = options.from ?? to - DEMO_RANGE_DAYS * DAY_MS;
  if (from >= to) {
    throw new CliError(
      `--from (${iso(from)}) must be before the end of the range (${iso(to)}); pass an earlier --from.`
    );
  }
  const source = new DemoSource({ seed: options.seed, now: () => now });
  const result = await source.fetchEvents({ from: from - LOOKBACK_DAYS * DAY_MS, to });
  const problems = result.notices.filter((n) => n.severity === 'error');
  if (problems.length > 0) {
    throw new CliError(problems.map((n) => n.text).join(' '));
  }
  return { events: result.events, range: { from, to }, description: `demo data (seed ${options.seed})` };
}

function readProblem(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file; check the path (relative paths start in the directory you run npm from)';
    case 'EISDIR':
      return 'it is a directory; pass the events file inside it';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; make the file readable';
    default:
      return `${messageOf(e)}; check the path`;
  }
}

function dataQualitySummary(kinds: string[]): string {
  const counts: Record<string, number> = {};
  kinds.forEach((k) => (counts[k] = (counts[k] ?? 0) + 1));
  return Object.keys(counts)
    .sort()
    .map((k) => `${counts[k]} ${k}`)
    .join(', ');
}

function report(e: unknown, io: CliIo): number {
  if (e instanceof CliError) {
    io.err(`dora: ${e.message}\n${e.details.map((line) => `  - ${line}\n`).join('')}`);
    return EXIT_USAGE;
  }
  if (e instanceof EngineInputError) {
    io.err(`dora: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const message = messageOf(e);
  io.err(`dora: internal error: ${message}. Please report it with the command you ran.\n`);
  return EXIT_INTERNAL;
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
