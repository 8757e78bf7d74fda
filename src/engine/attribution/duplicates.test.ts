import { dropDuplicates } from './duplicates';
import { Findings } from './findings';
import { commit, deploy, events, incident, run } from './testBuilders';

describe('dropDuplicates', () => {
  it('keeps one event per id and reports the duplicate with its count and sources', () => {
    const findings = new Findings();
    const out = dropDuplicates(
      events({
        deployments: [deploy('d1', 'a', 1), deploy('d2', 'a', 2), deploy('d1', 'a', 1, { source: 'json' })],
        changes: [],
        incidents: [],
        pipelineRuns: [],
      }),
      findings
    );
    expect(out.deployments.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(findings.sorted()).toEqual([
      expect.objectContaining({
        kind: 'duplicate-event',
        subject: 'd1',
        count: 2,
        message: expect.stringContaining('Deployment d1 appears 2 times (sources: json, test); one is kept'),
      }),
    ]);
  });

  it('keeps the most complete version whatever the order', () => {
    const open = incident('i1', 1);
    const resolved = incident('i1', 1, { resolvedAt: 5 });
    for (const order of [
      [open, resolved],
      [resolved, open],
    ]) {
      const out = dropDuplicates(events({ incidents: order }), new Findings());
      expect(out.incidents).toEqual([resolved]);
    }
  });

  it('picks the same one of two equally complete versions whatever the order', () => {
    const a = deploy('d1', 'a', 1);
    const b = deploy('d1', 'b', 1);
    const first = dropDuplicates(events({ deployments: [a, b] }), new Findings()).deployments;
    const second = dropDuplicates(events({ deployments: [b, a] }), new Findings()).deployments;
    expect(first).toEqual(second);
  });

  it('keys commits by repository and SHA, and runs by id and attempt', () => {
    const findings = new Findings();
    const out = dropDuplicates(
      events({
        changes: [commit('a', [], 0), commit('a', [], 0, { repo: 'acme/fork' }), commit('a', [], 0)],
        pipelineRuns: [run('r1', 'a', 0), run('r1', 'a', 1, { attempt: 2 })],
      }),
      findings
    );
    expect(out.changes).toHaveLength(2);
    expect(out.pipelineRuns).toHaveLength(2);
    expect(findings.sorted().map((f) => f.subject)).toEqual(['acme/app@a']);
    expect(findings.sorted()[0].message).toBe(
      'Commit acme/app@a appears 2 times; one is kept. Check for overlapping sources or pages delivering the same event.'
    );
  });
});
