import type { Notification, NotificationKind } from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import { insertRows } from '../../db/dialect';
import { newId } from '../../lib/ids';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  params: Record<string, string | number | null>;
  ref: string | null;
}

export async function notify(trx: Trx, messages: NewNotification[], now: string): Promise<void> {
  await insertRows(
    trx,
    'notification',
    messages.map((m) => ({ id: newId(), userId: m.userId, kind: m.kind, params: JSON.stringify(m.params), ref: m.ref, createdAt: now, readAt: null })),
  );
}

/** The active accounts of each enterprise, by enterprise id. */
export async function enterpriseAccounts(db: Db | Trx, enterpriseIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (enterpriseIds.length === 0) return out;
  const rows = await db.selectFrom('user').select(['id', 'enterpriseId']).where('role', '=', 'enterprise').where('status', '=', 'active').where('enterpriseId', 'in', enterpriseIds).execute();
  for (const r of rows) out.set(r.enterpriseId!, [...(out.get(r.enterpriseId!) ?? []), r.id]);
  return out;
}

/** The latest time a message of this kind was sent about each ref. */
export async function lastSent(db: Db, kind: NotificationKind, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification')
    .select(['ref', (eb) => eb.fn.max('createdAt').as('at')])
    .where('kind', '=', kind)
    .where('ref', 'in', refs)
    .groupBy('ref')
    .execute();
  return new Map(rows.map((r) => [r.ref!, r.at as string]));
}

export async function listNotifications(db: Db, userId: string): Promise<{ items: Notification[]; unread: number }> {
  const rows = await db.selectFrom('notification').selectAll().where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(50).execute();
  const { n } = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind as NotificationKind, params: JSON.parse(r.params) as Notification['params'], createdAt: r.createdAt, readAt: r.readAt })),
    unread: Number(n),
  };
}

/** Marks the user's own messages read (one, or all when id is null); another user's id matches nothing. */
export async function markRead(db: Db, userId: string, id: string | null, now: string): Promise<number> {
  let q = db.updateTable('notification').set({ readAt: now }).where('userId', '=', userId).where('readAt', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  const done = await q.executeTakeFirst();
  return Number(done.numUpdatedRows);
}

/** Marks one of the user's own messages read; false when the user has no such message. */
export async function markOneRead(db: Db, userId: string, id: string, now: string): Promise<boolean> {
  const own = await db.selectFrom('notification').select('id').where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
  if (!own) return false;
  await markRead(db, userId, id, now);
  return true;
}
