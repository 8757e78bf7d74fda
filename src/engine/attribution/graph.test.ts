import { CommitIndex } from './commitIndex';
import { CommitGraph, NO_COMMIT } from './graph';
import { chain, commit } from './testBuilders';

//   a1 - a2 - a3 ----- m5 - a6
//          \         /
//           b3 - b4 -
const history = [
  ...chain('a', 3),
  commit('b3', ['a2'], 3),
  commit('b4', ['b3'], 4),
  commit('m5', ['a3', 'b4'], 5, { message: 'Merge branch b' }),
  commit('a6', ['m5', 'outside'], 6, { message: 'Add login\n\nbody', pullRequest: { number: 7 } }),
  commit('a6', [], 6, { repo: 'acme/fork', pullRequest: { number: 7 } }),
];

/** Ancestry by an unpruned walk over the parents: the oracle for isAncestor. */
function reaches(graph: CommitGraph, ancestor: number, descendant: number): boolean {
  const seen = new Set([descendant]);
  const stack = [descendant];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c === ancestor) {
      return true;
    }
    for (let k = graph.parentStart[c]; k < graph.parentStart[c + 1]; k++) {
      if (!seen.has(graph.parentIndex[k])) {
        seen.add(graph.parentIndex[k]);
        stack.push(graph.parentIndex[k]);
      }
    }
  }
  return false;
}

/** Parents listed first, so a commit's position is a rank. */
const byPosition = (c: number) => c;

describe('CommitGraph', () => {
  const graph = new CommitGraph(history);
  const ix = (sha: string) => graph.indexOf('acme/app', sha);

  it('indexes commits per repository and keeps only fetched parents', () => {
    expect(graph.size).toBe(8);
    expect(ix('m5')).toBe(5);
    expect(graph.indexOf('acme/fork', 'a6')).toBe(7);
    expect(graph.indexOf('acme/other', 'a6')).toBe(NO_COMMIT);
    const parents = (c: number) => Array.from(graph.parentIndex.slice(graph.parentStart[c], graph.parentStart[c + 1]));
    expect(parents(ix('m5'))).toEqual([ix('a3'), ix('b4')]);
    expect(parents(ix('a6'))).toEqual([ix('m5')]);
    expect(parents(ix('a1'))).toEqual([]);
  });

  it('answers ancestry through merges, and not across branches', () => {
    expect(graph.isAncestor(ix('a1'), ix('a6'), byPosition)).toBe(true);
    expect(graph.isAncestor(ix('b3'), ix('m5'), byPosition)).toBe(true);
    expect(graph.isAncestor(ix('b4'), ix('a6'), byPosition)).toBe(true);
    expect(graph.isAncestor(ix('a3'), ix('b4'), byPosition)).toBe(false);
    expect(graph.isAncestor(ix('b4'), ix('a3'), byPosition)).toBe(false);
    expect(graph.isAncestor(ix('a6'), ix('a1'), byPosition)).toBe(false);
    expect(graph.isAncestor(ix('m5'), ix('m5'), byPosition)).toBe(true);
  });

  it('answers as an unpruned walk does for any rank, ties between a commit and its parent included', () => {
    const tied = (c: number) => (c === ix('b4') ? ix('b3') : c);
    for (const rank of [byPosition, tied]) {
      for (let a = 0; a < graph.size; a++) {
        for (let d = 0; d < graph.size; d++) {
          expect([a, d, graph.isAncestor(a, d, rank)]).toEqual([a, d, reaches(graph, a, d)]);
        }
      }
    }
    // A rank that rules a commit out is believed: the walk never enters commits ranked below the ancestor.
    expect(graph.isAncestor(ix('a1'), ix('a6'), (c) => (c === ix('a1') ? 9 : c))).toBe(false);
  });

  it('finds commits by SHA prefix of 7+ hex characters, case-insensitively', () => {
    const hex = new CommitGraph([
      commit('3f2a9c1aa', [], 0),
      commit('3f2a9c1bb', [], 0),
      commit('3f2a9c1cc', [], 0, { repo: 'acme/other' }),
    ]);
    expect(hex.findByReference('3F2A9C1AA')).toEqual([0]);
    expect(hex.findByReference('3f2a9c1')).toEqual([0, 1, 2]);
    expect(hex.findByReference('3f2a9c1', 'acme/other')).toEqual([2]);
    expect(hex.findByReference('3f2a9c')).toEqual([]);
    expect(hex.findByReference('not-a-sha')).toEqual([]);
  });

  it('finds SHA prefixes among many commits sharing the indexed digits, ignoring SHAs that are not hex', () => {
    // 3000 commits whose SHAs share their first six digits, plus names that are not SHAs at all.
    const many = [commit('feature-x', [], 0), commit('ABCDEF0', [], 0)];
    for (let i = 0; i < 3000; i++) {
      many.push(commit(`abcdef${(1000000 + i).toString(16)}`, [], i, { repo: i % 2 === 0 ? 'acme/app' : 'acme/lib' }));
    }
    const graph = new CommitGraph(many);
    expect(graph.findByReference('abcdef0')).toEqual([1]);
    expect(graph.findByReference(`abcdef${(1000000 + 42).toString(16)}`)).toEqual([44]);
    expect(graph.findByReference('ABCDEF' + (1000000 + 43).toString(16).toUpperCase(), 'acme/app')).toEqual([]);
    expect(graph.findByReference('ABCDEF' + (1000000 + 43).toString(16).toUpperCase(), 'acme/lib')).toEqual([45]);
    expect(graph.findByReference('abcdef' + (1000000).toString(16).slice(0, 2))).toHaveLength(3000);
    expect(graph.findByReference('feature')).toEqual([]);
  });

  it('returns every commit that shares a title, in graph order', () => {
    const same = new CommitGraph([
      commit('s1', [], 0, { message: 'Bump deps' }),
      commit('s2', ['s1'], 1, { message: '  Bump deps  \nmore' }),
      commit('s3', ['s2'], 2, { message: 'Bump deps', repo: 'acme/lib' }),
    ]);
    expect(same.commitsWithMessage('acme/app', 'Bump deps')).toEqual([0, 1]);
    expect(same.commitsWithMessage('acme/lib', 'Bump deps')).toEqual([2]);
    expect(same.commitsWithMessage('acme/none', 'Bump deps')).toEqual([]);
  });

  it('finds commits of a pull request and by message title', () => {
    expect(graph.commitsOfPullRequest(7)).toEqual([6, 7]);
    expect(graph.commitsOfPullRequest(7, 'acme/fork')).toEqual([7]);
    expect(graph.commitsOfPullRequest(8)).toEqual([]);
    expect(graph.commitsWithMessage('acme/app', 'Add login')).toEqual([ix('a6')]);
    expect(graph.commitsWithMessage('acme/fork', 'Add login')).toEqual([]);
  });

  it('terminates on a cycle (broken data) instead of hanging', () => {
    const cyclic = new CommitGraph([
      commit('x', ['z'], 0),
      commit('y', ['x'], 1),
      commit('z', ['y'], 2),
      commit('w', ['z'], 3),
    ]);
    expect(typeof cyclic.isAncestor(0, 3, byPosition)).toBe('boolean');
    expect(typeof cyclic.isAncestor(3, 0, byPosition)).toBe('boolean');
  });

  it('handles a long linear history without recursion', () => {
    const long = new CommitGraph(chain('c', 200000));
    expect(long.isAncestor(0, 199999, byPosition)).toBe(true);
    expect(long.isAncestor(199999, 0, byPosition)).toBe(false);
  });
});

describe('CommitGraph parents near their child', () => {
  it('finds parents at any distance, before or after, and not a same-SHA commit of another repository', () => {
    // Children at even positions name a parent `d` positions away (d = 1..12, before and after); odd positions hold
    // the parents, each with a decoy of the same SHA in another repository right next to the child.
    const commits = [];
    for (let d = 1; d <= 12; d++) {
      for (const dir of [-1, 1]) {
        const block = Array.from({ length: 30 }, (_, k) => commit(`f${d}${dir}x${k}`, [], k));
        const child = 15;
        block[child + dir * d] = commit(`p${d}${dir}`, [], 0);
        block[child] = commit(`c${d}${dir}`, [`p${d}${dir}`], 1);
        block[child - dir] = commit(`p${d}${dir}`, [], 0, { repo: 'acme/other' });
        if (d === 1) {
          block[child + dir] = commit(`p${d}${dir}`, [], 0);
        }
        commits.push(...block);
      }
    }
    const graph = new CommitGraph(commits);
    for (let d = 1; d <= 12; d++) {
      for (const dir of [-1, 1]) {
        const child = graph.indexOf('acme/app', `c${d}${dir}`);
        const parents = Array.from(graph.parentIndex.subarray(graph.parentStart[child], graph.parentStart[child + 1]));
        expect(parents).toEqual([graph.indexOf('acme/app', `p${d}${dir}`)]);
        expect(graph.commits[parents[0]].repo).toBe('acme/app');
      }
    }
  });
});

describe('CommitGraph over a history large enough to be indexed part by part', () => {
  it("walks with the index's work list, once, its marks cleared", () => {
    const n = 140000;
    const sha = (k: number) => ((k * 2654435761) % 4294967296).toString(16).padStart(40, '0');
    // A line of commits, and every 1000th one also merging a side commit listed at the end.
    const commits = Array.from({ length: n }, (_, k) =>
      commit(sha(k), k === 0 ? [] : k % 1000 === 0 ? [sha(k - 1), sha(n + k)] : [sha(k - 1)], k)
    );
    for (let k = 1000; k < n; k += 1000) {
      commits.push(commit(sha(n + k), [], k));
    }
    const index = new CommitIndex(commits);
    expect(index.insertAll()).toEqual([]);
    const graph = new CommitGraph(commits, index);
    const scratch = graph.scratchSpace();
    expect(scratch.seen.length).toBeGreaterThanOrEqual(commits.length);
    expect(scratch.seen.every((v) => v === 0)).toBe(true);
    expect(graph.scratchSpace()).toBe(scratch);
    expect(index.lendWorkList(0)).toBeUndefined();
    const side = graph.indexOf('acme/app', sha(n + 5000));
    const rank = (c: number) => (c < n ? c : c - n);
    expect(graph.isAncestor(0, n - 1, rank)).toBe(true);
    expect(graph.isAncestor(n - 1, 0, rank)).toBe(false);
    expect(graph.isAncestor(side, 5000, rank)).toBe(true);
    expect(graph.isAncestor(side, 4999, rank)).toBe(false);
    expect(graph.isAncestor(side, n - 1, rank)).toBe(reaches(graph, side, n - 1));
  });
  it('grows its walk stack for an octopus merge of thousands of branches', () => {
    // 3000 two-commit branches off one root, merged by one commit: a walk has them all pending at once.
    const branches = Array.from({ length: 3000 }, (_, k) => [
      commit(`b${k}a`, ['root'], 1),
      commit(`b${k}b`, [`b${k}a`], 2),
    ]).flat();
    const merge = commit('merge', ['b0b'], 3, {
      mergedParents: branches.filter((_, i) => i % 2 === 1 && i > 1).map((c) => c.sha),
    });
    const graph = new CommitGraph([commit('root', [], 0), ...branches, merge]);
    const at = (sha: string) => graph.indexOf('acme/app', sha);
    const rank = (c: number) => graph.commits[c].committedAt;
    expect(graph.scratchSpace().stack.length).toBeLessThan(3000);
    expect(graph.isAncestor(at('root'), at('merge'), rank)).toBe(true);
    expect(graph.isAncestor(at('b2999a'), at('merge'), rank)).toBe(true);
    expect(graph.isAncestor(at('b5a'), at('b6b'), rank)).toBe(false);
    expect(graph.scratchSpace().stack.length).toBeGreaterThanOrEqual(2999);
  });
});
