import fc from 'fast-check';
import { Containment } from './containment';
import { Deployment } from '../model';

const deployment = (service: string): Deployment =>
  ({
    id: service,
    service,
    environment: 'production',
    repo: 'acme/app',
    sha: 'a',
    status: 'success',
    finishedAt: 0,
  }) as Deployment;

describe('Containment', () => {
  it('answers like the list of every (commit, position) recorded, with several services per commit', () => {
    // Each service records a commit at most once (ancestry marks it shipped); services record one after another.
    const recordings = fc.array(
      fc.record({ service: fc.integer({ min: 0, max: 4 }), commits: fc.array(fc.nat({ max: 30 }), { maxLength: 40 }) }),
      { maxLength: 12 }
    );
    fc.assert(
      fc.property(recordings, (runs) => {
        const deployments: Deployment[] = [];
        const pairs: Array<[number, number]> = [];
        const containment = new Containment(31);
        const doneBy = new Map<number, Set<number>>();
        for (const run of runs) {
          const position = deployments.length;
          deployments.push(deployment(`s${run.service}`));
          const done = doneBy.get(run.service) ?? new Set<number>();
          doneBy.set(run.service, done);
          for (const c of run.commits) {
            if (!done.has(c)) {
              done.add(c);
              containment.record(c, position);
              pairs.push([c, position]);
            }
          }
        }
        for (let c = 0; c <= 30; c++) {
          const expected = pairs.filter(([commit]) => commit === c).map(([, p]) => p);
          expect(containment.firstShippers(c)).toEqual([...expected].sort((a, b) => a - b));
          for (let s = 0; s <= 5; s++) {
            const first = expected.find((p) => deployments[p].service === `s${s}`);
            expect(containment.firstShipperIn(c, `s${s}`, deployments)).toBe(first ?? -1);
          }
        }
      })
    );
  });
});
