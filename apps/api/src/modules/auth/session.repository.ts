import { createHash, randomBytes } from 'node:crypto';
import type { Db, Trx } from '../../db/database';
import type { SessionTable, UserTable } from '../../db/schema';

/** The cookie holds a 256-bit random token; the database holds only its SHA-256. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertSession(db: Db | Trx, row: SessionTable): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export async function findSessionWithUser(db: Db, id: string): Promise<{ session: SessionTable; user: UserTable } | undefined> {
  const session = await db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return undefined;
  const user = await db.selectFrom('user').selectAll().where('id', '=', session.userId).executeTakeFirst();
  return user ? { session, user } : undefined;
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('session').set({ lastSeenAt: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db | Trx, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Ends every session of a user (password change, disable, admin kill). */
export async function deleteUserSessions(db: Db | Trx, userId: string): Promise<void> {
  await db.deleteFrom('session').where('userId', '=', userId).execute();
}
