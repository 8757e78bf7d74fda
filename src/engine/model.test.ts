// Merging the events of several sources: lists concatenated in order, catalogs by service name, any size.
import { appendEvents, Change, emptyEvents, mergeEvents, parentFields, parentsOf } from './index';

const change = (i: number): Change => ({ sha: `c${i}`, repo: 'acme/app', committedAt: i });

describe('appendEvents and mergeEvents', () => {
  it('append 300,000 events of one source without overflowing the stack (a spread of that many would)', () => {
    const big = { ...emptyEvents(), changes: Array.from({ length: 300000 }, (_, i) => change(i)) };
    expect(() => [].push(...(big.changes as never[]))).toThrow(RangeError);
    const into = emptyEvents();
    appendEvents(into, big);
    appendEvents(into, { ...emptyEvents(), changes: [change(-1)] });
    expect(into.changes).toHaveLength(300001);
    expect(into.changes[300000].sha).toBe('c-1');
    expect(mergeEvents([big, big]).changes).toHaveLength(600000);
  });

  it('merge catalogs by service name, the later source and then the settings winning', () => {
    const a = { ...emptyEvents(), catalog: { services: [{ name: 'checkout', team: 'a' }, { name: 'search' }] } };
    const b = { ...emptyEvents(), catalog: { services: [{ name: 'checkout', team: 'b' }] } };
    expect(mergeEvents([a, b]).catalog?.services).toEqual([{ name: 'checkout', team: 'b' }, { name: 'search' }]);
    expect(mergeEvents([a, b], { services: [{ name: 'search', team: 'data' }] }).catalog?.services).toEqual([
      { name: 'checkout', team: 'b' },
      { name: 'search', team: 'data' },
    ]);
    expect(mergeEvents([emptyEvents()]).catalog).toBeUndefined();
  });
});

describe('parentFields and parentsOf', () => {
  it.each([
    ['a root commit', [], {}],
    ['an ordinary commit: its first parent, no list', ['p1'], { parent: 'p1' }],
    ['a merge commit: the first parent and the merged ones', ['p1', 'p2'], { parent: 'p1', mergedParents: ['p2'] }],
    ['an octopus merge', ['p1', 'p2', 'p3'], { parent: 'p1', mergedParents: ['p2', 'p3'] }],
  ])('split the parents of %s and give them back in order', (_, shas, fields) => {
    expect(parentFields(shas)).toStrictEqual(fields);
    expect(parentsOf({ ...change(1), ...parentFields(shas) })).toEqual(shas);
  });

  it('copy the list: changing the list read does not change the commit', () => {
    const shas = ['p1', 'p2'];
    const merge = { ...change(1), ...parentFields(shas) };
    shas[1] = 'other';
    parentsOf(merge).push('p3');
    expect(parentsOf(merge)).toEqual(['p1', 'p2']);
  });
});
