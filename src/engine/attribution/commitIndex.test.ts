import { CommitIndex, tableSize, TitleIndex } from './commitIndex';
import { firstLine } from './graph';
import { commit } from './testBuilders';

describe('CommitIndex', () => {
  it('finds commits by repository and SHA, and reports the first of two with the same key', () => {
    const commits = [
      commit('abc1234def', [], 1),
      commit('abc1234def', [], 2, { repo: 'acme/fork' }),
      commit('0123456789abcdef0123456789abcdef01234567', [], 3),
      commit('abc1234def', [], 4),
    ];
    const index = new CommitIndex(commits, commits.length);
    expect([0, 1, 2, 3].map((i) => index.insert(i))).toEqual([-1, -1, -1, 0]);
    expect(index.find('acme/app', 'abc1234def')).toBe(0);
    expect(index.find('acme/fork', 'abc1234def')).toBe(1);
    expect(index.find('acme/app', '0123456789abcdef0123456789abcdef01234567')).toBe(2);
    expect(index.find('acme/other', 'abc1234def')).toBe(-1);
    expect(index.find('acme/app', 'abc1234')).toBe(-1);
  });

  it('tells apart ids that share a long prefix or a long suffix', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `generated-commit-id-${i}-of-the-nightly-export`);
    const commits = ids.map((id, i) => commit(id, [], i));
    const index = new CommitIndex(commits, commits.length);
    commits.forEach((_c, i) => expect(index.insert(i)).toBe(-1));
    ids.forEach((id, i) => expect(index.find('acme/app', id)).toBe(i));
  });

  it('sizes its table to a power of two at least twice the entries', () => {
    expect(tableSize(0)).toBe(16);
    expect(tableSize(9)).toBe(32);
    expect(tableSize(1000000)).toBe(2097152);
  });
});

describe('TitleIndex', () => {
  it('finds commits by trimmed first message line within a repository, in position order', () => {
    const commits = [
      commit('a', [], 1, { message: '  Add login \r\n\nbody' }),
      commit('b', [], 2, { message: 'Add login' }),
      commit('c', [], 3, { message: 'Add login', repo: 'acme/fork' }),
      commit('d', [], 4),
      commit('e', [], 5, { message: '\u00a0Add login\u3000' }),
      commit('f', [], 6, { message: 'Add logout' }),
    ];
    const titles = new TitleIndex(commits, firstLine);
    expect(titles.find('acme/app', 'Add login')).toEqual([0, 1, 4]);
    expect(titles.find('acme/fork', 'Add login')).toEqual([2]);
    expect(titles.find('acme/app', 'Add login ')).toEqual([]);
    expect(titles.find('acme/app', 'Remove login')).toEqual([]);
    // The same answers as comparing firstLine() of every message.
    const naive = (repo: string, title: string) =>
      commits
        .map((c, i) => (c.repo === repo && c.message !== undefined && firstLine(c.message) === title ? i : -1))
        .filter((i) => i >= 0);
    for (const title of ['Add login', 'Add logout', '']) {
      expect(titles.find('acme/app', title)).toEqual(naive('acme/app', title));
    }
  });
});
