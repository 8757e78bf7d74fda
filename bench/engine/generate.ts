/**
 * A seeded synthetic organisation: services in teams, one repository each, a commit graph per repository
 * (a main line with direct commits and merged pull-request branches that start from older main commits),
 * deployment events (staging and production, failed and cancelled attempts, redeploys, rollbacks, hotfixes,
 * fix-forwards, two jobs of one pipeline run) and incidents (explicit causes, same-service, unlinked).
 * Groupings get their dimensions too: incident severities, pull request labels on some changes (several on some,
 * none on most) and services two teams own. These are set after the random draws, from each item's position, so
 * they change no other number of a seed.
 *
 * Only the normalized event model comes out, the same DoraEvents a source would hand to the engine; the SQL
 * peer gets exactly these events too, so neither side can use what the generator knows.
 */
import {
  Change,
  DAY_MS,
  Deployment,
  DoraEvents,
  Incident,
  MINUTE_MS,
  ServiceCatalog,
  shortSha,
  TimeRange,
} from '../../src/engine';
import { fakeSha, Random, seededRandom } from './random';

/** The full-scale organisation of the issue; `scale` multiplies the event counts (and services, teams). */
export const FULL_SCALE = {
  services: 300,
  teams: 40,
  changes: 1_000_000,
  deployments: 100_000,
  incidents: 10_000,
  days: 365,
};

export interface OrgSpec {
  /** 1 = full scale, 0.1, 0.01 ... */
  scale: number;
  seed: number;
}

export interface SyntheticOrg {
  events: DoraEvents;
  /** The dashboard range: a year of whole days starting on a Monday (UTC). */
  range: TimeRange;
  services: string[];
  teams: string[];
}

/** Monday 2025-01-06 00:00 UTC. */
const RANGE_START = Date.UTC(2025, 0, 6);
/** History before the range: commits from three weeks before, deployments from two. */
const COMMIT_LOOKBACK_MS = 21 * DAY_MS;
const DEPLOY_LOOKBACK_MS = 14 * DAY_MS;
/** Services that incidents name but the catalog does not know. */
const UNKNOWN_INCIDENT_SERVICE = 'legacy-mainframe';

export function scaledCounts(scale: number) {
  return {
    services: Math.max(3, Math.round(FULL_SCALE.services * scale)),
    teams: Math.max(2, Math.round(FULL_SCALE.teams * scale)),
    changes: Math.round(FULL_SCALE.changes * scale),
    deployments: Math.round(FULL_SCALE.deployments * scale),
    incidents: Math.round(FULL_SCALE.incidents * scale),
  };
}

/** The instant the benchmark evaluates an organisation at ("now"): a day after its range ends. */
export function evaluationInstant(org: SyntheticOrg): number {
  return org.range.to + DAY_MS;
}

export function generateOrg(spec: OrgSpec): SyntheticOrg {
  if (!(spec.scale > 0 && spec.scale <= 10)) {
    throw new Error(`scale must be in (0, 10], got ${spec.scale}; use 1 for the full organisation, 0.01 for CI`);
  }
  const rnd = seededRandom(spec.seed);
  const counts = scaledCounts(spec.scale);
  const range = { from: RANGE_START, to: RANGE_START + FULL_SCALE.days * DAY_MS };

  const teams = Array.from({ length: counts.teams }, (_, i) => `team-${pad(i + 1, 2)}`);
  const services = Array.from({ length: counts.services }, (_, i) => `svc-${pad(i + 1, 3)}`);
  const catalog: ServiceCatalog = {
    services: services.map((name, i) => ({
      name,
      // Every team gets a service first, the rest at random: teams of uneven size.
      team: i < teams.length ? teams[i] : rnd.pick(teams),
      repositories: [{ repo: repoOf(name) }],
    })),
  };

  // Busy and quiet services: shares between 0.5 and 1.5 of the mean, the same for commits and deployments.
  const weights = services.map(() => 0.5 + rnd.next());
  const changeShares = split(counts.changes, weights);
  const deploymentShares = split(counts.deployments, weights);
  const incidentShares = split(counts.incidents, weights);

  const events: DoraEvents = { changes: [], deployments: [], incidents: [], pipelineRuns: [], catalog };
  const ids = { commit: 0, deployment: 0, run: 0, incident: 0 };
  for (let s = 0; s < services.length; s++) {
    const history = generateHistory(rnd, services[s], changeShares[s], range, ids, spec.seed, events.changes);
    const kept = generateDeployments(rnd, services[s], deploymentShares[s], range, history, ids, events.deployments);
    generateIncidents(rnd, services[s], incidentShares[s], range, kept, ids, events.incidents);
  }
  addGroupingDimensions(events, teams);
  return { events, range, services, teams };
}

const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev2', undefined];
/** Labels of every 16th change's pull request, in turn: one label, two, one other, none (a pull request without). */
const LABEL_SETS: string[][] = [['security'], ['security', 'deps'], ['deps'], []];

/** Severities, pull request labels and shared services, by position (no random draw). */
function addGroupingDimensions(events: DoraEvents, teams: string[]): void {
  events.incidents.forEach((incident, k) => {
    const severity = SEVERITIES[k % SEVERITIES.length];
    if (severity !== undefined) {
      incident.severity = severity;
    }
  });
  events.changes.forEach((change, k) => {
    if (k % 16 === 0) {
      change.pullRequest = { number: k + 1, labels: LABEL_SETS[(k / 16) % LABEL_SETS.length] };
    }
  });
  // Every fifth service is owned by its team and the next one too (team totals then exceed the organisation's).
  (events.catalog?.services ?? []).forEach((service, k) => {
    const team = service.team;
    if (k % 5 === 2 && team !== undefined) {
      const other = teams[(teams.indexOf(team) + 1) % teams.length];
      if (other !== team) {
        service.teams = [other];
      }
    }
  });
}

/** The main line of a repository: its commits in order, with the instant each became the head. */
interface History {
  mainShas: string[];
  mainTimes: Float64Array;
}

function generateHistory(
  rnd: Random,
  service: string,
  count: number,
  range: TimeRange,
  ids: { commit: number },
  seed: number,
  out: Change[]
): History {
  const repo = repoOf(service);
  const times = sortedUniform(rnd, count, range.from - COMMIT_LOOKBACK_MS, range.to);
  const mainShas: string[] = [];
  const mainTimes: number[] = [];
  /** A commit with its first parent (none for the repository's first) and, for a merge, the branch tip it merges. */
  const commit = (at: number, parent: string | undefined, text: string, merged?: string): string => {
    const sha = fakeSha(ids.commit++, seed);
    // One commit in a thousand has a clock running two days ahead: its lead time comes out non-positive.
    const committedAt = rnd.chance(0.001) ? at + 2 * DAY_MS : at;
    const message = asParsed(text);
    // Fields in the model's order, each kind of commit one object literal (no field added later).
    out.push(
      parent === undefined
        ? { sha, repo, committedAt, message }
        : merged === undefined
          ? { sha, repo, committedAt, parent, message }
          : { sha, repo, committedAt, parent, mergedParents: [merged], message }
    );
    return sha;
  };
  const advanceMain = (sha: string, at: number) => {
    mainShas.push(sha);
    mainTimes.push(at);
  };

  let used = 0;
  let pr = 0;
  /** The last commits made, which a revert may name. */
  const recent: Array<{ sha: string; title: string }> = [];
  while (used < count) {
    const head = mainShas.length > 0 ? mainShas[mainShas.length - 1] : undefined;
    const left = count - used;
    if (head === undefined || left < 3 || rnd.chance(0.3)) {
      const sha = commit(times[used], head, directMessage(rnd, service, used, recent));
      advanceMain(sha, times[used]);
      remember(recent, sha, out[out.length - 1].message!);
      used++;
      continue;
    }
    // A pull request: 1..6 commits on a branch from one of the last four main commits, then a merge commit.
    const branchLength = Math.min(rnd.int(1, 6), left - 1);
    const base = mainShas[Math.max(0, mainShas.length - 1 - rnd.int(0, 3))];
    pr++;
    let tip = base;
    for (let k = 0; k < branchLength; k++) {
      tip = commit(times[used], tip, `feat: ${service} PR ${pr} part ${k + 1}`);
      remember(recent, tip, out[out.length - 1].message!);
      used++;
    }
    const merge = commit(times[used], head, `Merge pull request #${pr} from org/feature-${pr}`, tip);
    advanceMain(merge, times[used]);
    remember(recent, merge, out[out.length - 1].message!);
    used++;
  }
  return { mainShas, mainTimes: Float64Array.from(mainTimes) };
}

const RECENT_COMMITS = 30;

function remember(recent: Array<{ sha: string; title: string }>, sha: string, title: string) {
  recent.push({ sha, title });
  if (recent.length > RECENT_COMMITS) {
    recent.shift();
  }
}

/**
 * Most direct commits are ordinary; a few are hotfixes (fix-like for the incident fix-forward rule) or
 * reverts of a recent commit, named by title ('Revert "<title>"', GitHub's form), by SHA (git's body
 * "This reverts commit <sha>."), or naming nothing that exists.
 */
function directMessage(rnd: Random, service: string, n: number, recent: Array<{ sha: string; title: string }>): string {
  const roll = rnd.next();
  if (roll < 0.01) {
    return `hotfix: ${service} patch ${n}`;
  }
  if (roll < 0.025 && recent.length > 0) {
    const target = rnd.pick(recent);
    return rnd.chance(0.5)
      ? `Revert "${target.title}"`
      : `Revert "${target.title}"\n\nThis reverts commit ${target.sha}.`;
  }
  if (roll < 0.026) {
    return `Revert "an experiment that was never merged ${n}"`;
  }
  return `fix: ${service} change ${n}`;
}

/** A successful production deployment as the generator remembers it (for incident causes). */
interface Kept {
  id: string;
  /** Id of the other job of the same pipeline run, which incidents may name instead. */
  alias?: string;
  sha: string;
  finishedAt: number;
}

function generateDeployments(
  rnd: Random,
  service: string,
  count: number,
  range: TimeRange,
  history: History,
  ids: { deployment: number; run: number },
  out: Deployment[]
): Kept[] {
  const repo = repoOf(service);
  const times = sortedUniform(rnd, count, range.from - DEPLOY_LOOKBACK_MS, range.to);
  // One production environment per service (the engine tracks what is live per service and environment);
  // its spelling varies between services to exercise the case-insensitive production pattern.
  // A few services deploy to an environment the pattern does not know, and their source says it is production.
  const roll = rnd.next();
  const production = roll < 0.82 ? 'production' : roll < 0.9 ? 'prod' : roll < 0.95 ? 'PROD' : 'prod-eu-west';
  const flagged: Partial<Deployment> = production === 'prod-eu-west' ? { production: true } : {};
  const kept: Kept[] = [];
  /** Distinct SHAs deployed forward, newest last; a rollback goes back one of them. */
  const forward: string[] = [];
  let live: Kept | undefined;

  const emit = (finishedAt: number, sha: string, extra: Partial<Deployment>): Deployment => {
    const deployment: Deployment = {
      id: `d-${ids.deployment++}`,
      service,
      environment: production,
      repo,
      sha,
      startedAt: finishedAt - rnd.int(1, 10) * MINUTE_MS,
      finishedAt,
      status: 'success',
      source: 'bench',
      pipelineRunId: `run-${ids.run++}`,
      ...flagged,
      ...extra,
    };
    if (deployment.title !== undefined) {
      deployment.title = asParsed(deployment.title);
    }
    out.push(deployment);
    return deployment;
  };
  const succeed = (d: Deployment, alias?: string) => {
    live = { id: d.id, sha: d.sha, finishedAt: d.finishedAt, alias };
    kept.push(live);
  };

  for (let i = 0; i < count; i++) {
    const at = times[i];
    const head = headAt(history, at - MINUTE_MS);
    if (head === undefined) {
      emit(at, history.mainShas[0], { environment: 'staging' });
      continue;
    }
    const roll = rnd.next();
    if (roll < 0.2) {
      emit(at, head, { environment: rnd.chance(0.5) ? 'staging' : 'Staging-EU' });
    } else if (roll < 0.24) {
      emit(at, head, { status: 'failure' });
    } else if (roll < 0.25) {
      emit(at, head, { status: 'cancelled' });
    } else if (roll < 0.27 && forward.length >= 2 && live) {
      forward.pop();
      const target = forward[forward.length - 1];
      // Some providers say so; most rollbacks are only visible by ancestry.
      succeed(emit(at, target, rnd.chance(0.3) ? { rollback: true } : { title: `Rollback to ${shortSha(target)}` }));
    } else if (roll < 0.3 && live) {
      const flagged = rnd.chance(0.5);
      const d = emit(at, head, flagged ? { hotfix: true } : { title: `HOTFIX ${service}` });
      pushForward(forward, head);
      succeed(d);
    } else if (roll < 0.31 && live) {
      const d = emit(at, head, { fixesDeploymentId: live.id, title: `deploy ${shortSha(head)}` });
      pushForward(forward, head);
      succeed(d);
    } else if (roll < 0.32 && live) {
      // Redeploy of the live SHA.
      succeed(emit(at, live.sha, {}));
    } else if (roll < 0.33 && i + 1 < count) {
      // Two jobs of one pipeline run deploy the service; the run counts once, at the last finish.
      const first = emit(at, head, {});
      const second = emit(at + Math.min(30_000, Math.floor((times[i + 1] - at) / 2)), head, {
        pipelineRunId: first.pipelineRunId,
      });
      i++;
      pushForward(forward, head);
      succeed(second, first.id);
    } else {
      const d = emit(at, head, {});
      pushForward(forward, head);
      succeed(d);
    }
  }
  return kept;
}

function pushForward(forward: string[], sha: string) {
  if (forward[forward.length - 1] !== sha) {
    forward.push(sha);
  }
}

function generateIncidents(
  rnd: Random,
  service: string,
  count: number,
  range: TimeRange,
  kept: Kept[],
  ids: { incident: number },
  out: Incident[]
) {
  const inRange = kept.filter((k) => k.finishedAt >= range.from && k.finishedAt < range.to - 2 * DAY_MS);
  for (let i = 0; i < count; i++) {
    const id = `i-${ids.incident++}`;
    const after = inRange.length > 0 ? rnd.pick(inRange) : undefined;
    const base = after ? after.finishedAt : range.from + rnd.int(0, 300) * DAY_MS;
    const roll = rnd.next();
    const startedAt = base + rnd.int(1, 36 * 60) * MINUTE_MS;
    const incident: Incident = {
      id,
      service,
      title: asParsed(`${service} degraded`),
      createdAt: startedAt + rnd.int(0, 120) * MINUTE_MS,
      source: 'bench',
    };
    if (rnd.chance(0.8)) {
      incident.startedAt = startedAt;
    }
    if (rnd.chance(0.9)) {
      incident.acknowledgedAt = incident.createdAt + rnd.int(1, 60) * MINUTE_MS;
    }
    if (rnd.chance(0.97)) {
      incident.resolvedAt = incident.createdAt + rnd.int(10, 72 * 60) * MINUTE_MS;
    }
    if (roll < 0.35 && after) {
      incident.cause = { deploymentId: after.alias !== undefined && rnd.chance(0.5) ? after.alias : after.id };
    } else if (roll < 0.45 && after) {
      // A full SHA or the 12-digit prefix people paste.
      incident.cause = { sha: rnd.chance(0.5) ? after.sha : after.sha.slice(0, 12) };
    } else if (roll < 0.5) {
      delete incident.service;
    } else if (roll < 0.55) {
      incident.service = UNKNOWN_INCIDENT_SERVICE;
    }
    out.push(incident);
  }
}

/** The last main commit that became head before `at`. */
function headAt(history: History, at: number): string | undefined {
  let lo = 0;
  let hi = history.mainTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (history.mainTimes[mid] < at) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo === 0 ? undefined : history.mainShas[lo - 1];
}

/** `count` distinct whole-second instants in [from, to), ascending. */
function sortedUniform(rnd: Random, count: number, from: number, to: number): Float64Array {
  const seconds = Math.floor((to - from) / 1000);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = from + Math.floor(rnd.next() * seconds) * 1000;
  }
  out.sort();
  // Distinct instants keep "earlier" and "latest" unambiguous for both sides.
  for (let i = 1; i < count; i++) {
    if (out[i] <= out[i - 1]) {
      out[i] = out[i - 1] + 1000;
    }
  }
  return out;
}

/** Splits a total into integer shares proportional to the weights (largest remainders). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    shares[order[k].i]++;
  }
  return shares;
}

/**
 * Text as a source hands it over after JSON.parse: one flat string. A template literal leaves a rope of its
 * pieces (over 100 bytes for a 30-character message, twice the flat size), which would misstate the memory a
 * million real events take.
 */
function asParsed(text: string): string {
  return JSON.parse(JSON.stringify(text));
}

function repoOf(service: string): string {
  return `org/${service}`;
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) {
    s = '0' + s;
  }
  return s;
}
