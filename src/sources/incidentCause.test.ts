/** The cause convention every incident provider reads (fields and "caused by" text). */
import { causeFromFields, causeFromText, changeRequestNumber } from './incidentCause';

describe('causeFromFields', () => {
  it.each([
    [{ deployment_id: 'dep-42' }, { deploymentId: 'dep-42' }],
    [{ 'Deployment ID': 1234 }, { deploymentId: '1234' }],
    [
      { commit_sha: '3F2A9C1', repo: 'acme/shop' },
      { sha: '3f2a9c1', repo: 'acme/shop' },
    ],
    [
      { pull_request: '#128', repository: 'acme/shop' },
      { pullRequest: 128, repo: 'acme/shop' },
    ],
    [{ mr: '!42' }, { pullRequest: 42 }],
    [{ merge_request: 'https://gitlab.com/acme/shop/-/merge_requests/42' }, { pullRequest: 42 }],
    [{ caused_by: 'acme/shop#77' }, { repo: 'acme/shop', pullRequest: 77 }],
    [
      { root_cause: 'commit abcdef1', repo: 'acme/shop' },
      { sha: 'abcdef1', repo: 'acme/shop' },
    ],
  ])('%j -> %j', (fields, cause) => {
    expect(causeFromFields(fields)).toEqual(cause);
  });

  it('ignores fields that name nothing, and values that are not references', () => {
    expect(causeFromFields({ host: 'web-1', sha: 'not-a-sha', pr: 'soon', repo: 'acme/shop' })).toBeUndefined();
    expect(causeFromFields({})).toBeUndefined();
  });
});

describe('causeFromText', () => {
  it.each([
    ['Root cause: deployment dep-2 (connection pool size).', { deploymentId: 'dep-2' }],
    ['Caused by PR #128, reverted', { pullRequest: 128 }],
    ['caused by MR !42', { pullRequest: 42 }],
    ['Introduced by acme/shop@3f2a9c1d', { repo: 'acme/shop', sha: '3f2a9c1d' }],
    ['cause: https://github.com/acme/shop/pull/9', { repo: 'acme/shop', pullRequest: 9 }],
    ['cause = https://gitlab.example.com/grp/sub/shop/-/commit/0123abcd', { repo: 'grp/sub/shop', sha: '0123abcd' }],
    ['Caused by merge request 17', { pullRequest: 17 }],
    ['caused by https://gitlab.com/acme/shop/-/merge_requests/42', { repo: 'acme/shop', pullRequest: 42 }],
  ])('%s', (text, cause) => {
    expect(causeFromText(text)).toEqual(cause);
  });

  it('needs explicit wording: a SHA in a log excerpt is not a cause', () => {
    expect(causeFromText('deploy 3f2a9c1 finished; error rate 5% (PR #12 is unrelated)')).toBeUndefined();
  });
});

describe('changeRequestNumber', () => {
  it('reads numbers, #n, !n and URLs, nothing else', () => {
    expect([12, '12', '#12', '!12', 'https://github.com/a/b/pull/12'].map(changeRequestNumber)).toEqual([
      12, 12, 12, 12, 12,
    ]);
    expect([0, -1, 'x12', null, 1.5].map(changeRequestNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
