import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('operator interfaces', () => {
  it('answers /healthz once the database is reachable', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 document listing the v1 routes, and browsable docs', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/enterprises', '/api/v1/enterprises/{id}', '/api/v1/auth/login']));
    expect(doc.paths['/api/v1/enterprises'].get.parameters.map((p: { name: string }) => p.name)).toContain('industryChain');
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});

describe('security headers and errors', () => {
  it('sends the headers on JSON, errors and unknown routes', async () => {
    for (const url of ['/healthz', '/api/v1/enterprises', '/api/v1/no-such-route']) {
      const res = await t.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sends HSTS and a __Host- Secure cookie behind TLS', async () => {
    const tls = await startTestApp({ env: { COOKIE_SECURE: 'true' }, demo: true });
    try {
      const res = await tls.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'stats', password: 'Yuanqu@Demo2025' } });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const cookie = res.cookies[0]!;
      expect(cookie).toMatchObject({ name: '__Host-yuanqu_sid', secure: true, httpOnly: true, path: '/', sameSite: 'Strict' });
      expect(cookie.domain).toBeUndefined();
    } finally {
      await tls.close();
    }
  });

  it('answers a database failure with a generic error and a request id, never SQL or a stack', async () => {
    const a = await t.login('stats');
    await sql`alter table enterprise_qualification rename to enterprise_qualification_moved`.execute(t.database.db);
    try {
      const res = await a.get('/api/v1/enterprises');
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error', requestId: expect.any(String) } });
      expect(res.body).not.toMatch(/select|enterprise_qualification|at .*\.ts/i);
    } finally {
      await sql`alter table enterprise_qualification_moved rename to enterprise_qualification`.execute(t.database.db);
    }
  });

  it('rejects unknown fields and prototype-pollution payloads with a 400', async () => {
    const a = await t.login('stats');
    const res = await a.request('POST', '/api/v1/enterprises', '{"__proto__":{"polluted":true},"name":"x"}', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('limits login attempts per minute with 429 and Retry-After', async () => {
    const limited = await startTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10' } });
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 11; i++) {
        last = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: `Wrong#${i}` }, headers: { 'x-forwarded-for': `10.0.0.${i}` } });
        codes.push(last.statusCode);
      }
      expect(codes.slice(0, 10).every((c) => c !== 429)).toBe(true);
      expect(codes[10]).toBe(429);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('durability settings', () => {
  it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const sqlite = t.database.handle.sqlite;
    if (!sqlite) return expect(t.config.database.dialect).toBe('postgres');
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('runs PostgreSQL with fsync and synchronous_commit on', async () => {
    if (t.config.database.dialect !== 'postgres') return expect(t.database.handle.sqlite).toBeDefined();
    const { rows } = await sql<{ fsync: string; sc: string }>`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`.execute(t.database.db);
    expect(rows[0]).toEqual({ fsync: 'on', sc: 'on' });
  });
});
