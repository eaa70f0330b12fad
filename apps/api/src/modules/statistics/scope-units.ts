import type { UnitKind } from '@yuanqu/contracts';
import type { Viewer } from '../auth/viewer';
import type { UnitRow } from '../unit/unit.repository';

const RANK: Record<UnitKind, number> = { district: 0, base: 1, park: 2, zone: 3 };

const within = (u: UnitRow, ancestor: UnitRow) => u.path.startsWith(ancestor.path);

/**
 * The units whose rollup rows make up what the viewer asked for: the viewer's own units (every
 * top unit when unscoped) narrowed by the unit filter. They never overlap, so their rows add up.
 */
export function scopeUnits(units: ReadonlyMap<string, UnitRow>, viewer: Pick<Viewer, 'unitIds'>, filterUnitId: string | undefined): UnitRow[] {
  const all = [...units.values()];
  const scope = viewer.unitIds === null ? all.filter((u) => u.parentId === null) : viewer.unitIds.map((id) => units.get(id)).filter((u): u is UnitRow => u !== undefined);
  const roots = scope.filter((u) => !scope.some((o) => o !== u && within(u, o)));
  if (filterUnitId === undefined) return roots;
  const filter = units.get(filterUnitId);
  if (!filter) return [];
  if (roots.some((r) => within(filter, r))) return [filter];
  return roots.filter((r) => within(r, filter));
}

/** One part of a grouped total: the rows of `unitId`, added (1) or taken away (-1) under a group. */
export interface Part {
  unitId: string;
  group: UnitRow;
  sign: 1 | -1;
}

/**
 * How to total the scope by park or zone from the rollup. A scope unit at or below that level
 * counts under its ancestor of that kind (or itself). A unit above it is split into its parks, and
 * for zones each park into its zones plus what is left of the park (firms placed directly in it,
 * shown under the park). Enterprises are placed only in parks and zones, so nothing else is left.
 */
export function partsByKind(units: ReadonlyMap<string, UnitRow>, scope: UnitRow[], kind: 'park' | 'zone'): Part[] {
  const parts: Part[] = [];
  const below = (s: UnitRow, k: UnitKind) => [...units.values()].filter((u) => u.kind === k && within(u, s));
  for (const s of scope) {
    if (RANK[s.kind as UnitKind] >= RANK[kind]) {
      let group = s;
      for (let u: UnitRow | undefined = s; u; u = u.parentId ? units.get(u.parentId) : undefined) if (u.kind === kind) group = u;
      parts.push({ unitId: s.id, group, sign: 1 });
      continue;
    }
    for (const park of s.kind === 'park' ? [s] : below(s, 'park')) {
      parts.push({ unitId: park.id, group: park, sign: 1 });
      if (kind === 'park') continue;
      for (const zone of below(park, 'zone')) parts.push({ unitId: zone.id, group: zone, sign: 1 }, { unitId: zone.id, group: park, sign: -1 });
    }
  }
  return parts;
}
