import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../lib/clock';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';
import { sessionIdOf } from './session.repository';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('login', () => {
  it('opens a session with an HttpOnly, SameSite=Strict cookie and answers /me', async () => {
    const res = await login('stats', 'Yuanqu@Demo2025');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'yuanqu_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.value.length).toBeGreaterThanOrEqual(43);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `yuanqu_sid=${cookie.value}` } });
    expect(me.json().user).toMatchObject({ username: 'stats', role: 'staff', departments: ['economy'] });
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const wrong = await login('leader', 'Wrong@Pass2025');
    const unknown = await login('nobody', 'Wrong@Pass2025');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('locks the account after five failures and unlocks it after 30 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await login('zhaoshang', `Bad@Guess${i}xx`)).statusCode).toBe(401);
    const locked = await login('zhaoshang', 'Yuanqu@Demo2025');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(29 * MINUTE);
    expect((await login('zhaoshang', 'Yuanqu@Demo2025')).statusCode).toBe(423);
    t.clock.advance(2 * MINUTE);
    expect((await login('zhaoshang', 'Yuanqu@Demo2025')).statusCode).toBe(200);
  });

  it('writes an audit row for each success and failure', async () => {
    const before = await t.database.db.selectFrom('auditLog').select(['action', 'result', 'actorName']).where('action', '=', 'auth.login').execute();
    await login('leader', 'Yuanqu@Demo2025');
    await login('leader', 'nope-nope-nope');
    const after = await t.database.db.selectFrom('auditLog').select(['action', 'result', 'actorName', 'ip']).where('action', '=', 'auth.login').orderBy('seq').execute();
    expect(after.length - before.length).toBe(2);
    expect(after.slice(-2).map((r) => [r.result, r.actorName])).toEqual([
      ['success', 'leader'],
      ['failure', 'leader'],
    ]);
    expect(after.at(-1)!.ip).toBeTruthy();
  });

  it('rejects a login posted from a foreign origin', async () => {
    const res = await login('stats', 'Yuanqu@Demo2025', { origin: 'https://evil.example', host: 'localhost:80' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });
});

describe('session lifetime', () => {
  it('expires after 30 idle minutes for staff', async () => {
    const a = await t.login('stats');
    t.clock.advance(29 * MINUTE);
    expect((await a.get('/api/v1/enterprises?pageSize=1')).statusCode).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await a.get('/api/v1/enterprises?pageSize=1')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    expect((await a.get('/api/v1/enterprises?pageSize=1')).statusCode).toBe(401);
  });

  it('expires after 15 idle minutes for an administrator', async () => {
    const a = await t.login('admin');
    t.clock.advance(16 * MINUTE);
    expect((await a.get('/api/v1/users')).statusCode).toBe(401);
  });

  it('ends after 12 hours however active', async () => {
    const a = await t.login('leader');
    for (let i = 0; i < 24; i++) {
      t.clock.advance(25 * MINUTE);
      await a.get('/api/v1/auth/me');
    }
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(2 * HOUR + MINUTE);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(20 * MINUTE);
      await a.get('/api/v1/auth/me');
    }
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('is kept alive by a page viewed during a large import, without the page waiting for the import', async () => {
    const a = await t.login('stats');
    const lastSeen = async (agent: Agent) => {
      const id = sessionIdOf(agent.cookie!.split('=')[1]!);
      return (await t.database.db.selectFrom('session').select('lastSeenAt').where('id', '=', id).executeTakeFirstOrThrow()).lastSeenAt;
    };
    t.clock.advance(2 * MINUTE);
    // An import in this process holds the writer from its first row to its commit. On SQLite a
    // touch that waited for it would never answer: the import here waits for the page.
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('setting').set((eb) => ({ value: eb.ref('value') })).execute();
      expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    });
    if (t.config.database.dialect === 'sqlite') {
      // An import in another process (`yuanqu import`) holds SQLite's write lock: no 5 s busy wait, no error.
      const other = new SQLite(t.config.database.file);
      other.exec('begin immediate');
      try {
        expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
      } finally {
        other.exec('rollback');
        other.close();
      }
    }
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await lastSeen(a)).toBe(t.clock.now().toISOString());
    t.clock.advance(29 * MINUTE);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('cannot be replayed after logout', async () => {
    const a = await t.login('stats');
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends when an administrator disables the account', async () => {
    const victim = await t.login('xinxueyu');
    const admin = await t.login('admin');
    const user = (await admin.get('/api/v1/users')).json().find((u: { username: string }) => u.username === 'xinxueyu');
    expect((await admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled', version: user.version })).statusCode).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('xinxueyu', 'Yuanqu@Demo2025')).statusCode).toBe(401);
    const again = (await admin.get('/api/v1/users')).json().find((u: { username: string }) => u.username === 'xinxueyu');
    await admin.patch(`/api/v1/users/${user.id}`, { status: 'active', version: again.version });
  });
});

describe('CSRF', () => {
  it('refuses a write without the token, with a foreign token, or from a foreign origin', async () => {
    const a = await t.login('stats');
    const id = (await a.get('/api/v1/enterprises?pageSize=1')).json().items[0].id;
    const url = `/api/v1/enterprises/${id}/archive`;
    const noToken = await t.app.inject({ method: 'POST', url, payload: { version: 1 }, headers: { cookie: a.cookie! } });
    const foreign = await t.app.inject({ method: 'POST', url, payload: { version: 1 }, headers: { cookie: a.cookie!, 'x-csrf-token': 'x'.repeat(43) } });
    const origin = await a.request('POST', url, { version: 1 }, { origin: 'https://evil.example' });
    const plain = await t.app.inject({ method: 'POST', url, payload: '{"version":1}', headers: { cookie: a.cookie!, 'content-type': 'text/plain' } });
    for (const res of [noToken, foreign, origin, plain]) expect(res.statusCode).toBe(403);
  });
});

describe('passwords', () => {
  it('enforces the policy and the last five passwords, and ends the session on change', async () => {
    const a = await t.login('leader');
    const weak = await a.post('/api/v1/auth/password', { currentPassword: 'Yuanqu@Demo2025', newPassword: 'password1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.reasons).toEqual(expect.arrayContaining(['classes', 'blocklist']));
    const same = await a.post('/api/v1/auth/password', { currentPassword: 'Yuanqu@Demo2025', newPassword: 'Yuanqu@Demo2025' });
    expect(same.json().error.details.reasons).toEqual(['history']);
    const ok = await a.post('/api/v1/auth/password', { currentPassword: 'Yuanqu@Demo2025', newPassword: 'Lingdao#Kanban7' });
    expect(ok.statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('leader', 'Lingdao#Kanban7')).statusCode).toBe(200);
  });

  it('makes a user with an administrator-set password change it before anything else', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/v1/users', { username: 'clerk2', displayName: '新统计员', password: 'Temp#Pass2026', role: 'staff', departments: ['economy'] });
    expect(created.statusCode).toBe(201);
    const clerk = await t.login('clerk2', 'Temp#Pass2026');
    expect((await clerk.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await clerk.get('/api/v1/enterprises');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await clerk.post('/api/v1/auth/password', { currentPassword: 'Temp#Pass2026', newPassword: 'Tongji!Yuebao9' })).statusCode).toBe(204);
    const fresh = await t.login('clerk2', 'Tongji!Yuebao9');
    expect((await fresh.get('/api/v1/enterprises')).statusCode).toBe(200);
  });

  it('forces a change once the password is older than 90 days', async () => {
    const fresh = await startTestApp();
    try {
      fresh.clock.advance(90 * DAY - HOUR);
      expect((await (await fresh.login('stats')).get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
      fresh.clock.advance(2 * HOUR);
      const expired = await fresh.login('stats');
      expect((await expired.get('/api/v1/enterprises')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    } finally {
      await fresh.close();
    }
  });

  it('refuses a duplicate username whatever its case', async () => {
    const admin = await t.login('admin');
    const upper = await admin.post('/api/v1/users', { username: 'STATS', displayName: 'x', password: 'Another#Pass2026', role: 'leader' });
    expect(upper.statusCode).toBe(409);
    const dup = await admin.post('/api/v1/users', { username: 'stats', displayName: 'x', password: 'Another#Pass2026', role: 'leader' });
    expect(dup.statusCode).toBe(409);
  });
});
