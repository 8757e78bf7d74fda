import { parseImpactStart, parseSeverity } from '../incidentText';
import { parseIncidentCause } from './incidents';

const repo = 'acme/shop';
const full = 'abcdef0123456789abcdef0123456789abcdef01';

describe('parseIncidentCause', () => {
  it.each([
    ['Caused by #123', { repo, pullRequest: 123 }],
    ['Root cause: PR 45', { repo, pullRequest: 45 }],
    ['root-cause = pull request #46', { repo, pullRequest: 46 }],
    [`Introduced in ${full}`, { repo, sha: full }],
    ['Cause: commit ABCDEF1', { repo, sha: 'abcdef1' }],
    ['Regression from deployment 987654', { repo, deploymentId: 'github:acme/shop:deployment:987654' }],
    ['caused by run 5555', { repo, deploymentId: 'github:acme/shop:run:5555' }],
    ['Cause: release v2.3.1', { repo, deploymentId: 'github:acme/shop:release:v2.3.1' }],
    ['Caused by acme/payments#77', { repo: 'acme/payments', pullRequest: 77 }],
    [`Caused by acme/payments@${full}`, { repo: 'acme/payments', sha: full }],
    ['Root cause: https://github.com/acme/api/pull/9', { repo: 'acme/api', pullRequest: 9 }],
    [`Cause: https://github.example.com/acme/api/commit/${full}`, { repo: 'acme/api', sha: full }],
    [
      'Cause: https://github.com/acme/api/actions/runs/31',
      { repo: 'acme/api', deploymentId: 'github:acme/api:run:31' },
    ],
    ['**Caused by:** `#12`', { repo, pullRequest: 12 }],
  ])('%s', (body, cause) => {
    expect(parseIncidentCause(body, [], repo)).toEqual(cause);
  });

  it('ignores SHAs and numbers without explicit cause wording', () => {
    expect(parseIncidentCause(`Log excerpt: ${full} failed, see #12`, [], repo)).toBeUndefined();
    expect(parseIncidentCause('The cause is unknown', [], repo)).toBeUndefined();
    expect(parseIncidentCause('', [], repo)).toBeUndefined();
  });

  it('a cause label wins over the body', () => {
    expect(parseIncidentCause('Caused by #1', ['incident', 'cause:#2'], repo)).toEqual({ repo, pullRequest: 2 });
    expect(parseIncidentCause('', ['caused-by: deployment-77'], repo)).toEqual({
      repo,
      deploymentId: 'github:acme/shop:deployment:77',
    });
  });
});

describe('parseImpactStart', () => {
  it.each([
    ['Impact start: 2026-01-06T10:30:00Z', '2026-01-06T10:30:00Z'],
    ['**Impact started at:** 2026-01-06 10:30 UTC', '2026-01-06T10:30:00Z'],
    ['Started at 2026-01-06T12:30:00+02:00', '2026-01-06T10:30:00Z'],
    ['start time: 2026-01-06T10:30', '2026-01-06T10:30:00Z'],
  ])('%s', (body, iso) => {
    expect(parseImpactStart(body)).toBe(Date.parse(iso));
  });

  it('undefined when absent or not a time', () => {
    expect(parseImpactStart('Impact start: yesterday')).toBeUndefined();
    expect(parseImpactStart('nothing here')).toBeUndefined();
  });
});

describe('parseSeverity', () => {
  it.each([
    [['sev1'], '1'],
    [['SEV-2'], '2'],
    [['severity:high'], 'high'],
    [['bug', 'P0'], 'p0'],
    [['incident'], undefined],
  ])('%j', (labels, severity) => {
    expect(parseSeverity(labels)).toBe(severity);
  });
});
