import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorFromBody, queryString, request, setCsrfToken, setFailureListener } from './client';

interface Call {
  url: string;
  init: RequestInit;
}

let calls: Call[] = [];
let reply: () => Response;

beforeEach(() => {
  calls = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return reply();
  });
  setCsrfToken('tok-1');
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setFailureListener(null);
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('request', () => {
  it('sends the session cookie and the CSRF token on writes only', async () => {
    reply = () => json(200, { ok: true });
    await request('/enterprises', { query: { page: 2, q: '', unitId: undefined } });
    await request('/enterprises/e1', { method: 'PATCH', body: { version: 3 } });

    const [get, patch] = calls;
    expect(get!.url).toBe('/api/v1/enterprises?page=2');
    expect(get!.init.credentials).toBe('same-origin');
    expect(new Headers(get!.init.headers).has('X-CSRF-Token')).toBe(false);
    expect(new Headers(patch!.init.headers).get('X-CSRF-Token')).toBe('tok-1');
    expect(new Headers(patch!.init.headers).get('Content-Type')).toBe('application/json');
    expect(patch!.init.body).toBe('{"version":3}');
  });

  it('returns undefined for 204', async () => {
    reply = () => new Response(null, { status: 204 });
    await expect(request('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('throws the API error with code, details and request id', async () => {
    reply = () => json(409, { error: { code: 'CONFLICT', message: 'stale', details: { current: { version: 4 } }, requestId: 'r-9' } });
    const error = await request('/enterprises/e1', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', details: { current: { version: 4 } }, requestId: 'r-9' });
  });

  it('tells the listener about a lost session, but not about a refused login', async () => {
    const seen: string[] = [];
    setFailureListener((e, path) => seen.push(`${e.code} ${path}`));
    reply = () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'log in' } });
    await request('/enterprises').catch(() => undefined);
    reply = () => json(401, { error: { code: 'INVALID_CREDENTIALS', message: 'no' } });
    await request('/auth/login', { method: 'POST', body: {}, quiet401: true }).catch(() => undefined);
    expect(seen).toEqual(['UNAUTHENTICATED /enterprises']);
  });

  it('turns a network failure into a NETWORK error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(request('/units')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('errorFromBody', () => {
  it('falls back on the status when a proxy answers with HTML', () => {
    expect(errorFromBody(502, undefined, 'rid')).toMatchObject({ code: 'INTERNAL', requestId: 'rid' });
    expect(errorFromBody(413, undefined).code).toBe('PAYLOAD_TOO_LARGE');
    expect(errorFromBody(404, 'Not Found').code).toBe('NOT_FOUND');
  });
});

describe('queryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(queryString({ q: '鸿利达', unitId: null, page: 1, scale: '' })).toBe('?q=%E9%B8%BF%E5%88%A9%E8%BE%BE&page=1');
    expect(queryString({})).toBe('');
  });
});
