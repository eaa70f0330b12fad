import type { Department, Role } from '@yuanqu/contracts';

/**
 * Who may call a route. Every route under /api/v1 must declare one (the app refuses to start
 * otherwise), and the authorization matrix test walks them all.
 */
export type Access =
  | { public: true }
  | {
      roles: readonly Role[];
      /** Staff must belong to one of these departments to write (reads are open to all staff). */
      writeDepartments?: readonly Department[];
      /** Reachable while the password must be changed (the change itself, logout, me). */
      allowPasswordChange?: boolean;
      /** Acts only on the caller's own things (its messages): open to read-only leaders too. */
      personal?: boolean;
    };

export const ALL_ROLES: readonly Role[] = ['admin', 'staff', 'leader', 'enterprise'];
export const COMMITTEE: readonly Role[] = ['admin', 'staff', 'leader'];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
