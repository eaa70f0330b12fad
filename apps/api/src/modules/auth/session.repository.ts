import { createHash, randomBytes } from 'node:crypto';
import { changeColumns, changesOf, type Changes } from '../../db/change-counter';
import { compiledOnce, type Db, type Trx } from '../../db/database';
import { writeIfFree } from '../../db/dialect';
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

const sessionWithUser = compiledOnce((db: Db, id: string) =>
  db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.userId')
    .selectAll('user')
    .select(['session.csrfToken as sCsrfToken', 'session.createdAt as sCreatedAt', 'session.lastSeenAt as sLastSeenAt', 'session.ip as sIp', 'session.userAgent as sUserAgent'])
    .select(changeColumns(db))
    .where('session.id', '=', id),
);

/**
 * The session, its user and the change counters in one read: this runs on every request, compiled
 * once. The counters are read before anything the request reads, as a cache kept under them needs.
 */
export async function findSessionWithUser(db: Db, id: string): Promise<{ session: SessionTable; user: UserTable; changes: Changes } | undefined> {
  const [row] = await sessionWithUser(db, id);
  if (!row) return undefined;
  const { sCsrfToken, sCreatedAt, sLastSeenAt, sIp, sUserAgent, cEnterprise, cEnterpriseQualification, cUnit, ...user } = row;
  const session = { id, userId: user.id, csrfToken: sCsrfToken, createdAt: sCreatedAt, lastSeenAt: sLastSeenAt, ip: sIp, userAgent: sUserAgent };
  return { session, user, changes: changesOf({ cEnterprise, cEnterpriseQualification, cUnit }) };
}

/**
 * Records a session's last activity unless the writer is busy (a large import on SQLite): the next
 * request tries again. A skipped touch can only make the session look idle longer, never shorter.
 */
export async function touchSession(db: Db, id: string, at: string): Promise<boolean> {
  return writeIfFree(db, db.updateTable('session').set({ lastSeenAt: at }).where('id', '=', id).compile());
}

export async function deleteSession(db: Db | Trx, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Ends every session of a user (password change, disable, admin kill). */
export async function deleteUserSessions(db: Db | Trx, userId: string): Promise<void> {
  await db.deleteFrom('session').where('userId', '=', userId).execute();
}
