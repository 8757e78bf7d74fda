import { BoundedMap } from './boundedMap';

describe('BoundedMap', () => {
  it('drops the oldest entry past its bound', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([undefined, 2, 3, 2]);
  });

  it('keeps what was touched or set again, and get does not count as use', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.touch('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    map.get('a');
    map.set('b', 4);
    expect([map.get('a'), map.get('c'), map.get('b')]).toEqual([undefined, 3, 4]);
  });

  it('deletes and clears', () => {
    const map = new BoundedMap<string, number>(3);
    map.set('a', 1);
    map.set('b', 2);
    map.delete('a');
    expect(map.size).toBe(1);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.touch('b')).toBeUndefined();
  });
});
