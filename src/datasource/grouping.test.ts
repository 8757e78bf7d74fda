/**
 * End to end on a hand-made week (events -> attribution -> query -> frames): "time to restore by severity", "change
 * fail rate by severity" and "lead time of changes labelled security", each one query, with every number worked out.
 */
import { attribute, DAY_MS, DoraEvents, HOUR_MS, MINUTE_MS, UTC } from '../engine';
import { DoraQuery } from '../query/model';
import { validateQuery, ValidQuery } from '../query/validate';
import { describeFrames } from './compute';

/** Monday 2024-01-01T00:00Z. */
const T0 = Date.UTC(2024, 0, 1);
const at = (day: number, hour = 0, minute = 0) => T0 + day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
const repo = 'acme/checkout';

/**
 * Four commits (c1 and c2 with pull requests labelled security), each shipped by its own deployment at 10:00 on days
 * 1 to 4, after D0 shipped c0 the day before the range (so c1's deployment has a predecessor to diff against). D1 failed with a sev1 incident (2 h), D2 with a sev2 one (30 min), D4 with one without severity (1 h).
 */
function week(): DoraEvents {
  const commit = (n: number, hour: number, labels?: string[]) => ({
    sha: `c${n}`.padEnd(40, '0'),
    repo,
    committedAt: at(n === 0 ? -1 : 0, hour),
    ...(n === 0 ? {} : { parent: `c${n - 1}`.padEnd(40, '0') }),
    ...(labels ? { pullRequest: { number: n, labels } } : {}),
  });
  const deploy = (n: number) => ({
    id: `D${n}`,
    service: 'checkout',
    environment: 'production',
    repo,
    sha: `c${n}`.padEnd(40, '0'),
    finishedAt: n === 0 ? at(-1, 12) : at(n, 10),
    status: 'success' as const,
    source: 'test',
  });
  const incident = (id: string, deploymentId: string, created: number, minutes: number, severity?: string) => ({
    id,
    service: 'checkout',
    createdAt: created,
    resolvedAt: created + minutes * MINUTE_MS,
    source: 'test',
    cause: { deploymentId },
    ...(severity ? { severity } : {}),
  });
  return {
    changes: [commit(0, 0), commit(1, 0, ['security']), commit(2, 2, ['security', 'deps']), commit(3, 4), commit(4, 6)],
    deployments: [deploy(0), deploy(1), deploy(2), deploy(3), deploy(4)],
    incidents: [
      incident('I1', 'D1', at(1, 11), 120, 'sev1'),
      incident('I2', 'D2', at(2, 12), 30, 'sev2'),
      incident('I4', 'D4', at(4, 11), 60),
    ],
    pipelineRuns: [],
    catalog: { services: [{ name: 'checkout', team: 'payments', repositories: [{ repo }] }] },
  };
}

function frames(fields: Record<string, unknown>) {
  const checked = validateQuery({ refId: 'A', kind: 'metric', interval: 'range', ...fields } as unknown as DoraQuery);
  if (!checked.ok) {
    throw new Error(checked.message);
  }
  const attributed = attribute(week(), undefined, at(30));
  return describeFrames(checked.query as ValidQuery, attributed, {
    range: { from: T0, to: at(7) },
    zone: UTC,
    benchmarkYear: 2024,
    extraFindings: [],
  });
}

/** Each frame's series label, display name and single value. */
function read(fields: Record<string, unknown>) {
  return frames(fields).map((f) => {
    const value = f.fields[1];
    return { labels: value.labels, name: value.config?.displayNameFromDS, value: value.values[0] };
  });
}

describe('grouping end to end', () => {
  it('time to restore by severity: one series per severity, labelled for alert rules', () => {
    expect(read({ metric: 'timeToRestore', groupBy: 'severity' })).toEqual([
      { labels: { severity: '(unknown)' }, name: '(unknown) · Time to restore service (median)', value: HOUR_MS },
      { labels: { severity: 'sev1' }, name: 'sev1 · Time to restore service (median)', value: 2 * HOUR_MS },
      { labels: { severity: 'sev2' }, name: 'sev2 · Time to restore service (median)', value: 30 * MINUTE_MS },
    ]);
  });

  it('change fail rate by severity: failures of each severity over all four deployments', () => {
    expect(read({ metric: 'changeFailRate', groupBy: 'severity' })).toEqual([
      { labels: { severity: '(unknown)' }, name: '(unknown) · Change fail rate', value: 0.25 },
      { labels: { severity: 'sev1' }, name: 'sev1 · Change fail rate', value: 0.25 },
      { labels: { severity: 'sev2' }, name: 'sev2 · Change fail rate', value: 0.25 },
    ]);
    // Counting sev1-sev2 only: D1 and D2 of four.
    expect(read({ metric: 'changeFailRate', filters: { severities: ['sev1', 'sev2'] } })).toEqual([
      { labels: undefined, name: 'Change fail rate', value: 0.5 },
    ]);
  });

  it('lead time of changes labelled security: c1 34 h and c2 56 h, median 45 h', () => {
    expect(read({ metric: 'leadTime', filters: { labels: ['security'] } })).toEqual([
      { labels: undefined, name: 'Change lead time (median)', value: 45 * HOUR_MS },
    ]);
    // By label: c2 counts for deps too; c3 (78 h) and c4 (100 h) have no pull request.
    expect(read({ metric: 'leadTime', groupBy: 'label' })).toEqual([
      { labels: { label: '(unknown)' }, name: '(unknown) · Change lead time (median)', value: 89 * HOUR_MS },
      { labels: { label: 'deps' }, name: 'deps · Change lead time (median)', value: 56 * HOUR_MS },
      { labels: { label: 'security' }, name: 'security · Change lead time (median)', value: 45 * HOUR_MS },
    ]);
  });

  it('a metric without severities says so in a frame notice', () => {
    const [frame] = frames({ metric: 'deploymentCount', groupBy: 'severity' });
    expect(frame.meta?.notices?.[0].text).toMatch(/^Grouped by severity, but this metric counts items without one/);
    expect(frame.fields[1].values).toEqual([null]);
  });
});
