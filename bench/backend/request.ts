/**
 * What `npm run bench:backend` asks, in one place: the queries (a scorecard and the alert rule's metric per
 * service, as alerting sends them) and the arguments the Node runner and the Go driver share.
 */
export const BENCH_QUERIES: Array<Record<string, unknown>> = [
  { kind: 'scorecard', groupBy: 'none' },
  { kind: 'metric', metric: 'changeFailRate', groupBy: 'service' },
];

export interface BenchArgs {
  file: string;
  from: number;
  to: number;
  now: number;
}

export interface BenchTimes {
  cold_ms: number;
  warm_ms: number;
  repeat_ms: number;
  /** CPU time of the process in the cold and warm requests (wall times include waiting on a busy machine). */
  cold_cpu_ms: number;
  warm_cpu_ms: number;
}

/** --file F --from MS --to MS --now MS */
export function readBenchArgs(argv: string[]): BenchArgs {
  const get = (name: string): string => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0 || !argv[i + 1]) {
      throw new Error(`--${name} is missing; usage: --file EVENTS.json --from MS --to MS --now MS`);
    }
    return argv[i + 1];
  };
  return { file: get('file'), from: Number(get('from')), to: Number(get('to')), now: Number(get('now')) };
}

/** The arguments for the other side. */
export function benchArgv(args: BenchArgs): string[] {
  return ['--file', args.file, '--from', String(args.from), '--to', String(args.to), '--now', String(args.now)];
}

/** The entry's request (src/server/README.md) for the bench queries, the range shifted by shiftMs. */
export function benchRequest(args: BenchArgs, jsonData: unknown, shiftMs: number) {
  return {
    settings: { jsonData, secureKeys: [] },
    queries: BENCH_QUERIES.map((q, i) => ({
      refId: `Q${i}`,
      query: q,
      from: args.from + shiftMs,
      to: args.to + shiftMs,
      intervalMs: 60_000,
      maxDataPoints: 1000,
    })),
    fromAlert: true,
    now: args.now,
  };
}
