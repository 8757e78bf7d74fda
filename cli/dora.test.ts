/** @jest-environment node */
/**
 * The CLI end to end on examples/events.sample.json, with values computed by hand from the file:
 * range = the whole UTC days its deployments and incidents span, 2024-02-21 to 2024-03-09 (17 days).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CliIo, main } from './dora';

const SAMPLE = join(__dirname, '..', 'examples', 'events.sample.json');
const NOW = '2024-04-01T00:00:00Z';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  rows: Array<Record<string, any>>;
}

async function run(args: string[], files: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    readFile: (path) => {
      if (path in files) {
        return files[path];
      }
      return readFileSync(path, 'utf8');
    },
    now: () => Date.parse('2030-01-01T00:00:00Z'),
  };
  const code = await main(args, io);
  return { code, stdout, stderr, rows: stdout.charAt(0) === '[' ? JSON.parse(stdout) : [] };
}

const row = (r: Run, group: string) => r.rows.filter((x) => x.group === group)[0];

describe('dora CLI on the sample events file', () => {
  it('prints one entry per service with the hand-computed values', async () => {
    const r = await run(['--events', SAMPLE, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => x.group)).toEqual(['billing', 'checkout', 'search']);
    // checkout: 6 production deployments (the staging one is left out); lead times 5, 3, 3, 1, 3 h (the
    // first deployment has no predecessor, so its changes are unknown); checkout-4 failed (incident
    // INC-1 names its SHA, and a revert shipped by checkout-5 refers to it).
    expect(row(r, 'checkout')).toEqual({
      group: 'checkout',
      deployments: 6,
      deploymentsPerDay: 0.353, // 6 / 17 days
      deploymentsPerWeek: 2.471, // 6 / (17 / 7)
      deploymentDaysPerWeek: 1,
      leadTimeMedianHours: 3,
      changeFailRate: 0.1667, // 1 / 6
      recoveryMedianHours: 4.5, // impact 11:30 -> revert deployed 16:00 (before the incident was resolved, 16:10)
      timeToRestoreMedianHours: 4.67, // 11:30 -> 16:10
      reworkRate: 0.1667, // the revert
      levels: { deploymentFrequency: 'high', leadTime: 'elite', changeFailRate: 'low', recoveryTime: 'high' },
      score: { throughput: expect.any(Number), instability: 8.33 }, // (10 - 16.67/10 + 10 - 16.67/10) / 2
      notes: [],
    });
    // search: lead times 97, 73, 49 h (merge of PR #10) and 97 h -> median (73 + 97) / 2 = 85 h; the
    // rollback search-4 makes search-3 failed (restored 2 h after it finished); the failed attempt does not count.
    expect(row(r, 'search')).toMatchObject({
      deployments: 4,
      leadTimeMedianHours: 85,
      changeFailRate: 0.25,
      recoveryMedianHours: 2,
      timeToRestoreMedianHours: null,
      reworkRate: 0.25,
    });
    // billing: lead times 1129 and 625 h -> 877 h; INC-2 ("Billing Platform", mapped by the catalog) started
    // 8 h after billing-2 and is linked by service; INC-3 came 3 days after billing-1 and stays unlinked.
    expect(row(r, 'billing')).toMatchObject({
      deployments: 2,
      leadTimeMedianHours: 877,
      changeFailRate: 0.5,
      recoveryMedianHours: 48,
      timeToRestoreMedianHours: 25, // median of 48 h and 2 h
      reworkRate: 0,
      levels: { leadTime: 'low', changeFailRate: 'low', recoveryTime: 'medium' },
    });
  });

  it('says on stderr which range it used and what data quality found, keeping stdout pure JSON', async () => {
    const r = await run(['--events', SAMPLE, '--now', NOW]);
    expect(r.stderr).toContain('2024-02-21T00:00:00.000Z to 2024-03-09T00:00:00.000Z');
    expect(r.stderr).toContain('the whole days the events span');
    expect(r.stderr).toContain('data quality: 3 unknown-changes, 1 unlinked-incident');
    expect(r.stdout.trim().charAt(0)).toBe('[');
  });

  it('groups by team and by nothing', async () => {
    const teams = await run(['--events', SAMPLE, '--now', NOW, '--group-by', 'team']);
    expect(teams.rows.map((x) => [x.group, x.deployments])).toEqual([
      ['data', 4],
      ['finance', 2],
      ['storefront', 6],
    ]);
    const all = await run(['--events', SAMPLE, '--now', NOW, '--group-by', 'none']);
    expect(all.rows).toHaveLength(1);
    expect(all.rows[0]).toMatchObject({ group: 'all', deployments: 12, changeFailRate: 0.25 });
  });

  it('measures lead time from the merge with --lead-time-start prMerged', async () => {
    const r = await run(['--events', SAMPLE, '--now', NOW, '--lead-time-start', 'prMerged']);
    // checkout merges: 12:00 -> 14:00, 12:00 -> 13:00, 10:00 -> 11:00, 15:00 -> 16:00, 11:00 -> 12:00.
    expect(row(r, 'checkout').leadTimeMedianHours).toBe(1);
  });

  it('limits the range with --from and --to', async () => {
    const r = await run([
      '--events',
      SAMPLE,
      '--now',
      NOW,
      '--from',
      '2024-03-04T00:00:00Z',
      '--to',
      '2024-03-07T00:00:00+00:00',
    ]);
    expect(row(r, 'checkout')).toMatchObject({ deployments: 4, leadTimeMedianHours: 3, changeFailRate: 0.25 });
    expect(r.stderr).not.toContain('the whole days');
  });

  it('uses the benchmark year given', async () => {
    const r = await run(['--events', SAMPLE, '--now', NOW, '--benchmark-year', '2022']);
    const levels = r.rows.map((x) => Object.values(x.levels)).reduce((a, b) => a.concat(b), []);
    expect(levels).not.toContain('elite'); // the 2022 report has no elite level
    expect(r.stderr).toContain('benchmark 2022');
  });

  it('prints help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run dora');
  });
});

describe('dora CLI on the demo data', () => {
  it('scores every demo service over the last 90 days, the same way every time', async () => {
    const args = ['--demo', '--now', '2025-06-15T12:00:00Z'];
    const a = await run(args);
    const b = await run(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const services = a.rows.filter((x) => x.deployments > 0).map((x) => x.group);
    expect(services.sort()).toEqual(
      ['api-gateway', 'auth', 'billing', 'checkout', 'ledger', 'notifications', 'search', 'web-frontend'].sort()
    );
    expect(row(a, 'checkout').levels.deploymentFrequency).toBe('elite');
    expect(row(a, 'billing').levels.leadTime).toBe('low');
    expect(a.stderr).toContain('demo data (seed 42): 2025-03-17T12:00:00.000Z to 2025-06-15T12:00:00.000Z');
  });

  it('takes a seed', async () => {
    const a = await run(['--demo', '--now', '2025-06-15T12:00:00Z', '--seed', '7']);
    const b = await run(['--demo', '--now', '2025-06-15T12:00:00Z']);
    expect(a.code).toBe(0);
    expect(a.stdout).not.toBe(b.stdout);
  });
});

describe('dora CLI errors: exit code 2, a message naming the argument and the fix, no stack trace', () => {
  const BAD_JSON = '{ "deployments": [ ';
  const INVALID = JSON.stringify({
    deployments: [{ id: 'd1', service: 's', environment: 'production', repo: 'r', sha: 'a', status: 'ok' }],
    incident: [],
  });
  const EMPTY = JSON.stringify({ changes: [] });

  it.each([
    [[], 'Pass --events FILE (an events file, see docs/events-format.md) or --demo'],
    [['--events', SAMPLE, '--demo'], 'Use either --events FILE or --demo, not both.'],
    [['--events', SAMPLE, '--verbose'], "Unknown option: '--verbose'. Run with --help for the options."],
    [['--events', SAMPLE, 'extra'], "Unexpected argument 'extra'"],
    [['--events'], "Option '--events <value>' argument missing"],
    [['--events', ''], '--events: the file name is empty'],
    [
      ['--events', SAMPLE, '--group-by', 'teams'],
      '--group-by: "teams" is not one of service, team, environment, repository, none; write --group-by team.',
    ],
    [['--events', SAMPLE, '--group-by', 'owner'], 'pass one of them, e.g. --group-by service.'],
    [
      ['--events', SAMPLE, '--benchmark-year', '2020'],
      '--benchmark-year: "2020" is not a benchmark year; pass one of 2021, 2022, 2023, 2024',
    ],
    [
      ['--events', SAMPLE, '--lead-time-start', 'merged'],
      '--lead-time-start: "merged" is not one of commit, prFirstCommit, prOpened, prMerged',
    ],
    [
      ['--events', SAMPLE, '--from', '2024-03-01'],
      '--from: "2024-03-01" is a date without a time and zone; write e.g. "2024-03-01T00:00:00Z".',
    ],
    [['--events', SAMPLE, '--to', '2024-03-01T10:00'], '--to: "2024-03-01T10:00" has no time zone'],
    [['--events', SAMPLE, '--now', 'yesterday'], '--now: "yesterday" is not an ISO-8601 instant'],
    [
      ['--events', SAMPLE, '--from', '2024-03-02T00:00:00Z', '--to', '2024-03-01T00:00:00Z'],
      '--from (2024-03-02T00:00:00Z) must be before --to (2024-03-01T00:00:00Z)',
    ],
    [
      ['--events', SAMPLE, '--from', '2024-04-01T00:00:00Z'],
      '--from is after the last event; pass both --from and --to.',
    ],
    [['--events', SAMPLE, '--seed', '3'], '--seed only applies to --demo'],
    [['--demo', '--seed', 'abc'], '--seed: "abc" is not a whole number from 0 to 4294967295'],
    [['--events', SAMPLE, '--utc-offset', '+2'], '--utc-offset: "+2" is not an offset; write it like +02:00'],
    [
      ['--events', '/nonexistent/events.json'],
      '--events: cannot read "/nonexistent/events.json": no such file; check the path',
    ],
    [['--events', __dirname], 'it is a directory'],
    [
      ['--events', 'bad.json'],
      '--events: "bad.json" is not a valid events file (see docs/events-format.md); fix this problem and run again:\n  - The events file is not valid JSON',
    ],
    [['--events', 'invalid.json'], '  - The events file has unknown field "incident"'],
    [['--events', 'invalid.json'], '  - deployments[0].finishedAt is missing'],
    [
      ['--events', 'invalid.json'],
      '  - deployments[0].status: "ok" is not one of success, failure, cancelled, in_progress',
    ],
    [['--events', 'empty.json'], 'The events file has no deployments or incidents, so there is no range to measure'],
  ])('%j', async (args, message) => {
    const r = await run(args as string[], { 'bad.json': BAD_JSON, 'invalid.json': INVALID, 'empty.json': EMPTY });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^dora: /);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an unexpected failure as an internal error (exit 1), without a stack trace', async () => {
    const io: CliIo = {
      out: () => {
        throw new Error('stdout closed');
      },
      err: (text) => (stderr += text),
      readFile: (path) => readFileSync(path, 'utf8'),
      now: () => 0,
    };
    let stderr = '';
    expect(await main(['--events', SAMPLE, '--now', NOW], io)).toBe(1);
    expect(stderr).toBe('dora: internal error: stdout closed. Please report it with the command you ran.\n');
  });
});
