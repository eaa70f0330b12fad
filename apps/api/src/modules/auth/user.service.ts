import type { Department, Role, User, UserCreate } from '@yuanqu/contracts';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { hashPassword, passwordProblems, verifyPassword } from './password';
import { findEnterprise } from '../enterprise/enterprise.repository';
import { deleteUserSessions } from './session.repository';
import {
  addPasswordHistory,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  presentUser,
  recentPasswordHashes,
  setPasswordHash,
  updateUser,
} from './user.repository';

const HISTORY_DEPTH = 5;

export interface UserDeps {
  db: Db;
  config: Config;
}

export interface NewUser extends UserCreate {
  /** Initial passwords set by someone else must be changed at first login. */
  mustChangePassword: boolean;
}

function assertPolicy(password: string, username: string, role: Role): void {
  const reasons = passwordProblems(password, { username, role });
  if (reasons.length) throw new AppError('PASSWORD_POLICY', 'the password does not meet the policy', { reasons });
}

export async function createUser(deps: UserDeps, ctx: RequestContext, input: NewUser): Promise<User> {
  const { db, config } = deps;
  const username = input.username.trim().toLowerCase();
  assertPolicy(input.password, username, input.role);
  if (input.role === 'enterprise' && !input.enterpriseId) throw new AppError('VALIDATION', 'an enterprise user needs an enterprise', { field: 'enterpriseId' });
  if (input.role !== 'enterprise' && input.enterpriseId) throw new AppError('VALIDATION', 'only enterprise users belong to an enterprise', { field: 'enterpriseId' });
  if (input.enterpriseId && !(await findEnterprise(db, input.enterpriseId))) {
    throw notFound('enterprise');
  }
  if (await findUserByUsername(db, username)) throw new AppError('DUPLICATE', 'the username is taken', { field: 'username' });
  const now = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(input.password, config.password.iterations);
  const row = {
    id: newId(),
    username,
    displayName: input.displayName,
    passwordHash,
    role: input.role,
    departments: JSON.stringify(input.role === 'staff' ? input.departments : []),
    enterpriseId: input.enterpriseId,
    unitIds: input.unitIds === null ? null : JSON.stringify(input.unitIds),
    status: 'active',
    failedLogins: 0,
    lockedUntil: null,
    passwordChangedAt: now,
    mustChangePassword: input.mustChangePassword ? 1 : 0,
    lastLoginAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, row);
    await addPasswordHistory(trx, { id: newId(), userId: row.id, passwordHash, createdAt: now });
    const { passwordHash: _omit, ...shown } = row;
    await appendAudit(trx, [auditEvent(ctx, 'user.create', { entityType: 'user', entityId: row.id, detail: { after: shown } })]);
  });
  return presentUser(row);
}

export async function listAllUsers(deps: UserDeps): Promise<User[]> {
  return (await listUsers(deps.db)).map(presentUser);
}

export async function updateUserAccount(
  deps: UserDeps,
  ctx: RequestContext,
  id: string,
  patch: { displayName?: string; departments?: Department[]; unitIds?: string[] | null; status?: 'active' | 'disabled'; version: number },
): Promise<User> {
  const { db } = deps;
  const before = await findUserById(db, id);
  if (!before) throw notFound('user');
  const set = {
    ...(patch.displayName !== undefined && { displayName: patch.displayName }),
    ...(patch.departments !== undefined && { departments: JSON.stringify(patch.departments) }),
    ...(patch.unitIds !== undefined && { unitIds: patch.unitIds === null ? null : JSON.stringify(patch.unitIds) }),
    ...(patch.status !== undefined && { status: patch.status }),
    updatedAt: ctx.clock.now().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    if (!(await updateUser(trx, id, patch.version, set))) throw conflict(presentUser((await findUserById(trx, id))!));
    if (patch.status === 'disabled') await deleteUserSessions(trx, id);
    const { version: _v, ...changes } = patch;
    await appendAudit(trx, [auditEvent(ctx, 'user.update', { entityType: 'user', entityId: id, detail: { before: presentUser(before), changes } })]);
  });
  return presentUser((await findUserById(db, id))!);
}

/** Sets a new password after checking policy and the last five; ends every session of the user. */
async function setPassword(deps: UserDeps, ctx: RequestContext, userId: string, password: string, mustChange: boolean, action: string): Promise<void> {
  const { db, config } = deps;
  const user = await findUserById(db, userId);
  if (!user) throw notFound('user');
  assertPolicy(password, user.username, user.role as Role);
  for (const old of await recentPasswordHashes(db, userId, HISTORY_DEPTH)) {
    if (await verifyPassword(password, old)) throw new AppError('PASSWORD_POLICY', 'the password was used recently', { reasons: ['history'] });
  }
  const now = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(password, config.password.iterations);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, userId, { passwordHash, passwordChangedAt: now, mustChangePassword: mustChange ? 1 : 0, updatedAt: now });
    await addPasswordHistory(trx, { id: newId(), userId, passwordHash, createdAt: now });
    await deleteUserSessions(trx, userId);
    await appendAudit(trx, [auditEvent(ctx, action, { entityType: 'user', entityId: userId })]);
  });
}

export async function changeOwnPassword(deps: UserDeps, ctx: RequestContext, current: string, next: string): Promise<void> {
  const viewer = ctx.viewer!;
  const user = await findUserById(deps.db, viewer.userId);
  if (!user || !(await verifyPassword(current, user.passwordHash))) throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong');
  await setPassword(deps, ctx, viewer.userId, next, false, 'auth.password-change');
}

export async function resetPassword(deps: UserDeps, ctx: RequestContext, userId: string, password: string, mustChange = true): Promise<void> {
  await setPassword(deps, ctx, userId, password, mustChange, 'user.password-reset');
}

export async function findUserIdByUsername(deps: UserDeps, username: string): Promise<string> {
  const u = await findUserByUsername(deps.db, username);
  if (!u) throw notFound('user');
  return u.id;
}
