/** @jest-environment node */
/**
 * Every designed feature of the demo is present, for several seeds, found by inspecting the events themselves
 * (not the generator's internals), so the dashboards always have something to show.
 */
import { Change, DAY_MS, Deployment, DoraEvents, Incident, parentsOf } from '../../engine';
import { clipToNow } from './clip';
import { generateDemoData } from './generate';
import { UNKNOWN_SERVICE } from './quirks';

const NOW = Date.parse('2025-06-15T12:34:56Z');

const production = (events: DoraEvents) =>
  events.deployments.filter((d) => d.environment === 'production' && d.status === 'success');

const ofService = (deployments: Deployment[], service: string) => deployments.filter((d) => d.service === service);

function perDay(deployments: Deployment[], service: string, days: number): number {
  const runs = new Set(ofService(deployments, service).map((d) => d.pipelineRunId));
  return runs.size / days;
}

/** The production deployment of the incident's service (catalog name) that finished last before it started. */
function deploymentBefore(events: DoraEvents, incident: Incident, service: string): Deployment | undefined {
  const start = incident.startedAt ?? incident.createdAt;
  return ofService(production(events), service)
    .filter((d) => d.finishedAt <= start)
    .sort((a, b) => b.finishedAt - a.finishedAt)[0];
}

describe.each([42, 7, 2024])('demo events for seed %i', (seed) => {
  const data = generateDemoData(seed, NOW);
  const events = clipToNow(data.events, NOW);
  const prod = production(events);
  const bySha = new Map<string, Change>(events.changes.map((c) => [c.sha, c]));
  const byId = new Map<string, Deployment>(events.deployments.map((d) => [d.id, d]));
  const catalogNames = (events.catalog?.services ?? []).map((s) => s.name);
  const aliases: Record<string, string> = {};
  for (const s of events.catalog?.services ?? []) {
    for (const alias of s.incidentServices ?? []) {
      aliases[alias] = s.name;
    }
  }
  const serviceOf = (incident: Incident) =>
    incident.service === undefined ? undefined : (aliases[incident.service] ?? incident.service);

  it('has 8 services in 4 teams, each with repositories, and deployments of each', () => {
    const services = events.catalog?.services ?? [];
    expect(services).toHaveLength(8);
    expect(new Set(services.map((s) => s.team)).size).toBe(4);
    services.forEach((s) => expect(s.repositories?.length).toBeGreaterThan(0));
    expect(new Set(prod.map((d) => d.service))).toEqual(new Set(catalogNames));
  });

  it('spreads deployment frequency from several a day to less than monthly', () => {
    expect(perDay(prod, 'checkout', 180)).toBeGreaterThan(2);
    expect(perDay(prod, 'api-gateway', 180)).toBeGreaterThan(1 / 7);
    expect(perDay(prod, 'api-gateway', 180)).toBeLessThan(1);
    expect(perDay(prod, 'search', 180)).toBeLessThan(1 / 7);
    expect(perDay(prod, 'billing', 180)).toBeLessThan(1 / 30);
  });

  it('has real commit graphs: parents exist, merges, and pull requests with their timeline', () => {
    const roots = events.changes.filter((c) => c.parent === undefined);
    expect(roots.length).toBe(8); // one initial commit per repository
    const dangling = events.changes.filter((c) => parentsOf(c).some((p) => !bySha.has(p)));
    expect(dangling).toEqual([]);
    const merges = events.changes.filter((c) => parentsOf(c).length === 2);
    expect(merges.length).toBeGreaterThan(100);
    const withPr = events.changes.filter((c) => c.pullRequest);
    expect(withPr.length).toBeGreaterThan(events.changes.length / 2);
    const disordered = withPr.filter((c) => {
      const pr = c.pullRequest!;
      return !(
        pr.firstCommitAt! <= pr.openedAt! &&
        pr.openedAt! <= pr.firstReviewAt! &&
        pr.firstReviewAt! <= pr.mergedAt!
      );
    });
    expect(disordered).toEqual([]);
    // Squash merges (checkout) and merge commits (the others) both occur.
    expect(events.changes.some((c) => c.repo === 'acme/checkout' && /\(#\d+\)$/.test(c.message ?? ''))).toBe(true);
    expect(merges.some((c) => /^Merge pull request #\d+/.test(c.message ?? ''))).toBe(true);
  });

  it('has rollbacks, with and without the provider hint', () => {
    const rollbacks = prod.filter((d) => /^Rollback to /.test(d.title ?? ''));
    expect(rollbacks.filter((d) => d.rollback).length).toBeGreaterThan(0);
    expect(rollbacks.filter((d) => !d.rollback).length).toBeGreaterThan(0);
    for (const d of rollbacks) {
      // The SHA went live before (an earlier deployment of the same service deployed it).
      const earlier = ofService(prod, d.service).filter((e) => e.finishedAt < d.finishedAt && e.sha === d.sha);
      expect(earlier.length).toBeGreaterThan(0);
    }
  });

  it('has incidents of several severities and pull requests labelled security (panels grouped by them)', () => {
    const severities = new Set(events.incidents.map((i) => i.severity).filter(Boolean));
    expect(severities.size).toBeGreaterThanOrEqual(3);
    const security = events.changes.filter((c) => (c.pullRequest?.labels ?? []).indexOf('security') >= 0);
    expect(security.length).toBeGreaterThan(5);
    // Labels are several per pull request at times: security work is also a feature or a bug fix.
    expect(security.some((c) => (c.pullRequest?.labels ?? []).length > 1)).toBe(true);
  });

  it('has hotfixes marked by label and branch, some with the provider hint', () => {
    const hotfixChanges = events.changes.filter(
      (c) => c.pullRequest?.labels?.indexOf('hotfix') !== undefined && c.pullRequest.labels.indexOf('hotfix') >= 0
    );
    expect(hotfixChanges.length).toBeGreaterThan(1);
    hotfixChanges.forEach((c) => expect(c.pullRequest?.branch).toMatch(/^hotfix\//));
    expect(prod.filter((d) => d.hotfix).length).toBeGreaterThan(0);
    expect(prod.filter((d) => /hotfix/i.test(d.title ?? '') && !d.hotfix).length).toBeGreaterThan(0);
  });

  it('has reverts naming the reverted commit, which an earlier deployment shipped', () => {
    const reverts = events.changes.filter((c) => /^Revert "/.test(c.message ?? ''));
    expect(reverts.length).toBeGreaterThan(0);
    for (const r of reverts) {
      const m = /This reverts commit ([0-9a-f]{40})\./.exec(r.message ?? '');
      expect(m).not.toBeNull();
      const target = bySha.get(m![1]);
      expect(target).toBeDefined();
      expect(r.message).toContain(target!.pullRequest?.title ?? '<no title>');
      const shippers = Object.keys(data.shipped).filter((id) => data.shipped[id].indexOf(target!.sha) >= 0);
      expect(shippers.length).toBe(1);
    }
  });

  it('has fix-forward deployments naming the deployment they fix', () => {
    const fixes = prod.filter((d) => d.fixesDeploymentId);
    expect(fixes.length).toBeGreaterThan(0);
    for (const d of fixes) {
      const fixed = byId.get(d.fixesDeploymentId!);
      expect(fixed?.service).toBe(d.service);
      expect(fixed!.finishedAt).toBeLessThan(d.finishedAt);
    }
  });

  it('links incidents explicitly by SHA, pull request and deployment id', () => {
    const bySha = events.incidents.filter((i) => i.cause?.sha);
    const byPr = events.incidents.filter((i) => i.cause?.pullRequest !== undefined);
    const byDeployment = events.incidents.filter((i) => i.cause?.deploymentId);
    expect(bySha.length).toBeGreaterThan(0);
    expect(byPr.length).toBeGreaterThan(0);
    expect(byDeployment.length).toBeGreaterThan(0);
    bySha.forEach((i) => expect(events.changes.some((c) => c.sha === i.cause!.sha)).toBe(true));
    byDeployment.forEach((i) => expect(byId.has(i.cause!.deploymentId!)).toBe(true));
    byPr.forEach((i) =>
      expect(
        events.changes.some((c) => c.repo === i.cause!.repo && c.pullRequest?.number === i.cause!.pullRequest)
      ).toBe(true)
    );
  });

  it('has incidents to link by service (a deployment within 24 h before) and incidents with no cause', () => {
    const uncaused = events.incidents.filter((i) => !i.cause);
    const linkable = uncaused.filter((i) => {
      const service = serviceOf(i);
      const before = service ? deploymentBefore(events, i, service) : undefined;
      return before !== undefined && (i.startedAt ?? i.createdAt) - before.finishedAt <= DAY_MS;
    });
    expect(linkable.length).toBeGreaterThan(2);
    const causeless = uncaused.filter((i) => linkable.indexOf(i) < 0);
    expect(causeless.some((i) => i.service === undefined)).toBe(true);
    expect(causeless.some((i) => serviceOf(i) === 'billing')).toBe(true);
  });

  it("names incidents by the incident tool's service names, which the catalog maps", () => {
    const aliased = events.incidents.filter((i) => i.service !== undefined && aliases[i.service] !== undefined);
    expect(aliased.length).toBeGreaterThan(0);
  });

  it('has a service launched recently, whose first deployment has no predecessor in the history', () => {
    const notifications = ofService(prod, 'notifications');
    const first = notifications[0];
    expect(first.finishedAt).toBeGreaterThan(NOW - 45 * DAY_MS);
    expect(data.shipped[first.id].length).toBeGreaterThan(0);
    const beforeLaunch = ofService(events.deployments, 'notifications').filter((d) => d.startedAt! < NOW - 41 * DAY_MS);
    expect(beforeLaunch).toEqual([]);
  });

  it('has CI runs that fail, some passing on a re-run of the same SHA (flaky)', () => {
    const runs = events.pipelineRuns;
    const reruns = runs.filter((r) => r.attempt === 2 && r.conclusion === 'success');
    expect(reruns.length).toBeGreaterThan(5);
    for (const r of reruns) {
      const first = runs.find((x) => x.id === r.id && x.attempt === 1);
      expect(first?.conclusion).toMatch(/failure|cancelled/);
      expect(first?.sha).toBe(r.sha);
    }
    const plainFailures = runs.filter(
      (r) => r.conclusion === 'failure' && !runs.some((x) => x.id === r.id && x.attempt > r.attempt)
    );
    expect(plainFailures.length).toBeGreaterThan(0);
  });

  it('has failed and cancelled deploy attempts, retried in the same pipeline run', () => {
    const failed = events.deployments.filter((d) => d.status === 'failure');
    const cancelled = events.deployments.filter((d) => d.status === 'cancelled');
    expect(failed.length).toBeGreaterThan(0);
    expect(cancelled.length).toBeGreaterThan(0);
    for (const d of failed.concat(cancelled)) {
      expect(prod.some((p) => p.pipelineRunId === d.pipelineRunId && p.sha === d.sha)).toBe(true);
    }
  });

  it('has a pipeline that deploys one service to production from two jobs', () => {
    const perRun = new Map<string, Deployment[]>();
    for (const d of prod) {
      perRun.set(d.pipelineRunId!, (perRun.get(d.pipelineRunId!) ?? []).concat([d]));
    }
    const twoJobs = Array.from(perRun.values()).filter((ds) => ds.length === 2);
    expect(twoJobs.length).toBeGreaterThan(10);
    twoJobs.forEach((ds) => {
      expect(ds[0].service).toBe(ds[1].service);
      expect(ds[0].sha).toBe(ds[1].sha);
    });
  });

  it('has staging deployments that the production rule must leave out', () => {
    expect(events.deployments.filter((d) => d.environment === 'staging').length).toBeGreaterThan(100);
  });

  it('has a redeploy of the SHA already live', () => {
    const redeploys = prod.filter((d) => /^Redeploy /.test(d.title ?? ''));
    expect(redeploys.length).toBeGreaterThan(0);
    for (const d of redeploys) {
      const before = ofService(prod, d.service).filter((e) => e.finishedAt < d.finishedAt);
      expect(before[before.length - 1].sha).toBe(d.sha);
    }
  });

  it('has a release-branch case: a patch of an older release line after a newer release', () => {
    const ledger = ofService(prod, 'ledger');
    const version = (d: Deployment) => (/^v2\.(\d+)\.(\d+)$/.exec(d.ref ?? '') ?? []).slice(1).map(Number);
    const backports = ledger.filter((d, i) => {
      const [minor, patch] = version(d);
      return i > 0 && patch > 0 && minor < version(ledger[i - 1])[0];
    });
    expect(backports.length).toBe(1);
    const pick = bySha.get(backports[0].sha)!;
    expect(pick.message).toMatch(/\(cherry picked from commit [0-9a-f]{40}\)$/);
    // It ships its cherry-pick and nothing the newer release already shipped.
    expect(data.shipped[backports[0].id]).toEqual([pick.sha]);
  });

  it('has the designed data-quality problems', () => {
    // A commit claiming to be made after the deployment that shipped it (non-positive lead time).
    const skewed = Object.keys(data.shipped).filter((id) =>
      data.shipped[id].some((sha) => bySha.get(sha)!.committedAt >= byId.get(id)!.finishedAt)
    );
    expect(skewed.map((id) => byId.get(id)!.service)).toEqual(['auth']);
    // A service the catalog does not know.
    const unknown = events.incidents.filter(
      (i) => serviceOf(i) !== undefined && catalogNames.indexOf(serviceOf(i)!) < 0
    );
    expect(unknown.map((i) => i.service)).toEqual([UNKNOWN_SERVICE]);
    // A deployment that finished before it started.
    const backwards = events.deployments.filter((d) => d.startedAt! > d.finishedAt);
    expect(backwards.map((d) => d.service)).toEqual(['search']);
  });
});
