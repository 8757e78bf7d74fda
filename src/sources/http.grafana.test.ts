import { Observable, of, throwError } from 'rxjs';
import { GrafanaHttpClient } from './http.grafana';

const fetchMock = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: fetchMock }),
}));

function okResponse(data: unknown, headers: Record<string, string> = {}) {
  return of({ status: 200, statusText: 'OK', ok: true, data, headers: new Headers(headers) });
}

describe('GrafanaHttpClient', () => {
  beforeEach(() => fetchMock.mockReset());

  it('passes method, url, headers and body, with Grafana alerts off', async () => {
    fetchMock.mockReturnValue(okResponse({ hello: 'world' }, { 'X-RateLimit-Remaining': '42', Link: '<next>' }));
    const res = await new GrafanaHttpClient().request({
      method: 'POST',
      url: '/api/datasources/proxy/uid/abc/github/graphql',
      headers: { Accept: 'application/json' },
      body: { query: '{ viewer { login } }' },
    });
    expect(fetchMock).toHaveBeenCalledWith({
      url: '/api/datasources/proxy/uid/abc/github/graphql',
      method: 'POST',
      headers: { Accept: 'application/json' },
      data: { query: '{ viewer { login } }' },
      showErrorAlert: false,
      showSuccessAlert: false,
    });
    expect(res).toEqual({
      status: 200,
      headers: { 'x-ratelimit-remaining': '42', link: '<next>' },
      data: { hello: 'world' },
    });
  });

  it('resolves 4xx and 5xx responses instead of rejecting', async () => {
    fetchMock.mockReturnValue(
      throwError(() => ({ status: 404, statusText: 'Not Found', data: { message: 'Not Found' } }))
    );
    const res = await new GrafanaHttpClient().request({ method: 'GET', url: '/x' });
    expect(res).toEqual({ status: 404, headers: {}, data: { message: 'Not Found' } });

    fetchMock.mockReturnValue(
      throwError(() => ({ status: 502, data: 'Bad Gateway', headers: { 'Retry-After': '3' } }))
    );
    const res2 = await new GrafanaHttpClient().request({ method: 'GET', url: '/x' });
    expect(res2).toEqual({ status: 502, headers: { 'retry-after': '3' }, data: 'Bad Gateway' });
  });

  it('rejects on network failure and on cancellation, naming the path without its query', async () => {
    fetchMock.mockReturnValue(throwError(() => new TypeError('Failed to fetch')));
    await expect(new GrafanaHttpClient().request({ method: 'GET', url: '/proxy/github/repos?page=2' })).rejects.toThrow(
      'Request to /proxy/github/repos failed before a response arrived (Failed to fetch)'
    );
    fetchMock.mockReturnValue(throwError(() => ({ status: -1, cancelled: true, data: null })));
    await expect(new GrafanaHttpClient().request({ method: 'GET', url: '/y' })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('cancels the subscription when the signal aborts', async () => {
    let unsubscribed = false;
    fetchMock.mockReturnValue(
      new Observable(() => () => {
        unsubscribed = true;
      })
    );
    const controller = new AbortController();
    const pending = new GrafanaHttpClient().request({ method: 'GET', url: '/slow', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(unsubscribed).toBe(true);
  });

  it('rejects at once when the signal is already aborted, without fetching', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      new GrafanaHttpClient().request({ method: 'GET', url: '/z', signal: controller.signal })
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
