// Which deployment first shipped a commit: every commit, or only those a history's CI runs name.
import { Attributed } from './attribution/types';
import { commitKey, shippedBy } from './shippedBy';

const shipped = (repo: string, sha: string, deploymentId: string) => ({ change: { repo, sha }, deploymentId });
const attributed = {
  changes: [shipped('acme/api', 'a1', 'd1'), shipped('acme/api', 'b2', 'd2'), shipped('acme/web', 'a1', 'd3')],
} as unknown as Attributed;

describe('shippedBy', () => {
  it('maps every shipped commit to its first deployment', () => {
    expect(shippedBy(attributed)).toEqual(
      new Map([
        [commitKey('acme/api', 'a1'), 'd1'],
        [commitKey('acme/api', 'b2'), 'd2'],
        [commitKey('acme/web', 'a1'), 'd3'],
      ])
    );
  });

  it('keeps only the listed commits when asked (a map small enough to keep with the history)', () => {
    const only = shippedBy(attributed, [{ repo: 'acme/api', sha: 'a1' }]);
    expect(only.get(commitKey('acme/api', 'a1'))).toBe('d1');
    expect(only.has(commitKey('acme/api', 'b2'))).toBe(false);
    expect(shippedBy(attributed, []).size).toBe(0);
  });
});
