/**
 * The GitLab commit mapper on the fixtures (fixtures/rest.ts, validated against GitLab's entity definitions in
 * fixtures.test.ts): who wrote the change, and the merge request that brought it.
 */
import { GlMergeRequest } from './apiTypes';
import * as fx from './fixtures/rest';
import { indexMergeRequests, mapCommit } from './mapper';
import { PROJECT, SHA } from './testing/scenario';

const commit = (sha: string) => fx.commits.find((c) => c.id === sha)!;
const mrs: GlMergeRequest[] = fx.mergeRequests;
const index = indexMergeRequests(mrs, {});

describe('GitLab mapper: commits', () => {
  it("a commit pushed to the branch is its git author's, by name", () => {
    expect(mapCommit(commit(SHA.c2), PROJECT, index)).toEqual({
      sha: SHA.c2,
      repo: PROJECT,
      authoredAt: Date.parse(commit(SHA.c2).authored_date),
      committedAt: Date.parse(commit(SHA.c2).committed_date),
      author: 'Bob',
      parent: SHA.s1,
      message: 'Fix typo',
    });
    expect(mapCommit(commit(SHA.c4), PROJECT, index)?.author).toBe('Carol');
  });

  it("a merge request's squash commit is the merge request author's, though GitLab recorded who merged it", () => {
    expect(commit(SHA.s1).author_name).toBe('Bob');
    expect(mrs[0]).toMatchObject({ squash_commit_sha: SHA.s1, author: { name: 'Alice' } });
    expect(mapCommit(commit(SHA.s1), PROJECT, index)).toMatchObject({ author: 'Alice', pullRequest: { number: 1 } });
  });

  it('a fast-forward merge keeps its commits and their authors (no merge commit stands for the merge request)', () => {
    expect(mrs[1]).toMatchObject({ sha: SHA.f2, merge_commit_sha: null, squash_commit_sha: null });
    const other = { ...commit(SHA.f2), author_name: 'Dana' };
    expect(mapCommit(other, PROJECT, index)).toMatchObject({ author: 'Dana', pullRequest: { number: 2 } });
  });

  it('has no author when GitLab gives no name (never an empty text)', () => {
    for (const author_name of [null, '', '  ', undefined]) {
      expect(mapCommit({ ...commit(SHA.c2), author_name }, PROJECT, index)).not.toHaveProperty('author');
    }
  });
});
