import fc from 'fast-check';
import { Change } from '../model';
import { shaPrefix } from './announced';
import { CommitGraph } from './graph';
import { commit } from './testBuilders';

// SHAs that share their first six digits, differ in case or length, or are no hex at all.
const shaArb = fc.oneof(
  fc.constantFrom('3f2a9c1aa', '3F2A9C1AB', '3f2a9c1', '3f2a9c2aa', 'abcdef01234', 'feature-x', '3f2a9c1aa00'),
  fc.stringMatching(/^[0-9a-fA-F]{7,12}$/)
);
const historyArb = fc.array(fc.record({ sha: shaArb, repo: fc.constantFrom('acme/app', 'acme/lib') }), {
  maxLength: 40,
});
const referenceArb = fc.oneof(shaArb, fc.constantFrom(' 3f2a9c1 ', '3F2A9C', 'not-a-sha'));

function graphOf(specs: Array<{ sha: string; repo: string }>): CommitGraph {
  const seen = new Set<string>();
  const commits: Change[] = [];
  for (const s of specs) {
    if (!seen.has(`${s.repo}@${s.sha}`)) {
      seen.add(`${s.repo}@${s.sha}`);
      commits.push(commit(s.sha, [], commits.length, { repo: s.repo }));
    }
  }
  return new CommitGraph(commits);
}

/** The commits whose SHA starts with the reference (trimmed, any case, 7+ hex characters), by reading each. */
function naive(commits: readonly Change[], reference: string, repo: string | undefined): number[] {
  const prefix = shaPrefix(reference);
  return commits.flatMap((c, i) =>
    prefix !== undefined && c.sha.toLowerCase().startsWith(prefix) && (repo === undefined || c.repo === repo) ? [i] : []
  );
}

describe('announced SHA references', () => {
  it('are answered, announced or not, as reading every commit answers them', () => {
    fc.assert(
      fc.property(historyArb, fc.array(referenceArb, { maxLength: 6 }), (specs, references) => {
        const unannounced = graphOf(specs);
        const announced = graphOf(specs);
        announced.announce(references.slice(1), []);
        for (const repo of [undefined, 'acme/app', 'acme/lib']) {
          for (const reference of references) {
            const expected = naive(announced.commits, reference, repo);
            expect(announced.findByReference(reference, repo)).toEqual(expected);
            expect(unannounced.findByReference(reference, repo)).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 }
    );
  });

  it('leave references that were not announced to a pass of their own', () => {
    const graph = graphOf([
      { sha: '3f2a9c1aa', repo: 'acme/app' },
      { sha: '3f2a9c1bb', repo: 'acme/lib' },
    ]);
    graph.announce(['3f2a9c1aa'], []);
    expect(graph.findByReference('3f2a9c1aa')).toEqual([0]);
    expect(graph.findByReference('3f2a9c1')).toEqual([0, 1]);
    expect(graph.findByReference('3F2A9C1BB', 'acme/lib')).toEqual([1]);
  });
});
