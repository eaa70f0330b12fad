import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Changes } from '../db/change-counter';
import type { Db } from '../db/database';
import type { Clock } from '../lib/clock';
import { AppError } from '../lib/errors';
import type { RequestContext } from '../modules/audit/audit.context';
import { resolveSession } from '../modules/auth/auth.service';
import type { Viewer } from '../modules/auth/viewer';
import type { Access } from './access';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** The change counters, read with the session (null without one): see db/change-counter.ts. */
    changes: Changes | null;
  }
  interface FastifyInstance {
    /** Every route with its access rule, as registered: the authorization matrix test walks it. */
    routeInventory: { method: string; url: string; access: Access | undefined }[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieName(config: Config): string {
  return config.cookieSecure ? '__Host-yuanqu_sid' : 'yuanqu_sid';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieName(config), token, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieName(config), { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure });
}

/** The request as an audited use case sees it. */
export function contextOf(request: FastifyRequest, clock: Clock): RequestContext {
  return { viewer: request.viewer, requestId: request.id, ip: request.ip, clock };
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A browser's Origin, when sent, must be this host: a foreign page cannot write. */
function originAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function check(access: Access, request: FastifyRequest): void {
  if ('public' in access) return;
  const viewer = request.viewer;
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'please log in');
  const unsafe = UNSAFE.has(request.method);
  if (unsafe && (!originAllowed(request) || !sameToken(request.headers['x-csrf-token'] as string | undefined, viewer.csrfToken))) {
    throw new AppError('CSRF', 'the request did not come from this application');
  }
  if (viewer.mustChangePassword && !access.allowPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your password first');
  }
  if (!access.roles.includes(viewer.role)) throw new AppError('FORBIDDEN', 'your role may not do this');
  if (unsafe && viewer.role === 'leader' && !access.allowPasswordChange && !access.personal) throw new AppError('FORBIDDEN', 'leaders have read-only access');
  if (unsafe && viewer.role === 'staff' && access.writeDepartments && !access.writeDepartments.some((d) => viewer.departments.includes(d))) {
    throw new AppError('FORBIDDEN', 'your department does not manage this');
  }
}

/** Resolves the session cookie on every request and enforces each route's declared access. */
export function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config; clock: Clock }): void {
  app.decorateRequest('viewer', null);
  app.decorateRequest('changes', null);
  const inventory: FastifyInstance['routeInventory'] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') inventory.push({ method, url: route.url, access: route.config?.access });
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
  });
  // Access is decided before the body is parsed or validated: a caller without the right learns nothing.
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[cookieName(deps.config)];
    const resolved = token ? await resolveSession(deps, token, deps.clock.now()) : null;
    request.viewer = resolved?.viewer ?? null;
    request.changes = resolved?.changes ?? null;
    const access = request.routeOptions.config.access;
    if (access) check(access, request);
  });
}
