import { EtagCache } from './etagCache';
import { parseLinkHeader } from './linkHeader';

describe('parseLinkHeader', () => {
  it('reads GitHub paging links', () => {
    expect(
      parseLinkHeader(
        '<https://api.github.com/repositories/1/actions/runs?per_page=100&page=2>; rel="next", <https://api.github.com/repositories/1/actions/runs?per_page=100&page=9>; rel="last"'
      )
    ).toEqual({
      next: 'https://api.github.com/repositories/1/actions/runs?per_page=100&page=2',
      last: 'https://api.github.com/repositories/1/actions/runs?per_page=100&page=9',
    });
  });

  it('handles absent, empty and unquoted headers', () => {
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader('')).toEqual({});
    expect(parseLinkHeader('<https://x/y?page=3>; rel=prev')).toEqual({ prev: 'https://x/y?page=3' });
  });
});

describe('EtagCache', () => {
  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new EtagCache(2);
    cache.set('a', { etag: '1', data: 1, headers: {} });
    cache.set('b', { etag: '2', data: 2, headers: {} });
    expect(cache.get('a')?.data).toBe(1); // a is now the most recent
    cache.set('c', { etag: '3', data: 3, headers: {} });
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.data).toBe(1);
    expect(cache.get('c')?.data).toBe(3);
  });
});
