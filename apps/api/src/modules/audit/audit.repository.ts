import type { Db, Trx } from '../../db/database';
import { insertRows } from '../../db/dialect';
import { chain, firstBroken, type AuditEvent, type ChainedRow } from './audit';

const INSERT_CHUNK = 400;

/**
 * Appends events to the hash chain inside the caller's transaction, so a business change and its
 * audit rows commit or roll back together. Bumping the head row first locks it: writers queue.
 */
export async function appendAudit(trx: Trx, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const head = await trx
    .updateTable('auditHead')
    .set((eb) => ({ seq: eb('seq', '+', events.length) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const rows = chain({ seq: head.seq - events.length, hash: head.hash }, events);
  await insertRows(trx, 'auditLog', rows, INSERT_CHUNK);
  await trx.updateTable('auditHead').set({ hash: rows[rows.length - 1]!.hash }).where('id', '=', 1).execute();
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom('auditLog');
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.actor) q = q.where('actorName', '=', f.actor);
  if (f.entityType) q = q.where('entityType', '=', f.entityType);
  if (f.entityId) q = q.where('entityId', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  return q;
}

export async function listAudit(db: Db, f: AuditFilter, page: number, pageSize: number): Promise<{ items: ChainedRow[]; total: number }> {
  const [items, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('seq', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Recomputes the whole chain in seq order; also checks the head, which catches a deleted tail. */
export async function verifyAudit(db: Db): Promise<{ ok: boolean; checked: number; brokenAt: number | null }> {
  const batch = 2000;
  let after = 0;
  let prev: string | null = null;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) break;
    // A purge by retention removes the oldest rows; the first remaining row anchors the check.
    const broken = firstBroken(rows, prev);
    if (broken !== null) return { ok: false, checked: checked + rows.findIndex((r) => r.seq === broken), brokenAt: broken };
    if (prev !== null && rows[0]!.seq !== after + 1) return { ok: false, checked, brokenAt: after + 1 };
    checked += rows.length;
    prev = rows[rows.length - 1]!.hash;
    after = rows[rows.length - 1]!.seq;
  }
  const head = await db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (checked > 0 && (head.seq !== after || head.hash !== prev)) return { ok: false, checked, brokenAt: after + 1 };
  return { ok: true, checked, brokenAt: null };
}

/** Deletes rows older than the retention cut-off (never fewer than 180 days: config enforces it). */
export async function purgeAudit(db: Db, before: string): Promise<number> {
  const res = await db.deleteFrom('auditLog').where('at', '<', before).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** The audit rows of one record, newest first: its change history. */
export function listEntityAudit(db: Db, entityType: string, entityId: string, limit = 500) {
  return db
    .selectFrom('auditLog')
    .select(['at', 'actorName', 'action', 'detail'])
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}
