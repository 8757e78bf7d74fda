/**
 * `npx tsx bench/backend/providerFakes.ts`: the fake GitHub, GitLab, PagerDuty, Jira, Argo CD and Grafana
 * annotations and query APIs of the source tests (src/sources/<provider>/testing, with their hand-checked weeks) on
 * loopback, for the harness test that reaches them through the built executable (pkg/harness/providers_test.go).
 * One fake per provider and way of failing (below), each answering every request that way, plus one that answers
 * normally ("ok"). The answers' shapes are the fakes' own and the source tests': GitHub's message and
 * documentation_url bodies and x-ratelimit-* headers, GitLab's message bodies and RateLimit-* headers, PagerDuty's
 * error objects, Jira's errorMessages, Argo CD's runtimeError, Grafana's message bodies.
 * Prints one JSON line (the fakes' URLs by provider and fault, the weeks the fakes hold, the data source bridge's
 * settings); runs until stdin closes.
 */
import { WEEK_MS } from '../../src/engine';
import { shopAnnotations } from '../../src/sources/annotations/testing/annotations';
import { startFakeGrafanaAnnotations } from '../../src/sources/annotations/testing/server';
import { runtimeError } from '../../src/sources/argocd/testing/applications';
import { shopApps, T0 as GRAFANA_T0 } from '../../src/sources/argocd/testing/scenario';
import { startFakeArgoCd } from '../../src/sources/argocd/testing/server';
import { deploymentsFrame } from '../../src/sources/datasource/testing/frames';
import { MAPPINGS } from '../../src/sources/datasource/testing/mappings';
import { startFakeQueryApi } from '../../src/sources/datasource/testing/services';
import { shopWorld as githubWorld, T0 as FORGE_T0 } from '../../src/sources/github/testing/scenario';
import { FakeGitHub, startFakeGitHub } from '../../src/sources/github/testing/server';
import { shopWorld as gitlabWorld } from '../../src/sources/gitlab/testing/scenario';
import { FakeGitLab, startFakeGitLab } from '../../src/sources/gitlab/testing/server';
import { incidentWorld as jiraWorld } from '../../src/sources/jira/testing/scenario';
import { FakeJira, startFakeJira } from '../../src/sources/jira/testing/server';
import { shopWorld as pagerdutyWorld } from '../../src/sources/pagerduty/testing/scenario';
import { FakePagerDuty, startFakePagerDuty } from '../../src/sources/pagerduty/testing/server';
import { WEEK as INCIDENT_WEEK } from '../../src/sources/testing/incidentWeek';
import { Loopback, LoopbackAnswer } from '../../src/sources/testing/loopback';

/** Longer than any query timeout: a limit that cannot be waited out. */
const RETRY_AFTER_S = '600';
const GITHUB_DOCS = 'https://docs.github.com/rest';

interface Fake {
  url: string;
  close(): Promise<void>;
}

/** A way of failing: how it sets up a fresh fake. */
type Fault<F> = (fake: F) => void;

/** Answers every request with this. */
function always<F extends { knobs: { scripted: Array<{ times?: number }> } }>(
  answer: F['knobs']['scripted'][number]
): Fault<F> {
  return (fake) => fake.knobs.scripted.push({ ...answer, times: Infinity });
}

/** Answers every request of a loopback fake with this. */
function alwaysLoopback(answer: LoopbackAnswer): Fault<Loopback> {
  return (fake) => fake.scripted.push({ ...answer, times: Infinity });
}

const ok = (): void => undefined;

/** resetS: when rate limits reset (epoch seconds). */
function githubFaults(resetS: number): Record<string, Fault<FakeGitHub>> {
  return {
    ok,
    '401': always({ status: 401, body: { message: 'Bad credentials', documentation_url: GITHUB_DOCS } }),
    '403': always({
      status: 403,
      body: { message: 'Resource not accessible by personal access token', documentation_url: GITHUB_DOCS },
    }),
    '404': always({ status: 404, body: { message: 'Not Found', documentation_url: GITHUB_DOCS } }),
    '429': always({
      status: 429,
      headers: { 'retry-after': RETRY_AFTER_S },
      body: { message: 'You have exceeded a secondary rate limit.', documentation_url: GITHUB_DOCS },
    }),
    // The primary limit spent: 403 with x-ratelimit-remaining 0 and x-ratelimit-reset.
    'primary-limit': (fake) => {
      fake.knobs.rateLimitRemaining = 0;
      fake.knobs.rateLimitReset = resetS;
    },
    '500': always({ status: 500, body: { message: 'Server Error' } }),
    '503': always({ status: 503, body: { message: 'Service Unavailable' } }),
  };
}

function gitlabFaults(resetS: number): Record<string, Fault<FakeGitLab>> {
  return {
    ok,
    '401': always({ status: 401, body: { message: '401 Unauthorized' } }),
    '403': always({ status: 403, body: { message: '403 Forbidden' } }),
    '404': always({ status: 404, body: { message: '404 Project Not Found' } }),
    '429': always({ status: 429, headers: { 'retry-after': RETRY_AFTER_S }, body: { message: 'Retry later' } }),
    // Only RateLimit-Reset says when to come back.
    '429-reset': always({
      status: 429,
      bare: true,
      headers: { 'ratelimit-reset': String(resetS) },
      body: { message: 'Retry later' },
    }),
    '500': always({ status: 500, body: { message: '500 Internal Server Error' } }),
    '503': always({ status: 503, body: { message: '503 Service Unavailable' } }),
  };
}

function pagerdutyFaults(): Record<string, Fault<FakePagerDuty>> {
  return {
    ok,
    '401': always({ status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } }),
    '403': always({
      status: 403,
      body: { error: { message: 'Access Denied', code: 2010, errors: ['Not authorised for this service'] } },
    }),
    '429': always({
      status: 429,
      headers: { 'retry-after': RETRY_AFTER_S },
      body: { error: { message: 'Rate Limit Exceeded', code: 2020 } },
    }),
    '503': always({ status: 503, body: { error: { message: 'Service Unavailable', code: 2000 } } }),
  };
}

function jiraFaults(): Record<string, Fault<FakeJira>> {
  return {
    ok,
    '401': always({ status: 401, body: { errorMessages: ['Unauthorized'] } }),
    '403': always({ status: 403, body: { errorMessages: ['You do not have permission to view these issues.'] } }),
    '429': always({
      status: 429,
      headers: { 'retry-after': RETRY_AFTER_S },
      body: { errorMessages: ['Rate limited'] },
    }),
    '503': always({ status: 503, body: { errorMessages: ['Service Unavailable'] } }),
  };
}

function argocdFaults(): Record<string, Fault<Loopback>> {
  return {
    ok,
    '401': alwaysLoopback({ status: 401, body: runtimeError(16, 'invalid session: token has invalid claims') }),
    '403': alwaysLoopback({ status: 403, body: runtimeError(7, 'permission denied') }),
    '503': alwaysLoopback({ status: 503, body: runtimeError(14, 'service unavailable') }),
  };
}

/** Grafana's HTTP API (annotations, /api/ds/query): a service account token refused, lacking rights, failing. */
function grafanaFaults(): Record<string, Fault<Loopback>> {
  return {
    ok,
    '401': alwaysLoopback({ status: 401, body: { message: 'Invalid API key' } }),
    '403': alwaysLoopback({ status: 403, body: { message: 'You do not have permission', accessErrorId: 'ACE1' } }),
    '500': alwaysLoopback({ status: 500, body: { message: 'Internal Server Error' } }),
  };
}

async function startEach<F extends Fake>(
  faults: Record<string, Fault<F>>,
  start: () => Promise<F>,
  started: Fake[]
): Promise<Record<string, string>> {
  const urls: Record<string, string> = {};
  for (const [name, fault] of Object.entries(faults)) {
    const fake = await start();
    started.push(fake);
    fault(fake);
    urls[name] = fake.url;
  }
  return urls;
}

async function main(): Promise<void> {
  const resetS = Math.floor(Date.now() / 1000) + 3600;
  const started: Fake[] = [];
  const fakes = {
    github: await startEach(githubFaults(resetS), () => startFakeGitHub(githubWorld()), started),
    gitlab: await startEach(gitlabFaults(resetS), () => startFakeGitLab(gitlabWorld()), started),
    pagerduty: await startEach(pagerdutyFaults(), () => startFakePagerDuty(pagerdutyWorld()), started),
    jira: await startEach(jiraFaults(), () => startFakeJira(jiraWorld()), started),
    argocd: await startEach(argocdFaults(), () => startFakeArgoCd(shopApps()), started),
    annotations: await startEach(grafanaFaults(), () => startFakeGrafanaAnnotations(shopAnnotations()), started),
    datasource: await startEach(
      grafanaFaults(),
      () => startFakeQueryApi([{ contains: 'FROM deployments', frames: [deploymentsFrame('M0')] }]),
      started
    ),
  };
  const weeks = {
    forges: { from: FORGE_T0, to: FORGE_T0 + WEEK_MS },
    incidents: INCIDENT_WEEK,
    grafana: { from: GRAFANA_T0, to: GRAFANA_T0 + WEEK_MS },
  };
  // The data source bridge's settings: the mapping of the warehouse's deployments table the query API answers.
  const settings = { datasourceBridge: { enabled: true, mappings: [MAPPINGS[0]] } };
  process.stdout.write(JSON.stringify({ fakes, weeks, settings }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void Promise.all(started.map((f) => f.close())).then(() => process.exit(0));
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`providerFakes: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
