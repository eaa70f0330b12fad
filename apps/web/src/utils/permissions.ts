// Types only: the router guard imports this file, and a runtime import of the contracts would pull zod into the first chunk.
import type { Department, Role } from '@yuanqu/contracts';

/** The parts of a session user that decide what they may do (readonly: the session store hands out readonly copies). */
export interface Actor {
  role: Role;
  departments: readonly Department[];
  enterpriseId: string | null;
}

/** Departments whose staff keep the enterprise registry (the API enforces the same rule). */
export const ENTERPRISE_WRITE_DEPARTMENTS: readonly Department[] = ['economy', 'service'];

/** May create, edit, import, archive and restore any enterprise in scope. */
export function canWriteEnterprises(user: Actor | null): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'staff' && user.departments.some((d) => ENTERPRISE_WRITE_DEPARTMENTS.includes(d));
}

/** May open the edit form of this enterprise: writers, or an enterprise user on its own record. */
export function canEditEnterprise(user: Actor | null, enterpriseId: string): boolean {
  if (canWriteEnterprises(user)) return true;
  return user?.role === 'enterprise' && user.enterpriseId === enterpriseId;
}

/** Departments whose staff review and enter statistical figures and keep the targets (the API enforces the same rule). */
export const STATISTICS_WRITE_DEPARTMENTS: readonly Department[] = ['economy'];

/** May review reports, enter any enterprise's figures, edit the review rules and the targets. */
export function canManageStatistics(user: Actor | null): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'staff' && user.departments.some((d) => STATISTICS_WRITE_DEPARTMENTS.includes(d));
}

/** May send figures for this enterprise: the statistics keepers, or the enterprise's own user. */
export function canReportFigures(user: Actor | null, enterpriseId: string): boolean {
  if (canManageStatistics(user)) return true;
  return user?.role === 'enterprise' && user.enterpriseId === enterpriseId;
}

/** May run the 亩产效益 evaluation, adjust, review, publish and answer objections (经济发展, as the API): the statistics keepers. */
export function canManageEvaluation(user: Actor | null): boolean {
  return canManageStatistics(user);
}

/** Departments whose staff keep the parcels and run the land cases (the API enforces the same rule). */
export const LAND_WRITE_DEPARTMENTS: readonly Department[] = ['land'];

/** May record, edit and import parcels, run the idle-land job and record acts on land cases. */
export function canWriteLand(user: Actor | null): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'staff' && user.departments.some((d) => LAND_WRITE_DEPARTMENTS.includes(d));
}

/** What a route demands; checked by the router guard before the page loads. */
export interface RouteAccess {
  roles?: readonly Role[];
  /**
   * `enterpriseWrite`: a registry writer; `enterpriseEdit`: may edit the enterprise in `params.id`;
   * `statisticsManage`: reviews reports and keeps the review rules.
   */
  permission?: 'enterpriseWrite' | 'enterpriseEdit' | 'statisticsManage';
}

export function canAccess(access: RouteAccess, user: Actor | null, params: Record<string, unknown> = {}): boolean {
  if (!user) return false;
  if (access.roles && !access.roles.includes(user.role)) return false;
  if (access.permission === 'enterpriseWrite') return canWriteEnterprises(user);
  if (access.permission === 'enterpriseEdit') return canEditEnterprise(user, String(params.id ?? ''));
  if (access.permission === 'statisticsManage') return canManageStatistics(user);
  return true;
}
