import type { Enterprise, EnterpriseFields, EnterpriseListItem, EnterpriseStatus } from '@yuanqu/contracts';
import { notFound } from '../../lib/errors';
import { enterpriseInScope, type Viewer } from '../auth/viewer';
import { findIndustry } from '../dictionary/industry';
import type { UnitRow } from '../unit/unit.repository';
import { unitChain } from '../unit/unit';
import { contentOf, type EnterpriseRecord } from './enterprise';
import type { EnterpriseListRow } from './enterprise.repository';

type UnitRef = Enterprise['unitPath'][number];
const unitPaths = new WeakMap<ReadonlyMap<string, UnitRow>, Map<string, UnitRef[]>>();

/** The units from the root down to the enterprise's, built once per unit while the unit tree stays cached. */
function unitPathOf(units: ReadonlyMap<string, UnitRow>, unitId: string): UnitRef[] {
  let byUnit = unitPaths.get(units);
  if (!byUnit) unitPaths.set(units, (byUnit = new Map()));
  let path = byUnit.get(unitId);
  if (!path) byUnit.set(unitId, (path = unitChain(units, unitId).map((u) => ({ id: u.id, name: u.name, kind: u.kind }))));
  return path;
}

/**
 * What leaves the server about an enterprise. Scope is checked here a second time: a record the
 * viewer may not see is reported as absent, whichever service let it through.
 */
export function presentEnterprise(r: EnterpriseRecord, viewer: Viewer, units: ReadonlyMap<string, UnitRow>): Enterprise {
  if (!enterpriseInScope(viewer, r)) throw notFound('enterprise');
  return {
    id: r.id,
    ...contentOf(r),
    unitPath: unitPathOf(units, r.unitId),
    industryName: findIndustry(r.industryCode)?.name ?? null,
    status: r.status as EnterpriseStatus,
    isDemo: r.isDemo === 1,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * A list row: the columns the list shows, scope checked as for the full record (the unit's path
 * from the tree). The same for every viewer allowed to see it: the list keeps it per enterprise
 * (enterprise-list.ts), so a field hidden from some role would have to be hidden there too.
 */
export function presentListItem(r: EnterpriseListRow, viewer: Viewer, units: ReadonlyMap<string, UnitRow>): EnterpriseListItem {
  if (!enterpriseInScope(viewer, { id: r.id, unitPath: units.get(r.unitId)?.path ?? '' })) throw notFound('enterprise');
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    unitId: r.unitId,
    unitPath: unitPathOf(units, r.unitId),
    industryChain: r.industryChain as EnterpriseFields['industryChain'],
    industryCode: r.industryCode,
    industryName: findIndustry(r.industryCode)?.name ?? null,
    category: r.category as EnterpriseFields['category'],
    scale: r.scale as EnterpriseFields['scale'],
    establishedOn: r.establishedOn,
    twoHigh: r.twoHigh === 1,
    nearYangtze: r.nearYangtze === 1,
    cloudAdopted: r.cloudAdopted === 1,
    cncRate: r.cncRate,
    qualifications: r.qualifications,
    status: r.status as EnterpriseStatus,
    isDemo: r.isDemo === 1,
    updatedAt: r.updatedAt,
  };
}
