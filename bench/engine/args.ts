/**
 * Command line of the benchmark: --scale 0.1 (repeatable, or a comma list; default 0.01, 0.1 and 1, or the
 * BENCH_SCALE environment variable), --seed 42, --repeat 5, --sql-ancestry loop|recursive, --out <file> (engine
 * process only).
 */
export interface BenchArgs {
  scales: number[];
  /** How the SQL walks the commit graph (see duckdb/run.ts). */
  sqlAncestry: 'loop' | 'recursive';
  scale: number;
  seed: number;
  repeat: number;
  out?: string;
}

export const DEFAULT_SCALES = [0.01, 0.1, 1];
export const DEFAULT_SEED = 42;
export const DEFAULT_REPEAT = 5;

export function parseArgs(argv: string[], env: Record<string, string | undefined> = {}): BenchArgs {
  const scales: number[] = [];
  let seed = DEFAULT_SEED;
  let repeat = DEFAULT_REPEAT;
  let out: string | undefined;
  let sqlAncestry: BenchArgs['sqlAncestry'] = 'loop';
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--scale') {
      for (const part of requireValue(flag, value).split(',')) {
        scales.push(number(flag, part, (n) => n > 0 && n <= 10, 'a fraction such as 0.01 (or 1 for full scale)'));
      }
    } else if (flag === '--seed') {
      seed = number(flag, requireValue(flag, value), (n) => Number.isInteger(n), 'an integer');
    } else if (flag === '--repeat') {
      repeat = number(flag, requireValue(flag, value), (n) => Number.isInteger(n) && n >= 1, 'an integer >= 1');
    } else if (flag === '--sql-ancestry') {
      const v = requireValue(flag, value);
      if (v !== 'loop' && v !== 'recursive') {
        throw new Error(`${flag} ${JSON.stringify(v)} is not valid; use loop or recursive`);
      }
      sqlAncestry = v;
    } else if (flag === '--out') {
      out = requireValue(flag, value);
    } else {
      throw new Error(`unknown option ${flag}; use --scale, --seed, --repeat, --sql-ancestry or --out`);
    }
    i++;
  }
  if (scales.length === 0 && env.BENCH_SCALE) {
    for (const part of env.BENCH_SCALE.split(',')) {
      scales.push(number('BENCH_SCALE', part, (n) => n > 0 && n <= 10, 'a fraction such as 0.01'));
    }
  }
  const chosen = scales.length > 0 ? scales : DEFAULT_SCALES;
  return { scales: chosen, scale: chosen[chosen.length - 1], seed, repeat, sqlAncestry, out };
}

function requireValue(flag: string, value: string | undefined): string {
  if (value === undefined || value.startsWith('--')) {
    throw new Error(`${flag} needs a value`);
  }
  return value;
}

function number(flag: string, text: string, ok: (n: number) => boolean, expected: string): number {
  const n = Number(text);
  if (text.trim() === '' || !isFinite(n) || !ok(n)) {
    throw new Error(`${flag} ${JSON.stringify(text)} is not valid; use ${expected}`);
  }
  return n;
}
