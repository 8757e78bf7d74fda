/** Plausible words for demo pull requests, commits and incidents. */
import { Random } from './random';

const VERBS: Array<{ verb: string; label?: string; prefix: string }> = [
  { verb: 'Add', label: 'feature', prefix: 'feat' },
  { verb: 'Support', label: 'feature', prefix: 'feat' },
  { verb: 'Fix', label: 'bug', prefix: 'fix' },
  { verb: 'Refactor', prefix: 'refactor' },
  { verb: 'Speed up', label: 'performance', prefix: 'perf' },
  { verb: 'Add tests for', label: 'tests', prefix: 'test' },
  { verb: 'Clean up', prefix: 'chore' },
];

/** Topics whose pull requests are security work: labelled "security" too (the security patch cadence panel). */
const SECURITY_TOPIC = /JWT|MFA|password|OIDC|token|session|CORS|login|cookie/i;

const FOLLOW_UPS = ['Address review comments', 'Fix lint', 'Add tests', 'Update snapshots', 'Rename variables', 'WIP'];

const SYMPTOMS = ['elevated 5xx rate', 'p99 latency above SLO', 'error spike', 'requests timing out', 'degraded'];

export interface PullRequestWording {
  title: string;
  branchPrefix: string;
  slug: string;
  labels: string[];
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function pullRequestWording(rng: Random, topics: string[]): PullRequestWording {
  const verb = rng.pick(VERBS);
  const topic = rng.pick(topics);
  return {
    title: `${verb.verb} ${topic}`,
    branchPrefix: verb.prefix,
    slug: slugify(topic),
    labels: [...(verb.label ? [verb.label] : []), ...(SECURITY_TOPIC.test(topic) ? ['security'] : [])],
  };
}

export function followUpMessage(rng: Random): string {
  return rng.pick(FOLLOW_UPS);
}

export function incidentTitle(rng: Random, service: string, topics: string[]): string {
  return `${service}: ${rng.pick(SYMPTOMS)} (${rng.pick(topics)})`;
}
