/**
 * The SQL peer: the same definitions as the engine, written as SQL over event tables (sql/*.sql, run in
 * order) and executed by DuckDB in this process. Loading the events is not timed; running the statements and
 * reading the two result tables back is.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DoraEvents, EngineOptions, TimeRange } from '../../../src/engine';
import { loadEvents } from './load';
import { ScorecardFigures, WeeklyPoint } from '../figures';

const SQL_DIR = join(__dirname, '..', 'sql');
/** The groupings beyond service (severity, label, teams sharing services): run after the timed statements. */
const GROUPINGS_DIR = join(SQL_DIR, 'groupings');
/** A fixpoint step repeats at most this often (each step lengthens the walked paths by one commit). */
const MAX_STEPS = 100_000;
const LOOP_FILE = '03-first-shipper.loop.sql';
const RECURSIVE_FILE = '03-first-shipper.recursive.sql';

interface Script {
  phase: string;
  sql: string;
  /** Repeat until the last statement counts 0 changes. */
  loop: boolean;
}

export interface SqlRun {
  weekly: WeeklyPoint[];
  /** Weekly points of "<metric> by <grouping>" (sql/groupings/), computed after the timing. */
  grouped: WeeklyPoint[];
  scorecard: ScorecardFigures[];
  /** Milliseconds per SQL file (phase), in order, and in total. */
  phases: Array<{ phase: string; ms: number }>;
  totalMs: number;
  /** CPU time of this process (DuckDB's threads included) while the SQL ran. */
  cpuMs: number;
}

export interface SqlPeer {
  run(): Promise<SqlRun>;
  close(): void;
}

/**
 * How the SQL finds the first deployment containing each commit: 'loop' repeats one SQL step until nothing
 * changes (the default, fastest); 'recursive' is a single recursive CTE (sql/variants/), for comparison.
 */
export type AncestrySql = 'loop' | 'recursive';

/** Opens an in-memory DuckDB, loads the events (untimed) and returns a peer that runs the SQL on a fresh schema. */
export async function openSqlPeer(
  events: DoraEvents,
  range: TimeRange,
  options: EngineOptions,
  ancestry: AncestrySql = 'loop'
): Promise<SqlPeer> {
  const instance = await DuckDBInstance.create(':memory:');
  const loader = await instance.connect();
  await loadEvents(loader, events);
  loader.closeSync();
  const files = readdirSync(SQL_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => (ancestry === 'recursive' && f === LOOP_FILE ? join('variants', RECURSIVE_FILE) : f));
  const scripts: Script[] = files.map((f) => ({
    phase: f.replace(/^(variants\/)?\d+-|(\.loop|\.recursive)?\.sql$/g, ''),
    sql: bind(readFileSync(join(SQL_DIR, f), 'utf8'), range, options),
    loop: f.endsWith('.loop.sql'),
  }));
  const groupings: Script[] = readdirSync(GROUPINGS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ phase: f, sql: bind(readFileSync(join(GROUPINGS_DIR, f), 'utf8'), range, options), loop: false }));
  return {
    async run() {
      // A new connection per run: temporary tables and macros live and die with it.
      const connection = await instance.connect();
      try {
        const run = await runScripts(connection, scripts);
        for (const script of groupings) {
          await connection.run(script.sql);
        }
        const rows = (
          await connection.runAndReadAll('SELECT metric, grp, week, value, n FROM grouped')
        ).getRowObjectsJS();
        return { ...run, grouped: rows.map(weeklyPoint) };
      } finally {
        connection.closeSync();
      }
    },
    close() {
      instance.closeSync();
    },
  };
}

async function runScripts(connection: DuckDBConnection, scripts: Script[]): Promise<Omit<SqlRun, 'grouped'>> {
  const phases: Array<{ phase: string; ms: number }> = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const script of scripts) {
    const t = performance.now();
    if (script.loop) {
      await runUntilNothingChanges(connection, script);
    } else {
      await connection.run(script.sql);
    }
    phases.push({ phase: script.phase, ms: performance.now() - t });
  }
  const t = performance.now();
  const weekly = (await connection.runAndReadAll('SELECT metric, grp, week, value, n FROM weekly')).getRowObjectsJS();
  const scorecard = (await connection.runAndReadAll('SELECT * FROM scorecard')).getRowObjectsJS();
  phases.push({ phase: 'read results', ms: performance.now() - t });
  return {
    weekly: weekly.map(weeklyPoint),
    scorecard: scorecard.map((r) => ({
      group: String(r.grp),
      deployments: Number(r.deployments),
      deploymentsPerDay: Number(r.per_day),
      deploymentsPerWeek: Number(r.per_week),
      deploymentDaysPerWeek: Number(r.days_per_week),
      leadTimeMedianMs: nullable(r.lead_median),
      changeFailRate: nullable(r.change_fail_rate),
      recoveryMedianMs: nullable(r.recovery_median),
      timeToRestoreMedianMs: nullable(r.restore_median),
      reworkRate: nullable(r.rework_rate),
      levels: {
        deploymentFrequency: nullableText(r.level_deployment_frequency),
        leadTime: nullableText(r.level_lead_time),
        changeFailRate: nullableText(r.level_change_fail_rate),
        recoveryTime: nullableText(r.level_recovery_time),
      },
      score: { throughput: nullable(r.throughput), instability: nullable(r.instability) },
    })),
    phases,
    totalMs: performance.now() - started,
    cpuMs: cpuMsSince(cpu),
  };
}

function weeklyPoint(r: Record<string, unknown>): WeeklyPoint {
  return {
    metric: String(r.metric),
    group: String(r.grp),
    time: Number(r.week),
    value: r.value === null ? null : Number(r.value),
    count: Number(r.n),
  };
}

/** Repeats a *.loop.sql step until its last statement (a count of what changed) gives 0. */
async function runUntilNothingChanges(connection: DuckDBConnection, script: Script): Promise<void> {
  for (let step = 1; ; step++) {
    const changed = Number((await connection.runAndReadAll(script.sql)).getRows()[0][0]);
    if (changed === 0) {
      return;
    }
    if (step > MAX_STEPS) {
      throw new Error(`${script.phase} did not settle after ${MAX_STEPS} steps; the commit graph may have a cycle`);
    }
  }
}

/** Fills ${name} placeholders: instants and the window as integers, patterns as SQL string literals. */
export function bind(sql: string, range: TimeRange, options: EngineOptions): string {
  const values: Record<string, string> = {
    from: integer(range.from, 'range.from'),
    to: integer(range.to, 'range.to'),
    windowMs: integer(options.incidentLinkWindowMs, 'incidentLinkWindowMs'),
    productionPattern: literal(options.productionEnvironmentPattern),
    pipelinePattern: literal(options.pipelinePattern),
    hotfixPattern: literal(options.hotfixPattern),
    revertPattern: literal(options.revertPattern),
    rollbacksAreRework: options.rollbacksAreRework ? 'true' : 'false',
  };
  return sql.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) {
      throw new Error(`SQL placeholder \${${name}} is not known; use one of ${Object.keys(values).join(', ')}`);
    }
    return values[name];
  });
}

function integer(value: number, field: string): string {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${field} must be an integer number of milliseconds, got ${value}`);
  }
  return String(value);
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function nullable(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function nullableText<T extends string>(value: unknown): T | null {
  return value === null || value === undefined ? null : (String(value) as T);
}
