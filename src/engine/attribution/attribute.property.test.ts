/**
 * Properties of attribution over random histories: several services, each with its own repository (a random
 * commit DAG with merges, pull requests, reverts), production and staging deployments (pipeline jobs,
 * rollbacks, hotfix hints, explicit lists, unfetched SHAs, duplicates), incidents with and without causes.
 */
import fc from 'fast-check';
import { attribute } from './index';
import { shippedColumnsOf } from './shippedColumns';
import { HOUR, NOW, T0 } from './testBuilders';
import { Attributed, AttributedDeployment } from './types';
import { Change, Deployment, DoraEvents, Incident, parentFields, PipelineRun } from '../model';

const MINUTE = 60000;
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const when = (percent: number) => fc.integer({ min: 1, max: 100 }).map((n) => n <= percent);

const commitSpec = fc.record({
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
  hour: fc.integer({ min: 0, max: 200 }),
  minute: fc.integer({ min: 0, max: 3 }),
  pr: opt(
    fc.record({
      number: fc.integer({ min: 1, max: 6 }),
      opened: fc.integer({ min: -5, max: 5 }),
      merged: fc.integer({ min: -2, max: 8 }),
      hotfix: when(15),
    })
  ),
  message: fc.constantFrom('feat', 'fix', 'hotfix: urgent', 'Revert "feat"', 'revert-named', undefined),
  revertPick: fc.nat(),
  root: when(5),
});

const deploySpec = fc.record({
  commit: fc.nat(),
  hour: fc.integer({ min: 0, max: 240 }),
  minute: fc.integer({ min: 0, max: 2 }),
  env: fc.constantFrom('production', 'production', 'prod', 'staging'),
  status: fc.constantFrom('success', 'success', 'success', 'success', 'failure', 'cancelled', 'in_progress'),
  run: opt(fc.integer({ min: 0, max: 3 })),
  rollback: when(8),
  hotfix: when(8),
  explicit: opt(fc.array(fc.nat(), { maxLength: 3 })),
  missing: when(6),
  fixes: opt(fc.nat()),
  duplicate: when(5),
});

const incidentSpec = fc.record({
  hour: fc.integer({ min: 0, max: 260 }),
  started: opt(fc.integer({ min: 0, max: 120 })),
  resolved: opt(fc.integer({ min: -30, max: 600 })),
  acknowledged: opt(fc.integer({ min: -5, max: 60 })),
  cause: opt(
    fc.oneof(
      fc.record({ kind: fc.constant('deployment' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('sha' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('pr' as const), pick: fc.integer({ min: 1, max: 6 }) })
    )
  ),
});

const runSpec = fc.record({
  commit: fc.nat(),
  hour: fc.integer({ min: 0, max: 240 }),
  attempt: fc.integer({ min: 1, max: 3 }),
  conclusion: fc.constantFrom('success', 'failure', 'cancelled'),
});

const serviceSpec = fc.record({
  commits: fc.array(commitSpec, { minLength: 1, maxLength: 25 }),
  deployments: fc.array(deploySpec, { maxLength: 12 }),
  incidents: fc.array(incidentSpec, { maxLength: 5 }),
  runs: fc.array(runSpec, { maxLength: 4 }),
});
type ServiceSpec = typeof serviceSpec extends fc.Arbitrary<infer T> ? T : never;

const HEX: Record<string, string> = { A: 'a', B: 'b', C: 'c' };
const at = (hour: number, minute = 0) => T0 + hour * HOUR + minute * MINUTE;

/** Builds one service's events; every identifier starts with the service's prefix, so services never meet. */
function build(name: string, spec: ServiceSpec): DoraEvents {
  const repo = `acme/${name}`;
  const sha = (k: number) => `${HEX[name]}${k.toString(16).padStart(9, '0')}`;
  const changes: Change[] = spec.commits.map((c, k) => {
    const parents = k === 0 || c.root ? [] : Array.from(new Set(c.parents.map((p) => sha(p % k))));
    const change: Change = { sha: sha(k), repo, committedAt: at(c.hour, c.minute), ...parentFields(parents) };
    if (c.message === 'revert-named') {
      change.message = `Revert "feat"\n\nThis reverts commit ${sha(c.revertPick % (k + 1))}.`;
    } else if (c.message !== undefined) {
      change.message = c.message;
    }
    if (c.pr) {
      change.pullRequest = {
        number: c.pr.number,
        title: c.pr.hotfix ? 'Hotfix things' : 'Things',
        openedAt: at(c.hour + c.pr.opened),
        mergedAt: at(c.hour + c.pr.merged),
        firstCommitAt: at(c.hour - 1),
      };
    }
    return change;
  });
  const ids = spec.deployments.map((_, k) => `${name}-d${k}`);
  const deployments: Deployment[] = [];
  spec.deployments.forEach((d, k) => {
    const deployment: Deployment = {
      id: ids[k],
      service: name,
      environment: d.env,
      repo,
      sha: d.missing ? `${HEX[name]}fff${k}` : sha(d.commit % changes.length),
      finishedAt: at(d.hour, d.minute),
      status: d.status as Deployment['status'],
      source: 'prop',
    };
    if (d.run !== undefined) {
      deployment.pipelineRunId = `${name}-run${d.run}`;
    }
    if (d.rollback) {
      deployment.rollback = true;
    }
    if (d.hotfix) {
      deployment.hotfix = true;
    }
    if (d.explicit) {
      deployment.changes = d.explicit.map((p) => sha(p % (changes.length + 1)));
    }
    if (d.fixes !== undefined) {
      deployment.fixesDeploymentId = ids[d.fixes % ids.length];
    }
    deployments.push(deployment);
    if (d.duplicate) {
      deployments.push({ ...deployment });
    }
  });
  const incidents: Incident[] = spec.incidents.map((i, k) => {
    const incident: Incident = { id: `${name}-i${k}`, service: name, createdAt: at(i.hour), source: 'prop' };
    if (i.started !== undefined) {
      incident.startedAt = at(i.hour) - i.started * MINUTE;
    }
    if (i.resolved !== undefined) {
      incident.resolvedAt = at(i.hour) + i.resolved * MINUTE;
    }
    if (i.acknowledged !== undefined) {
      incident.acknowledgedAt = at(i.hour) + i.acknowledged * MINUTE;
    }
    if (i.cause?.kind === 'deployment' && ids.length > 0) {
      incident.cause = { deploymentId: ids[i.cause.pick % ids.length] };
    } else if (i.cause?.kind === 'sha') {
      incident.cause = { sha: sha(i.cause.pick % changes.length), repo };
    } else if (i.cause?.kind === 'pr') {
      incident.cause = { pullRequest: i.cause.pick, repo };
    }
    return incident;
  });
  const pipelineRuns: PipelineRun[] = spec.runs.map((r, k) => ({
    id: `${name}-r${k % 2}`,
    repo,
    workflow: 'ci',
    sha: sha(r.commit % changes.length),
    attempt: r.attempt + (k % 2) * 10,
    startedAt: at(r.hour),
    finishedAt: at(r.hour) + 10 * MINUTE,
    conclusion: r.conclusion as PipelineRun['conclusion'],
  }));
  return { changes, deployments, incidents, pipelineRuns };
}

function merge(...parts: DoraEvents[]): DoraEvents {
  return {
    changes: ([] as Change[]).concat(...parts.map((p) => p.changes)),
    deployments: ([] as Deployment[]).concat(...parts.map((p) => p.deployments)),
    incidents: ([] as Incident[]).concat(...parts.map((p) => p.incidents)),
    pipelineRuns: ([] as PipelineRun[]).concat(...parts.map((p) => p.pipelineRuns)),
  };
}

/** A deterministic shuffle (seeded), so fast-check can shrink the seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function shuffleEvents(events: DoraEvents, seed: number): DoraEvents {
  return {
    changes: shuffled(events.changes, seed),
    deployments: shuffled(events.deployments, seed + 1),
    incidents: shuffled(events.incidents, seed + 2),
    pipelineRuns: shuffled(events.pipelineRuns, seed + 3),
  };
}

/** Everything of one service in a result. */
/** Deployments with their changeShas as a field of their own (attribute() reads them through: see shippedDeployment.ts). */
function withShas(deployments: AttributedDeployment[]) {
  return deployments.map((d) => ({ ...d, changeShas: d.changeShas }));
}

function comparable(result: Attributed) {
  return { ...result, deployments: withShas(result.deployments) };
}

function project(result: Attributed, name: string) {
  const ours = (subject: string) =>
    subject.startsWith(`${name}-`) || subject.startsWith(HEX[name]) || subject.startsWith(`acme/${name}@`);
  return {
    deployments: withShas(result.deployments.filter((d) => d.deployment.service === name)),
    failedAttempts: result.failedAttempts.filter((d) => d.service === name),
    changes: result.changes.filter((c) => c.service === name),
    incidents: result.incidents.filter((i) => i.incident.service === name),
    pipelineRuns: result.pipelineRuns.filter((r) => r.run.repo === `acme/${name}`),
    dataQuality: result.dataQuality.filter((f) => f.service === name || ours(f.subject)),
  };
}

// PROPERTY_RUNS=2000 searches harder locally; the default keeps the suite quick.
const runs = { numRuns: Number(process.env.PROPERTY_RUNS) || 150 };

describe('attribution properties', () => {
  it('the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(serviceSpec, serviceSpec, fc.integer(), (a, b, seed) => {
        const events = merge(build('A', a), build('B', b));
        expect(comparable(attribute(shuffleEvents(events, seed), {}, NOW))).toEqual(
          comparable(attribute(events, {}, NOW))
        );
      }),
      runs
    );
  });

  it('every change is attributed at most once per service, to a deployment that lists it', () => {
    fc.assert(
      fc.property(serviceSpec, serviceSpec, (a, b) => {
        const result = attribute(merge(build('A', a), build('B', b)), {}, NOW);
        const seen = new Set<string>();
        const byId = new Map(result.deployments.map((d) => [d.deployment.id, d]));
        for (const c of result.changes) {
          const key = `${c.service}|${c.change.repo}@${c.change.sha}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          const d = byId.get(c.deploymentId)!;
          expect(d.deployment.service).toBe(c.service);
          expect(d.changeShas).toContain(c.change.sha);
          expect(c.deployedAt).toBe(d.deployment.finishedAt);
        }
      }),
      runs
    );
  });

  it('no negative lead time, phase, recovery or incident duration', () => {
    fc.assert(
      fc.property(serviceSpec, fc.constantFrom('commit', 'prFirstCommit', 'prOpened', 'prMerged'), (a, start) => {
        const result = attribute(build('A', a), { leadTimeStart: start as never }, NOW);
        for (const c of result.changes) {
          expect(c.leadTimeMs === null || c.leadTimeMs > 0).toBe(true);
          for (const value of Object.values(c.breakdown ?? {})) {
            expect(value).toBeGreaterThanOrEqual(0);
          }
        }
        for (const d of result.deployments) {
          expect(d.recoveryMs === undefined || d.recoveryMs === null || d.recoveryMs >= 0).toBe(true);
          expect(d.failed).toBe(d.failureReasons.length > 0);
          expect(d.isRework).toBe(d.reworkReasons.length > 0);
        }
        for (const i of result.incidents) {
          for (const value of [i.timeToRestoreMs, i.timeToDetectMs, i.timeToAcknowledgeMs]) {
            expect(value === null || value >= 0).toBe(true);
          }
        }
      }),
      runs
    );
  });

  it('a result stays as it was when attribution runs again (its working lists are reused, never part of a result)', () => {
    fc.assert(
      fc.property(serviceSpec, serviceSpec, (a, b) => {
        const first = attribute(build('A', a), {}, NOW);
        // The result as JSON, and the columns kept with its changes (not enumerable, so not in the JSON).
        const snapshot = () => {
          const columns = shippedColumnsOf(first.changes, first.deployments);
          return JSON.stringify({
            first,
            deployment: Array.from(columns?.deployment ?? []),
            leadTimeMs: Array.from(columns?.leadTimeMs ?? []),
            withBreakdown: Array.from(columns?.withBreakdown ?? []),
          });
        };
        const before = snapshot();
        attribute(merge(build('B', b), build('A', a)), {}, NOW);
        expect(snapshot()).toBe(before);
      }),
      runs
    );
  });

  it("adding another service's events changes nothing of this service", () => {
    fc.assert(
      fc.property(serviceSpec, serviceSpec, serviceSpec, (a, b, c) => {
        const alone = attribute(build('A', a), {}, NOW);
        const together = attribute(merge(build('B', b), build('A', a), build('C', c)), {}, NOW);
        expect(project(together, 'A')).toEqual(project(alone, 'A'));
      }),
      runs
    );
  });

  it('deployments are sorted by finish; rollbacks and fixes point to earlier deployments of the same service', () => {
    fc.assert(
      fc.property(serviceSpec, (a) => {
        const result = attribute(build('A', a), {}, NOW);
        const position = new Map(result.deployments.map((d, i) => [d.deployment.id, i]));
        result.deployments.forEach((d, i) => {
          if (i > 0) {
            expect(d.deployment.finishedAt).toBeGreaterThanOrEqual(result.deployments[i - 1].deployment.finishedAt);
          }
          if (d.rollbackOf !== undefined) {
            expect(position.get(d.rollbackOf)!).toBeLessThan(i);
          }
          if (d.restoredBy !== undefined) {
            expect(position.get(d.restoredBy)!).toBeGreaterThan(i);
          }
          expect(d.deployment.status).toBe('success');
          expect(['production', 'prod']).toContain(d.deployment.environment);
        });
      }),
      runs
    );
  });
});
