import type { Department, Role } from '@yuanqu/contracts';

/** Who is asking, with the data scope every service and presenter enforces. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  departments: Department[];
  /** For role `enterprise`: the only enterprise this viewer may see. */
  enterpriseId: string | null;
  /** Unit ids the viewer is scoped to; null means every unit. */
  unitIds: string[] | null;
  /** Materialised paths of those units, for prefix checks; null means every unit. */
  unitPaths: string[] | null;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** True when a unit (by its path) lies inside the viewer's subtrees. */
export function unitInScope(viewer: Pick<Viewer, 'unitPaths'>, unitPath: string): boolean {
  return viewer.unitPaths === null || viewer.unitPaths.some((p) => unitPath.startsWith(p));
}

/** True when the viewer may read this enterprise at all. */
export function enterpriseInScope(viewer: Pick<Viewer, 'role' | 'enterpriseId' | 'unitPaths'>, e: { id: string; unitPath: string }): boolean {
  if (viewer.role === 'enterprise') return viewer.enterpriseId === e.id;
  return unitInScope(viewer, e.unitPath);
}
