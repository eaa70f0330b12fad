import type { Session, SessionUser } from '@yuanqu/contracts';
import type { Config } from '../../config';
import type { Changes } from '../../db/change-counter';
import type { Db } from '../../db/database';
import { DAY, MINUTE } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitPathsOf } from '../unit/unit.repository';
import { DUMMY_HASH, verifyPassword } from './password';
import { deleteSession, findSessionWithUser, insertSession, newSessionToken, sessionIdOf, touchSession } from './session.repository';
import { findUserByUsername, presentUser, setLoginState, type UserRow } from './user.repository';
import type { Viewer } from './viewer';

export interface AuthDeps {
  db: Db;
  config: Config;
}

/** Checks a password, applies the lockout rule, opens a session. Every outcome is audited. */
export async function login(deps: AuthDeps, ctx: RequestContext, username: string, password: string): Promise<{ token: string; session: Session }> {
  const { db, config } = deps;
  const now = ctx.clock.now();
  const user = await findUserByUsername(db, username);
  const fail = async (reason: string, u?: UserRow) =>
    db.transaction().execute((trx) =>
      appendAudit(trx, [auditEvent(ctx, 'auth.login', { result: 'failure', actorName: username.slice(0, 64), entityType: 'user', entityId: u?.id, detail: { reason } })]),
    );

  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    await fail('unknown-user');
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    await fail('locked', user);
    throw new AppError('ACCOUNT_LOCKED', 'account locked after repeated failures', { lockedUntil: user.lockedUntil });
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || user.status !== 'active') {
    if (!ok) {
      const failures = user.failedLogins + 1;
      const lock = failures >= config.password.lockThreshold;
      await setLoginState(db, user.id, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + config.password.lockMinutes * MINUTE).toISOString() : null,
      });
      await fail(lock ? 'wrong-password-locked' : 'wrong-password', user);
    } else {
      await fail('disabled', user);
    }
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }

  const { token, id } = newSessionToken();
  const csrfToken = newSessionToken().token;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await setLoginState(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: at });
    await insertSession(trx, { id, userId: user.id, csrfToken, createdAt: at, lastSeenAt: at, ip: ctx.ip, userAgent: null });
    const viewerCtx = { ...ctx, viewer: null };
    await appendAudit(trx, [{ ...auditEvent(viewerCtx, 'auth.login', { entityType: 'user', entityId: user.id }), actorId: user.id, actorName: user.username, actorRole: user.role }]);
  });
  const viewer = await viewerOf(db, config, user, id, csrfToken, now);
  return { token, session: { user: sessionUser(viewer), csrfToken } };
}

export async function logout(deps: AuthDeps, ctx: RequestContext): Promise<void> {
  if (!ctx.viewer) return;
  const viewer = ctx.viewer;
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, viewer.sessionId);
    await appendAudit(trx, [auditEvent(ctx, 'auth.logout', { entityType: 'user', entityId: viewer.userId })]);
  });
}

/**
 * Resolves a cookie token to a viewer, enforcing idle and absolute timeouts and account state,
 * with the change counters read in the same query (before anything else the request reads).
 */
export async function resolveSession(deps: AuthDeps, token: string, now: Date): Promise<{ viewer: Viewer; changes: Changes } | null> {
  const { db, config } = deps;
  const id = sessionIdOf(token);
  const found = await findSessionWithUser(db, id);
  if (!found) return null;
  const { session, user, changes } = found;
  const idle = (user.role === 'admin' ? config.session.idleMinutesAdmin : config.session.idleMinutes) * MINUTE;
  const expired =
    now.getTime() - new Date(session.lastSeenAt).getTime() > idle ||
    now.getTime() - new Date(session.createdAt).getTime() > config.session.absoluteHours * 60 * MINUTE;
  if (expired || user.status !== 'active') {
    await deleteSession(db, id);
    return null;
  }
  // Touch at most once a minute: a write on every read would serialise the read path. Never
  // waited for: while an import holds SQLite's writer the touch is left to a later request.
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > MINUTE) await touchSession(db, id, now.toISOString());
  return { viewer: await viewerOf(db, config, user, id, session.csrfToken, now), changes };
}

async function viewerOf(db: Db, config: Config, user: UserRow, sessionId: string, csrfToken: string, now: Date): Promise<Viewer> {
  const u = presentUser(user);
  const expired = now.getTime() - new Date(user.passwordChangedAt).getTime() > config.password.maxAgeDays * DAY;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departments: u.departments,
    enterpriseId: u.enterpriseId,
    unitIds: u.unitIds,
    unitPaths: u.unitIds === null ? null : await unitPathsOf(db, u.unitIds),
    sessionId,
    csrfToken,
    mustChangePassword: user.mustChangePassword === 1 || expired,
  };
}

export function sessionUser(v: Viewer): SessionUser {
  return {
    id: v.userId,
    username: v.username,
    displayName: v.displayName,
    role: v.role,
    departments: v.departments,
    enterpriseId: v.enterpriseId,
    unitIds: v.unitIds,
    mustChangePassword: v.mustChangePassword,
  };
}
