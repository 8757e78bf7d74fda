/**
 * `npx tsx bench/backend/forgeFakes.ts`: the fake GitHub and GitLab of the source tests (src/sources/github/testing,
 * src/sources/gitlab/testing, their hand-checked shop week) on loopback, for the harness test that reaches them
 * through the built executable (pkg/harness/forges_test.go). One fake per way of failing (below), each answering
 * every request that way, plus one that answers normally; the answers' shapes are the fakes' own (GitHub's
 * message/documentation_url bodies and x-ratelimit-* headers, GitLab's message bodies and RateLimit-* headers).
 * Prints one JSON line: the fakes' URLs by provider and fault, and the scenario's week; runs until stdin closes.
 */
import { WEEK_MS } from '../../src/engine';
import { shopWorld as githubWorld, T0 } from '../../src/sources/github/testing/scenario';
import { FakeGitHub, ScriptedAnswer as GitHubAnswer, startFakeGitHub } from '../../src/sources/github/testing/server';
import { shopWorld as gitlabWorld } from '../../src/sources/gitlab/testing/scenario';
import { FakeGitLab, ScriptedAnswer as GitLabAnswer, startFakeGitLab } from '../../src/sources/gitlab/testing/server';

const HOUR_S = 3600;
/** Longer than any query timeout: a limit that cannot be waited out. */
const RETRY_AFTER_S = '600';
const GITHUB_DOCS = 'https://docs.github.com/rest';

/** A fault: how the fake answers every request (scripted), or a knob it turns. */
interface Fault<A> {
  answer?: Omit<A, 'times' | 'match'>;
  /** GitHub: the primary limit spent (403, x-ratelimit-remaining 0, x-ratelimit-reset in an hour). */
  primaryLimitSpent?: boolean;
}

const GITHUB_FAULTS: Record<string, Fault<GitHubAnswer>> = {
  ok: {},
  '401': { answer: { status: 401, body: { message: 'Bad credentials', documentation_url: GITHUB_DOCS } } },
  '403': {
    answer: {
      status: 403,
      body: { message: 'Resource not accessible by personal access token', documentation_url: GITHUB_DOCS },
    },
  },
  '404': { answer: { status: 404, body: { message: 'Not Found', documentation_url: GITHUB_DOCS } } },
  '429': {
    answer: {
      status: 429,
      headers: { 'retry-after': RETRY_AFTER_S },
      body: { message: 'You have exceeded a secondary rate limit.', documentation_url: GITHUB_DOCS },
    },
  },
  'primary-limit': { primaryLimitSpent: true },
  '500': { answer: { status: 500, body: { message: 'Server Error' } } },
  '503': { answer: { status: 503, body: { message: 'Service Unavailable' } } },
};

/** resetS: when the limits reset (epoch seconds). */
const gitlabFaults = (resetS: number): Record<string, Fault<GitLabAnswer>> => ({
  ok: {},
  '401': { answer: { status: 401, body: { message: '401 Unauthorized' } } },
  '403': { answer: { status: 403, body: { message: '403 Forbidden' } } },
  '404': { answer: { status: 404, body: { message: '404 Project Not Found' } } },
  '429': { answer: { status: 429, headers: { 'retry-after': RETRY_AFTER_S }, body: { message: 'Retry later' } } },
  // Only RateLimit-Reset says when to come back.
  '429-reset': {
    answer: {
      status: 429,
      bare: true,
      headers: { 'ratelimit-reset': String(resetS) },
      body: { message: 'Retry later' },
    },
  },
  '500': { answer: { status: 500, body: { message: '500 Internal Server Error' } } },
  '503': { answer: { status: 503, body: { message: '503 Service Unavailable' } } },
});

async function main(): Promise<void> {
  const resetS = Math.floor(Date.now() / 1000) + HOUR_S;
  const github: Record<string, FakeGitHub> = {};
  for (const [name, fault] of Object.entries(GITHUB_FAULTS)) {
    const fake = await startFakeGitHub(githubWorld());
    fake.knobs.rateLimitReset = resetS;
    if (fault.answer) {
      fake.knobs.scripted.push({ ...fault.answer, times: Infinity });
    }
    if (fault.primaryLimitSpent) {
      fake.knobs.rateLimitRemaining = 0;
    }
    github[name] = fake;
  }
  const gitlab: Record<string, FakeGitLab> = {};
  for (const [name, fault] of Object.entries(gitlabFaults(resetS))) {
    const fake = await startFakeGitLab(gitlabWorld());
    fake.knobs.rateLimitReset = resetS;
    if (fault.answer) {
      fake.knobs.scripted.push({ ...fault.answer, times: Infinity });
    }
    gitlab[name] = fake;
  }
  const urls = (fakes: Record<string, { url: string }>) =>
    Object.fromEntries(Object.entries(fakes).map(([name, f]) => [name, f.url]));
  process.stdout.write(
    JSON.stringify({ github: urls(github), gitlab: urls(gitlab), from: T0, to: T0 + WEEK_MS, resetMs: resetS * 1000 }) +
      '\n'
  );
  const all: Array<{ close(): Promise<void> }> = [...Object.values(github), ...Object.values(gitlab)];
  process.stdin.resume();
  process.stdin.on('end', () => {
    void Promise.all(all.map((f) => f.close())).then(() => process.exit(0));
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`forgeFakes: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
