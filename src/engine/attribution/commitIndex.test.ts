import { CommitIndex, firstLine, NamedTitle, TitleLookup } from './commitIndex';
import { Change } from '../model';
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

  it('tells apart zero-padded hex ids and SHAs that differ only before the hashed tail (their last 7 characters and more)', () => {
    const padded = Array.from({ length: 3000 }, (_, i) => i.toString(16).padStart(40, '0'));
    const sameEnd = Array.from({ length: 50 }, (_, i) => `${i.toString(16).padStart(27, 'f')}0123456789abc`);
    const ids = [...padded, ...sameEnd];
    const commits = ids.map((id, i) => commit(id, [], i, { repo: i % 2 ? 'acme/a' : 'acme/b' }));
    const index = new CommitIndex(commits, commits.length);
    commits.forEach((_c, i) => expect(index.insert(i)).toBe(-1));
    ids.forEach((id, i) => expect(index.find(i % 2 ? 'acme/a' : 'acme/b', id)).toBe(i));
    ids.forEach((id, i) => expect(index.find(i % 2 ? 'acme/b' : 'acme/a', id)).toBe(-1));
  });

  it('keeps finding every commit when more are indexed than it was sized for (the list grew)', () => {
    const commits = [commit('deadbeef', [], 0)];
    const index = new CommitIndex(commits, 1);
    expect(index.insert(0)).toBe(-1);
    for (let i = 1; i < 2000; i++) {
      commits.push(commit(i % 3 === 0 ? `rev-${i}` : (i * 2654435761).toString(16), [], i));
      expect(index.insert(i)).toBe(-1);
    }
    commits.forEach((c, i) => expect(index.find(c.repo, c.sha)).toBe(i));
    commits.push(commit('deadbeef', [], 2000), commit('rev-3', [], 2001));
    expect([index.insert(2000), index.insert(2001)]).toEqual([0, 3]);
    expect(index.find('acme/app', 'DEADBEEF')).toBe(-1);
  });

  it.each([1000, 150000])(
    'indexes a whole list of %d commits as inserting them one by one does, repeats by position',
    (count) => {
      // Hex SHAs, some repeated (twice or three times, in two repositories), and ids that are not hex.
      const commits = Array.from({ length: count }, (_, i) => {
        const k = i % 97 === 5 ? i - 3 : i % 89 === 7 ? Math.floor(i / 2) : i;
        const sha = k % 13 === 0 ? `rev-${k}` : ((k * 2654435761) % 4294967296).toString(16).padStart(40, 'a');
        return commit(sha, [], i, { repo: k % 2 ? 'acme/a' : 'acme/b' });
      });
      const one = new CommitIndex(commits);
      const expected: number[] = [];
      commits.forEach((_c, i) => {
        const at = one.insert(i);
        if (at >= 0) {
          expected.push(i, at);
        }
      });
      expect(expected.length).toBeGreaterThan(20);
      const all = new CommitIndex(commits);
      expect(all.insertAll()).toEqual(expected);
      for (let i = 0; i < count; i += 7) {
        expect(all.find(commits[i].repo, commits[i].sha)).toBe(one.find(commits[i].repo, commits[i].sha));
      }
    }
  );

  it('answers for repositories asked in any order, and for one it never saw', () => {
    const commits = [
      commit('s1', [], 1, { repo: 'acme/a' }),
      commit('s1', [], 2, { repo: 'acme/b' }),
      commit('s2', [], 3, { repo: 'acme/a' }),
    ];
    const index = new CommitIndex(commits, commits.length);
    expect([0, 1, 2].map((i) => index.insert(i))).toEqual([-1, -1, -1]);
    expect(index.find('acme/zzz', 's1')).toBe(-1);
    expect(['acme/b', 'acme/a', 'acme/zzz', 'acme/a', 'acme/b'].map((r) => index.find(r, 's1'))).toEqual([
      1, 0, -1, 0, 1,
    ]);
    expect(index.find('acme/b', 's2')).toBe(-1);
  });
});

/** A lookup after the pass over the commits that CommitGraph.announce makes. */
function lookup(commits: readonly Change[], wanted: readonly NamedTitle[]): TitleLookup {
  const titles = new TitleLookup(wanted);
  commits.forEach((c, i) => titles.see(c, i));
  return titles;
}

describe('TitleLookup', () => {
  it('finds commits by trimmed first message line within a repository, in position order', () => {
    const commits = [
      commit('a', [], 1, { message: '  Add login \r\n\nbody' }),
      commit('b', [], 2, { message: 'Add login' }),
      commit('c', [], 3, { message: 'Add login', repo: 'acme/fork' }),
      commit('d', [], 4),
      commit('e', [], 5, { message: '\u00a0Add login\u3000' }),
      commit('f', [], 6, { message: 'Add logout' }),
    ];
    const asked = ['Add login', 'Add login ', 'Remove login', 'Add logout', ''];
    const titles = lookup(commits, [
      ...asked.map((title) => ({ repo: 'acme/app', title })),
      { repo: 'acme/fork', title: 'Add login' },
    ]);
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

  it('chains many commits of one title across repositories in position order', () => {
    const commits = Array.from({ length: 50 }, (_, i) =>
      commit(`c${i}`, [], i, { message: i % 3 === 0 ? 'Release' : `Fix ${i % 2}`, repo: i % 2 ? 'acme/a' : 'acme/b' })
    );
    const repos = ['acme/a', 'acme/b'];
    const names = ['Release', 'Fix 0', 'Fix 1'];
    const titles = lookup(
      commits,
      repos.flatMap((repo) => names.map((title) => ({ repo, title })))
    );
    expect(titles.find('acme/a', 'Unasked')).toBeUndefined();
    for (const repo of ['acme/a', 'acme/b']) {
      for (const title of ['Release', 'Fix 0', 'Fix 1']) {
        const expected = commits.flatMap((c, i) => (c.repo === repo && c.message === title ? [i] : []));
        expect(titles.find(repo, title)).toEqual(expected);
      }
    }
  });
});
