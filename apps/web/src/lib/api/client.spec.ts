import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callApi } from './client';

const API_URL = 'http://api.test:3001';
const sample = { stringId: 'b1', ts: '2026-01-01T00:00:00.000Z', packVoltageDv: 5120 };

/** Stands in for the network: records each request, answers with the queued response or error. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const requests: Request[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    requests.push(request);
    return answer();
  });
  return requests;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('callApi', () => {
  beforeEach(() => {
    process.env.API_URL = API_URL;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    delete process.env.API_URL;
  });

  it('sends the token as a bearer token with the request id, uncached, and returns the body', async () => {
    const requests = fakeFetch(() => json(sample));
    const result = await callApi({ token: 'jwt-1', requestId: 'req-1' }, (api) =>
      api.GET('/api/strings/{id}/latest', { params: { path: { id: 'a/b c' } } }),
    );
    expect(result).toEqual({ ok: true, data: sample });
    const [request] = requests;
    expect(request?.url).toBe(`${API_URL}/api/strings/a%2Fb%20c/latest`);
    expect(request?.method).toBe('GET');
    expect(request?.headers.get('authorization')).toBe('Bearer jwt-1');
    expect(request?.headers.get('x-request-id')).toBe('req-1');
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.cache).toBe('no-store');
    expect(request?.signal.aborted).toBe(false);
  });

  it("sends the page's locale as Accept-Language, and none without one", async () => {
    const requests = fakeFetch(() => json(sample));
    await callApi({ token: 't', locale: 'de' }, (api) =>
      api.GET('/api/alarms/{id}', { params: { path: { id: 'x' } } }),
    );
    await callApi({ token: 't' }, (api) => api.GET('/api/alarms/{id}', { params: { path: { id: 'x' } } }));
    expect(requests.map((r) => r.headers.get('accept-language'))).toEqual(['de', null]);
  });

  it('posts a JSON body and sends no authorization header without a token', async () => {
    const requests = fakeFetch(() => json({ token: 't', user: {} }));
    await callApi({}, (api) => api.POST('/api/auth/login', { body: { email: 'a@b.c', password: 'pw' } }));
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('authorization')).toBeNull();
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toEqual({ email: 'a@b.c', password: 'pw' });
  });

  it("maps an error response to its status and the API's code and message", async () => {
    fakeFetch(() => json({ statusCode: 404, code: 'NOT_FOUND', message: 'no such string' }, 404));
    const result = await callApi({ token: 't' }, (api) => api.GET('/api/sites'));
    expect(result).toEqual({ ok: false, status: 404, code: 'NOT_FOUND', message: 'no such string' });
  });

  it('names the status when the error body is not the API error body', async () => {
    fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502 }));
    const result = await callApi({ token: 't' }, (api) => api.GET('/api/sites'));
    expect(result).toEqual({ ok: false, status: 502, code: 'UNKNOWN', message: 'API answered 502' });
  });

  it('reports status 0 instead of throwing when the API does not answer', async () => {
    fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const result = await callApi({ token: 't' }, (api) => api.GET('/api/sites'));
    expect(result).toEqual({
      ok: false,
      status: 0,
      code: 'UNREACHABLE',
      message: 'API not reachable: fetch failed',
    });
  });
});
