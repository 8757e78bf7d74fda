import { parseIncidentCause } from './incidents';

const project = 'acme/shop';
const full = 'abcdef0123456789abcdef0123456789abcdef01';

describe('parseIncidentCause (GitLab references)', () => {
  it.each([
    ['Caused by !123', { repo: project, pullRequest: 123 }],
    ['Root cause: MR !45', { repo: project, pullRequest: 45 }],
    ['root-cause = merge request 46', { repo: project, pullRequest: 46 }],
    [`Introduced in ${full}`, { repo: project, sha: full }],
    ['Cause: commit ABCDEF1', { repo: project, sha: 'abcdef1' }],
    ['Regression from deployment #7', { repo: project, deploymentId: 'gitlab:acme/shop:deployment:7' }],
    ['caused by pipeline #5555', { repo: project, deploymentId: 'gitlab:acme/shop:pipeline:5555' }],
    ['Cause: release v2.3.1', { repo: project, deploymentId: 'gitlab:acme/shop:release:v2.3.1' }],
    ['Caused by acme/platform/payments!77', { repo: 'acme/platform/payments', pullRequest: 77 }],
    [`Caused by acme/payments@${full}`, { repo: 'acme/payments', sha: full }],
    ['Root cause: https://gitlab.com/acme/api/-/merge_requests/9', { repo: 'acme/api', pullRequest: 9 }],
    [`Cause: https://gitlab.example.com/acme/sub/api/-/commit/${full}`, { repo: 'acme/sub/api', sha: full }],
    [
      'Caused by https://gitlab.com/acme/shop/-/environments/3/deployments/12',
      { repo: 'acme/shop', deploymentId: 'gitlab:acme/shop:deployment:12' },
    ],
    [
      'Caused by https://gitlab.com/acme/shop/-/pipelines/900',
      { repo: 'acme/shop', deploymentId: 'gitlab:acme/shop:pipeline:900' },
    ],
    [
      'Caused by https://gitlab.com/acme/shop/-/releases/v1.2.0',
      { repo: 'acme/shop', deploymentId: 'gitlab:acme/shop:release:v1.2.0' },
    ],
  ])('%s', (text, cause) => {
    expect(parseIncidentCause(text, [], project)).toEqual(cause);
  });

  it('labels win over the text; a SHA in a log excerpt without a lead is no cause', () => {
    expect(parseIncidentCause('Caused by !1', ['cause::!2'], project)).toEqual({ repo: project, pullRequest: 2 });
    expect(parseIncidentCause(`Log: ${full} failed\nsee #12`, [], project)).toBeUndefined();
  });
});
