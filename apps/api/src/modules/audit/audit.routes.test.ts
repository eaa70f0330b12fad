import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../lib/clock';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';
import { appendAudit, purgeAudit } from './audit.repository';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  const staff = await t.login('stats');
  const id = await enterpriseId(t, '钒宇');
  await staff.patch(`/api/v1/enterprises/${id}`, { version: 1, address: '九江市浔阳区审计路1号' });
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed what, old → new, with request id and client address', async () => {
    const res = (await admin.get('/api/v1/audit?action=enterprise.update')).json();
    expect(res.items[0]).toMatchObject({
      actorName: 'stats',
      action: 'enterprise.update',
      entityType: 'enterprise',
      result: 'success',
      requestId: expect.any(String),
      ip: expect.any(String),
      detail: { changes: { address: { old: expect.any(String), new: '九江市浔阳区审计路1号' } } },
    });
  });

  it('finds entries by actor and time', async () => {
    const from = new Date(t.clock.now().getTime() - 1000).toISOString();
    const res = (await admin.get(`/api/v1/audit?actor=stats&from=${from}`)).json();
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((i: { actorName: string }) => i.actorName === 'stats')).toBe(true);
  });

  it('verifies the hash chain, and detects an edited, a deleted or an appended row', async () => {
    expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true, brokenAt: null });
    const db = t.database.db;
    const target = await db.selectFrom('auditLog').select(['seq', 'detail']).where('action', '=', 'enterprise.update').executeTakeFirstOrThrow();
    await sql`update audit_log set detail = ${'{"changes":{}}'} where seq = ${target.seq}`.execute(db);
    expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: false, brokenAt: target.seq });
    await sql`update audit_log set detail = ${target.detail} where seq = ${target.seq}`.execute(db);

    const middle = await db.selectFrom('auditLog').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    await sql`delete from audit_log where seq = 3`.execute(db);
    expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: false });
    await db.insertInto('auditLog').values(middle).execute();

    const last = await db.selectFrom('auditLog').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await sql`delete from audit_log where seq = ${last.seq}`.execute(db);
    expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: false });
  });

  it('purges only rows older than the retention period', async () => {
    const old = new Date(t.clock.now().getTime() - 200 * DAY).toISOString();
    await t.database.db.transaction().execute((trx) =>
      appendAudit(trx, [{ at: old, actorId: null, actorName: 'system', actorRole: null, action: 'test.old', entityType: null, entityId: null, result: 'success', detail: null, requestId: null, ip: null }]),
    );
    const before = await t.database.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cutoff = new Date(t.clock.now().getTime() - 180 * DAY).toISOString();
    expect(await purgeAudit(t.database.db, cutoff)).toBe(1);
    const after = await t.database.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) - 1);
  });
});
