import type { Department, Role, User } from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import type { UserTable } from '../../db/schema';

export type UserRow = UserTable;

export function findUserByUsername(db: Db | Trx, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('user').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Db | Trx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('user').selectAll().orderBy('username').execute();
}

export async function insertUser(trx: Trx, row: UserRow): Promise<void> {
  await trx.insertInto('user').values(row).execute();
}

/** Updates when the version matches; returns false when someone else wrote first. */
export async function updateUser(trx: Db | Trx, id: string, version: number, set: Partial<UserRow>): Promise<boolean> {
  const res = await trx
    .updateTable('user')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Login bookkeeping is not an edit of the record: it does not bump the version. */
export async function setLoginState(db: Db | Trx, id: string, set: Pick<Partial<UserRow>, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>): Promise<void> {
  await db.updateTable('user').set(set).where('id', '=', id).execute();
}

/** A new password also clears the lockout; it is not an edit of the record (no version bump). */
export async function setPasswordHash(trx: Trx, id: string, set: Pick<UserRow, 'passwordHash' | 'passwordChangedAt' | 'mustChangePassword' | 'updatedAt'>): Promise<void> {
  await trx.updateTable('user').set({ ...set, failedLogins: 0, lockedUntil: null }).where('id', '=', id).execute();
}

export async function recentPasswordHashes(db: Db | Trx, userId: string, n: number): Promise<string[]> {
  const rows = await db.selectFrom('passwordHistory').select('passwordHash').where('userId', '=', userId).orderBy('createdAt', 'desc').limit(n).execute();
  return rows.map((r) => r.passwordHash);
}

export async function addPasswordHistory(trx: Trx, row: { id: string; userId: string; passwordHash: string; createdAt: string }): Promise<void> {
  await trx.insertInto('passwordHistory').values(row).execute();
}

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    departments: JSON.parse(row.departments) as Department[],
    enterpriseId: row.enterpriseId,
    unitIds: row.unitIds === null ? null : (JSON.parse(row.unitIds) as string[]),
    status: row.status as 'active' | 'disabled',
    lockedUntil: row.lockedUntil,
    lastLoginAt: row.lastLoginAt,
    version: row.version,
  };
}
