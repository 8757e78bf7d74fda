import { causeOf } from './incidentCause';
import { incident } from './testBuilders';

describe('causeOf', () => {
  it('prefers the cause field', () => {
    expect(causeOf(incident('i', 0, { cause: { sha: 'abc1234' }, labels: ['pr:1'] }))).toEqual({ sha: 'abc1234' });
  });

  it('reads deployment, sha/commit, pr/pull-request and repo labels', () => {
    expect(
      causeOf(
        incident('i', 0, {
          labels: ['sev:1', 'Deployment: d-42', 'commit=ABCDEF1', 'pull_request:#12', 'repo: acme/app'],
        })
      )
    ).toEqual({ deploymentId: 'd-42', sha: 'ABCDEF1', pullRequest: 12, repo: 'acme/app' });
  });

  it('ignores labels that are not references, and empty causes', () => {
    expect(causeOf(incident('i', 0, { labels: ['sha:xyz', 'pr:abc', 'team:core', 'deploy'] }))).toBeUndefined();
    expect(causeOf(incident('i', 0, { cause: {} }))).toBeUndefined();
    expect(causeOf(incident('i', 0, { cause: { repo: 'acme/app' }, labels: ['pr:3'] }))).toEqual({ pullRequest: 3 });
  });
});
