// Merging the events of several sources: lists concatenated in order, catalogs by service name, any size.
import { appendEvents, Change, emptyEvents, mergeEvents } from './index';

const change = (i: number): Change => ({ sha: `c${i}`, repo: 'acme/app', committedAt: i, parents: [] });

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
