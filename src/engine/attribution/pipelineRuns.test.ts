import { serviceDirectory } from '../catalog';
import { attributeRuns } from './pipelineRuns';
import { run } from './testBuilders';

const flaky = (runs: ReturnType<typeof attributeRuns>) =>
  runs.filter((r) => r.flaky).map((r) => `${r.run.id}#${r.run.attempt}`);

describe('attributeRuns', () => {
  const none = serviceDirectory();

  it('a failed run followed by a successful re-run of the same SHA and workflow is flaky', () => {
    const runs = attributeRuns(
      [
        run('r1', 'a', 0, { conclusion: 'failure' }),
        run('r1', 'a', 1, { attempt: 2, conclusion: 'success' }),
        run('r2', 'b', 2, { conclusion: 'failure' }),
        run('r3', 'b', 3, { conclusion: 'success', workflow: 'lint' }),
        run('r4', 'c', 4, { conclusion: 'success' }),
        run('r5', 'c', 5, { conclusion: 'failure' }),
        run('r6', 'd', 6, { conclusion: 'cancelled' }),
        run('r7', 'd', 7, { conclusion: 'success' }),
        run('r8', 'e', 8, { conclusion: 'failure', repo: 'acme/other' }),
        run('r9', 'e', 9, { conclusion: 'success' }),
      ],
      none
    );
    expect(flaky(runs)).toEqual(['r1#1']);
    expect(runs.map((r) => r.run.id)).toEqual(['r1', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
  });

  it('a re-run as a new run id (e.g. a GitLab retry) counts too', () => {
    const runs = attributeRuns(
      [run('b', 'a', 1, { conclusion: 'success' }), run('a', 'a', 0, { conclusion: 'failure' })],
      none
    );
    expect(flaky(runs)).toEqual(['a#1']);
  });

  it('sorts by start, attempt, id whatever the input order', () => {
    const list = [run('b', 'a', 1), run('a', 'a', 1), run('a', 'a', 1, { attempt: 2 }), run('z', 'a', 0)];
    const ids = (rs: ReturnType<typeof attributeRuns>) => rs.map((r) => `${r.run.id}#${r.run.attempt}`);
    expect(ids(attributeRuns(list, none))).toEqual(['z#1', 'a#1', 'b#1', 'a#2']);
    expect(ids(attributeRuns(list.slice().reverse(), none))).toEqual(['z#1', 'a#1', 'b#1', 'a#2']);
  });

  it('takes service and team from the catalog where it can tell', () => {
    const dir = serviceDirectory({
      services: [
        {
          name: 'checkout',
          team: 'payments',
          pipelines: ['deploy-checkout'],
          repositories: [{ repo: 'acme/checkout' }],
        },
      ],
    });
    const runs = attributeRuns(
      [
        run('1', 'a', 0, { workflow: 'deploy-checkout' }),
        run('2', 'a', 1, { repo: 'acme/checkout' }),
        run('3', 'a', 2),
      ],
      dir
    );
    expect(runs.map((r) => [r.service, r.team])).toEqual([
      ['checkout', 'payments'],
      ['checkout', 'payments'],
      [undefined, undefined],
    ]);
    expect('service' in runs[2]).toBe(false);
  });
});
