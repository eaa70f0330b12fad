import type { UnitRow } from './unit.repository';

/** The chain of units from the root down to `id` (inclusive), for display as a path. */
export function unitChain(byId: ReadonlyMap<string, UnitRow>, id: string): UnitRow[] {
  const out: UnitRow[] = [];
  for (let u = byId.get(id); u; u = u.parentId ? byId.get(u.parentId) : undefined) out.unshift(u);
  return out;
}

/** The path a child of `parent` gets. */
export function childPath(parent: Pick<UnitRow, 'path'> | null, id: string): string {
  return `${parent ? parent.path : '/'}${id}/`;
}

/** Units visible to a viewer: those inside its subtrees plus their ancestors (to draw the tree). */
export function visibleUnits(units: UnitRow[], scopePaths: string[] | null): UnitRow[] {
  if (scopePaths === null) return units;
  return units.filter((u) => scopePaths.some((p) => u.path.startsWith(p) || p.startsWith(u.path)));
}
