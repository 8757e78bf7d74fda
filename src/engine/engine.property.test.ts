/** @jest-environment node */
/**
 * Properties of the whole engine (the real attribute() followed by computeMetric / computeScorecard)
 * over generated delivery histories: a few services, each with a linear commit history, production
 * deployments of commits from it (some failed or cancelled, some hotfixes), incidents and CI runs.
 */
import fc from 'fast-check';
import {
  Aggregation,
  attribute,
  BucketKind,
  CatalogService,
  Change,
  computeMetric,
  computeScorecard,
  DAY_MS,
  Deployment,
  DoraEvents,
  GroupBy,
  Incident,
  Instant,
  LEAD_TIME_STARTS,
  METRIC_IDS,
  MetricId,
  MetricRequest,
  MetricSeries,
  PipelineRun,
  TimeRange,
  UTC,
  WEEK_MS,
} from './index';

const MIN = 60 * 1000;
/** Monday 2024-01-01T00:00Z. Histories span about five weeks from here. */
const BASE = Date.UTC(2024, 0, 1);
const NOW = BASE + 400 * DAY_MS;
const RANGE: TimeRange = { from: BASE + WEEK_MS, to: BASE + 4 * WEEK_MS };
const SERVICES = ['api', 'billing', 'web'];
const TEAMS: Record<string, string> = { api: 'core', billing: 'money', web: 'core' };
const RUNS = { numRuns: 60 };
const SEVERITIES = ['sev1', 'sev2', 'sev3', undefined];
const LABEL_SETS: Array<string[] | undefined> = [undefined, [], ['security'], ['security', 'bug', 'security']];

interface ServiceHistory {
  changes: Change[];
  deployments: Deployment[];
  incidents: Incident[];
  pipelineRuns: PipelineRun[];
}

/** Events of one service: commits one to a few hours apart, deployments shipping later commits. */
function serviceHistory(service: string): fc.Arbitrary<ServiceHistory> {
  const repo = `acme/${service}`;
  return fc
    .record({
      commitGaps: fc.array(fc.integer({ min: 10, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 10 }),
      deploys: fc.array(
        fc.record({
          pick: fc.nat(),
          delay: fc.integer({ min: 1, max: 2 * 24 * 60 }),
          duration: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
          status: fc.constantFrom<Deployment['status']>('success', 'success', 'success', 'failure', 'cancelled'),
          hotfix: fc.boolean(),
        }),
        { maxLength: 8 }
      ),
      incidents: fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: 35 * 24 * 60 }),
          detect: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
          ack: fc.option(fc.integer({ min: 0, max: 240 }), { nil: undefined }),
          resolve: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 }), { nil: undefined }),
        }),
        { maxLength: 4 }
      ),
      runs: fc.array(
        fc.record({
          pick: fc.nat(),
          at: fc.integer({ min: 0, max: 35 * 24 * 60 }),
          minutes: fc.integer({ min: 1, max: 60 }),
          conclusion: fc.constantFrom<PipelineRun['conclusion']>('success', 'success', 'failure', 'cancelled'),
          rerun: fc.boolean(),
        }),
        { maxLength: 5 }
      ),
    })
    .map(({ commitGaps, deploys, incidents, runs }) => {
      const changes: Change[] = [];
      let t = BASE;
      commitGaps.forEach((gap, k) => {
        t += gap * MIN;
        // Pull request labels from the gap: none, one, two (one repeated) or no pull request at all.
        const labels = LABEL_SETS[gap % LABEL_SETS.length];
        changes.push({
          sha: `${service}-c${k}`,
          repo,
          committedAt: t,
          ...(k === 0 ? {} : { parent: `${service}-c${k - 1}` }),
          ...(labels ? { pullRequest: { number: k + 1, labels } } : {}),
        });
      });
      // Deployments ship commits in history order, each after its commit and after the previous deployment.
      const picks = deploys.map((d) => d.pick % changes.length).sort((a, b) => a - b);
      const deployments: Deployment[] = [];
      let last = BASE;
      deploys.forEach((d, i) => {
        const commit = changes[picks[i]];
        const finishedAt = Math.max(commit.committedAt, last) + d.delay * MIN;
        last = finishedAt;
        deployments.push(
          compact({
            id: `${service}-d${i}`,
            service,
            environment: 'production',
            repo,
            sha: commit.sha,
            startedAt: d.duration === undefined ? undefined : finishedAt - d.duration * MIN,
            finishedAt,
            status: d.status,
            source: 'test',
            hotfix: d.hotfix && i > 0 ? true : undefined,
          })
        );
      });
      const incidentList: Incident[] = incidents.map((x, i) => {
        const createdAt = BASE + x.at * MIN;
        return compact({
          id: `${service}-i${i}`,
          service,
          createdAt,
          startedAt: x.detect === undefined ? undefined : createdAt - x.detect * MIN,
          acknowledgedAt: x.ack === undefined ? undefined : createdAt + x.ack * MIN,
          resolvedAt: x.resolve === undefined ? undefined : createdAt + x.resolve * MIN,
          severity: SEVERITIES[x.at % SEVERITIES.length],
          // Incident labels the same way (none, empty, one, two with one repeated), apart from the severity.
          labels: LABEL_SETS[Math.floor(x.at / 3) % LABEL_SETS.length],
          source: 'test',
        });
      });
      const pipelineRuns: PipelineRun[] = [];
      runs.forEach((r, i) => {
        const startedAt = BASE + r.at * MIN;
        const sha = changes[r.pick % changes.length].sha;
        pipelineRuns.push({
          id: `${service}-r${i}`,
          repo,
          workflow: 'ci',
          sha,
          attempt: 1,
          startedAt,
          finishedAt: startedAt + r.minutes * MIN,
          conclusion: r.conclusion,
        });
        if (r.rerun && r.conclusion === 'failure') {
          pipelineRuns.push({
            id: `${service}-r${i}-2`,
            repo,
            workflow: 'ci',
            sha,
            attempt: 2,
            startedAt: startedAt + (r.minutes + 5) * MIN,
            finishedAt: startedAt + (2 * r.minutes + 5) * MIN,
            conclusion: 'success',
          });
        }
      });
      return { changes, deployments, incidents: incidentList, pipelineRuns };
    });
}

const catalog = {
  services: SERVICES.map((name): CatalogService => ({
    name,
    team: TEAMS[name],
    repositories: [{ repo: `acme/${name}` }],
  })),
};

/** The same services, api owned by core and platform. */
const sharedCatalog = {
  services: catalog.services.map((s) => (s.name === 'api' ? { ...s, teams: ['platform'] } : s)),
};

/** Optional fields are absent, never undefined (model.ts). */
function compact<T extends object>(item: T): T {
  const out = { ...item } as Record<string, unknown>;
  Object.keys(out).forEach((key) => out[key] === undefined && delete out[key]);
  return out as T;
}

function merge(histories: ServiceHistory[]): DoraEvents {
  const out: DoraEvents = { deployments: [], changes: [], incidents: [], pipelineRuns: [], catalog };
  for (const h of histories) {
    out.deployments.push(...h.deployments);
    out.changes.push(...h.changes);
    out.incidents.push(...h.incidents);
    out.pipelineRuns.push(...h.pipelineRuns);
  }
  return out;
}

const historiesArb = fc.tuple(...SERVICES.map(serviceHistory));
const eventsArb = historiesArb.map(merge);

const requestArb = fc.record({
  metric: fc.constantFrom<MetricId>(...METRIC_IDS),
  aggregation: fc.constantFrom<Aggregation>('median', 'p75', 'p90', 'mean', 'count'),
  bucket: fc.constantFrom<BucketKind>('day', 'week', 'month', 'range', 'auto'),
  groupBy: fc.constantFrom<GroupBy>('none', 'service', 'team', 'environment', 'repository', 'severity', 'label'),
});

function metricRequest(
  r: { metric: MetricId; aggregation: Aggregation; bucket: BucketKind; groupBy: GroupBy },
  range = RANGE
): MetricRequest {
  return { ...r, range, zone: UTC, intervalMs: 30 * MIN };
}

const values = (series: MetricSeries[]) => series.map((s) => [s.group, s.points.map((p) => [p.value, p.count])]);

describe('engine properties', () => {
  it('keeps rates within [0, 1] or null and never gives a negative duration or count', () => {
    fc.assert(
      fc.property(eventsArb, requestArb, (events, r) => {
        const series = computeMetric(attribute(events, undefined, NOW), metricRequest(r));
        for (const s of series) {
          for (const p of s.points) {
            expect(p.count).toBeGreaterThanOrEqual(0);
            if (p.value === null) {
              // A count is null only in the one series saying the metric has no such dimension (it has a note).
              const nullable = s.valueKind === 'rate' || s.valueKind === 'duration' || s.valueKind === 'days';
              expect(nullable || (s.notes !== undefined && p.count === 0)).toBe(true);
              continue;
            }
            expect(Number.isFinite(p.value)).toBe(true);
            expect(p.value).toBeGreaterThanOrEqual(0);
            if (s.valueKind === 'rate') {
              expect(p.value).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
      RUNS
    );
  });

  it('adds per-group deployment counts up to the total, bucket by bucket', () => {
    fc.assert(
      fc.property(
        eventsArb,
        fc.constantFrom<GroupBy>('service', 'team', 'environment', 'repository'),
        fc.constantFrom<BucketKind>('day', 'week', 'range'),
        (events, groupBy, bucket) => {
          const a = attribute(events, undefined, NOW);
          const base = { metric: 'deploymentCount' as MetricId, aggregation: 'count' as Aggregation, bucket };
          const [total] = computeMetric(a, metricRequest({ ...base, groupBy: 'none' }));
          const groups = computeMetric(a, metricRequest({ ...base, groupBy }));
          total.points.forEach((point, b) => {
            const sum = groups.reduce((acc, s) => acc + (s.points[b].value as number), 0);
            expect(sum).toBe(point.value);
          });
        }
      ),
      RUNS
    );
  });

  it("counts a service several teams own in each team's group, and in a team filter of any owner", () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom<BucketKind>('day', 'week', 'range'), (plain, bucket) => {
        const a = attribute({ ...plain, catalog: sharedCatalog }, undefined, NOW);
        const base = { metric: 'deploymentCount' as MetricId, aggregation: 'count' as Aggregation, bucket };
        const points = (groupBy: GroupBy, filters?: MetricRequest['filters']) =>
          computeMetric(a, { ...metricRequest({ ...base, groupBy }), filters });
        const [total] = points('none');
        const [api] = points('none', { services: ['api'] });
        const [platform] = points('none', { teams: ['platform'] });
        const teams = points('team');
        total.points.forEach((point, b) => {
          const sum = teams.reduce((acc, s) => acc + (s.points[b].value as number), 0);
          // api's deployments count for core and for platform.
          expect(sum).toBe((point.value as number) + (api.points[b].value as number));
          expect(platform.points[b].value).toBe(api.points[b].value);
        });
        expect(teams.map((s) => s.group).filter((g) => g === 'platform').length).toBe(
          api.points.some((p) => (p.value as number) > 0) ? 1 : 0
        );
      }),
      RUNS
    );
  });

  it('groups incidents by severity, changes and incidents by each label, agreeing with the severity and label filters', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom<BucketKind>('day', 'week', 'range'), (events, bucket) => {
        const a = attribute(events, undefined, NOW);
        const run = (metric: MetricId, groupBy: GroupBy, filters?: MetricRequest['filters']) =>
          computeMetric(a, { ...metricRequest({ metric, aggregation: 'median', bucket, groupBy }), filters });
        const count = (series: MetricSeries[], b: number) => series.reduce((acc, s) => acc + s.points[b].count, 0);
        const group = (series: MetricSeries[], name: string) => series.find((s) => s.group === name);

        // Every incident has one severity (or none): the groups share out the incidents.
        const [restore] = run('timeToRestore', 'none');
        const bySeverity = run('timeToRestore', 'severity');
        restore.points.forEach((p, b) => expect(count(bySeverity, b)).toBe(p.count));
        const [sev1] = run('timeToRestore', 'none', { severities: ['sev1'] });
        expect(sev1.points).toEqual(group(bySeverity, 'sev1')?.points ?? sev1.points.map((p) => ({ ...p })));

        // Change fail rate: every severity shares the denominator; each failure is in one group at least.
        const [cfr] = run('changeFailRate', 'none');
        const cfrBySeverity = run('changeFailRate', 'severity');
        cfr.points.forEach((p, b) => {
          let hits = 0;
          for (const s of cfrBySeverity) {
            expect(s.points[b].count).toBe(p.count);
            hits += (s.points[b].value ?? 0) * p.count;
          }
          expect(Math.round(hits)).toBeGreaterThanOrEqual(Math.round((p.value ?? 0) * p.count));
        });
        const [cfrSev1] = run('changeFailRate', 'none', { severities: ['sev1'] });
        const sev1Failures = group(cfrBySeverity, 'sev1');
        cfrSev1.points.forEach((p, b) => {
          expect(p.count).toBe(cfr.points[b].count);
          expect(p.value).toBe(p.count === 0 ? null : sev1Failures ? sev1Failures.points[b].value : 0);
        });

        // Lead time: a change counts once per distinct label, once (unknown) without labels.
        const [lead] = run('leadTime', 'none');
        const byLabel = run('leadTime', 'label');
        const [security] = run('leadTime', 'none', { labels: ['security'] });
        lead.points.forEach((_p, b) => {
          expect(count(byLabel, b)).toBeGreaterThanOrEqual(lead.points[b].count);
          expect(group(byLabel, 'security')?.points[b].count ?? 0).toBe(security.points[b].count);
        });

        // Incidents by label: once per distinct label, once (unknown) without; the group is the filter's.
        const restoreByLabel = run('timeToRestore', 'label');
        const [restoreSecurity] = run('timeToRestore', 'none', { labels: ['security'] });
        restore.points.forEach((p, b) => {
          expect(count(restoreByLabel, b)).toBeGreaterThanOrEqual(p.count);
          expect(group(restoreByLabel, 'security')?.points[b].count ?? 0).toBe(restoreSecurity.points[b].count);
        });
        // Change fail rate by incident label: the same denominator everywhere; the label filter narrows failures only.
        const cfrByLabel = run('changeFailRate', 'label');
        const [cfrSecurity] = run('changeFailRate', 'none', { labels: ['security'] });
        const securityFailures = group(cfrByLabel, 'security');
        cfr.points.forEach((p, b) => {
          for (const s of cfrByLabel) {
            expect(s.points[b].count).toBe(p.count);
          }
          expect(cfrSecurity.points[b].count).toBe(p.count);
          const value = cfrSecurity.points[b].value;
          expect(value).toBe(p.count === 0 ? null : securityFailures ? securityFailures.points[b].value : 0);
        });
      }),
      RUNS
    );
  });

  it('does not depend on the order of the input events', () => {
    fc.assert(
      fc.property(eventsArb, requestArb, fc.integer(), (events, r, seed) => {
        const shuffled: DoraEvents = {
          ...events,
          deployments: shuffle(events.deployments, seed),
          changes: shuffle(events.changes, seed + 1),
          incidents: shuffle(events.incidents, seed + 2),
          pipelineRuns: shuffle(events.pipelineRuns, seed + 3),
        };
        const a = attribute(events, undefined, NOW);
        const b = attribute(shuffled, undefined, NOW);
        expect(values(computeMetric(b, metricRequest(r)))).toEqual(values(computeMetric(a, metricRequest(r))));
        // The scorecard groups by the dimensions every kind of item has (it refuses severity and label).
        const card = { groupBy: scorecardGroupBy(r.groupBy), range: RANGE, zone: UTC };
        expect(computeScorecard(b, card)).toEqual(computeScorecard(a, card));
      }),
      RUNS
    );
  });

  it('reads the same numbers from the change columns attribute() keeps as from the changes themselves', () => {
    fc.assert(
      fc.property(
        eventsArb,
        requestArb,
        fc.constantFrom(...LEAD_TIME_STARTS),
        fc.boolean(),
        fc.boolean(),
        (plain, r, leadTimeStart, sharedApi, teamFilter) => {
          // Also with a service two teams own, and a team filter: the columns' teams come from the deployments.
          const events = sharedApi ? { ...plain, catalog: sharedCatalog } : plain;
          const filters = teamFilter ? { teams: ['platform'] } : undefined;
          const kept = attribute(events, { leadTimeStart }, NOW);
          // A copied list carries no columns: the metrics read every change's own fields.
          const read = { ...kept, changes: kept.changes.slice() };
          const request = { ...metricRequest(r), filters };
          expect(values(computeMetric(kept, request))).toEqual(values(computeMetric(read, request)));
          const card = { groupBy: scorecardGroupBy(r.groupBy), range: RANGE, zone: UTC, filters };
          expect(computeScorecard(kept, card)).toEqual(computeScorecard(read, card));
        }
      ),
      RUNS
    );
  });

  it("changes no number of a service when another service's events are added", () => {
    fc.assert(
      fc.property(historiesArb, requestArb, (histories, r) => {
        const alone = attribute(merge([histories[0]]), undefined, NOW);
        const together = attribute(merge(histories), undefined, NOW);
        const request = metricRequest({ ...r, groupBy: 'service' });
        const ofApi = (series: MetricSeries[]) => values(series.filter((s) => s.group === 'api'));
        expect(ofApi(computeMetric(together, request))).toEqual(ofApi(computeMetric(alone, request)));
        const filtered = metricRequest({ ...r, groupBy: 'none' });
        const onlyApi = { ...filtered, filters: { services: ['api'] } };
        expect(values(computeMetric(together, onlyApi))).toEqual(values(computeMetric(alone, onlyApi)));
        const card = { groupBy: 'service' as GroupBy, range: RANGE, zone: UTC };
        const apiRow = (rows: ReturnType<typeof computeScorecard>) => rows.filter((row) => row.group === 'api');
        expect(apiRow(computeScorecard(together, card))).toEqual(apiRow(computeScorecard(alone, card)));
      }),
      RUNS
    );
  });

  it('moving every event by whole weeks changes only the bucket times', () => {
    fc.assert(
      fc.property(eventsArb, requestArb, fc.integer({ min: -60, max: 60 }), (events, r, weeks) => {
        const offset = weeks * WEEK_MS;
        const moved = shiftEvents(events, offset);
        const a = attribute(events, undefined, NOW);
        const b = attribute(moved, undefined, NOW + offset);
        // Months are not whole weeks long; compare calendar-free buckets only.
        const request = { ...r, bucket: r.bucket === 'month' || r.bucket === 'auto' ? 'week' : r.bucket } as typeof r;
        const before = computeMetric(a, metricRequest(request));
        const after = computeMetric(b, metricRequest(request, { from: RANGE.from + offset, to: RANGE.to + offset }));
        expect(values(after)).toEqual(values(before));
        after.forEach((s, i) => s.points.forEach((p, k) => expect(p.time).toBe(before[i].points[k].time + offset)));
      }),
      RUNS
    );
  });

  it('agrees with the range-bucket metrics in the scorecard', () => {
    fc.assert(
      fc.property(
        eventsArb,
        fc.constantFrom<GroupBy>('none', 'service', 'team', 'repository', 'environment'),
        fc.boolean(),
        (plain, groupBy, sharedApi) => {
          const events = sharedApi ? { ...plain, catalog: sharedCatalog } : plain;
          const a = attribute(events, undefined, NOW);
          const rows = computeScorecard(a, { groupBy, range: RANGE, zone: UTC });
          const metric = (m: MetricId) => {
            const byGroup = new Map<string, number | null>();
            for (const s of computeMetric(a, {
              metric: m,
              aggregation: 'median',
              bucket: 'range',
              groupBy,
              range: RANGE,
              zone: UTC,
            })) {
              byGroup.set(s.group, s.points[0].value);
            }
            return (group: string) => (byGroup.has(group) ? byGroup.get(group) : undefined);
          };
          const count = metric('deploymentCount');
          const cfr = metric('changeFailRate');
          const lead = metric('leadTime');
          const ttr = metric('timeToRestore');
          const recovery = metric('recoveryTime');
          const rework = metric('reworkRate');
          const days = metric('deploymentDaysPerWeek');
          for (const row of rows) {
            expect(row.deployments).toBe(count(row.group) ?? 0);
            expect(row.changeFailRate).toBe(cfr(row.group) ?? null);
            expect(row.reworkRate).toBe(rework(row.group) ?? null);
            expect(row.leadTimeMedianMs).toBe(lead(row.group) ?? null);
            expect(row.timeToRestoreMedianMs).toBe(ttr(row.group) ?? null);
            expect(row.recoveryMedianMs).toBe(recovery(row.group) ?? null);
            expect(row.deploymentDaysPerWeek).toBe(days(row.group) ?? 0);
          }
        }
      ),
      RUNS
    );
  });
});

function scorecardGroupBy(groupBy: GroupBy): GroupBy {
  return groupBy === 'severity' || groupBy === 'label' ? 'service' : groupBy;
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

function shiftEvents(events: DoraEvents, offset: number): DoraEvents {
  const move = (t: Instant | undefined) => (t === undefined ? undefined : t + offset);
  return {
    ...events,
    changes: events.changes.map((c) => ({ ...c, committedAt: c.committedAt + offset })),
    deployments: events.deployments.map((d) =>
      compact({ ...d, startedAt: move(d.startedAt), finishedAt: d.finishedAt + offset })
    ),
    incidents: events.incidents.map((i) =>
      compact({
        ...i,
        createdAt: i.createdAt + offset,
        startedAt: move(i.startedAt),
        acknowledgedAt: move(i.acknowledgedAt),
        resolvedAt: move(i.resolvedAt),
      })
    ),
    pipelineRuns: events.pipelineRuns.map((r) =>
      compact({ ...r, startedAt: r.startedAt + offset, finishedAt: move(r.finishedAt) })
    ),
  };
}
