import type { Enterprise, EnterpriseFields, EnterpriseListItem, EnterpriseStatus } from '@yuanqu/contracts';
import { notFound } from '../../lib/errors';
import { enterpriseInScope, type Viewer } from '../auth/viewer';
import { findIndustry } from '../dictionary/industry';
import type { UnitRow } from '../unit/unit.repository';
import { unitChain } from '../unit/unit';
import { contentOf, type EnterpriseRecord } from './enterprise';
import type { EnterpriseListRow } from './enterprise.repository';

/**
 * What leaves the server about an enterprise. Scope is checked here a second time: a record the
 * viewer may not see is reported as absent, whichever service let it through.
 */
export function presentEnterprise(r: EnterpriseRecord, viewer: Viewer, units: ReadonlyMap<string, UnitRow>): Enterprise {
  if (!enterpriseInScope(viewer, r)) throw notFound('enterprise');
  return {
    id: r.id,
    ...contentOf(r),
    unitPath: unitChain(units, r.unitId).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    industryName: findIndustry(r.industryCode)?.name ?? null,
    status: r.status as EnterpriseStatus,
    isDemo: r.isDemo === 1,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** A list row: the columns the list shows, scope checked as for the full record. */
export function presentListItem(r: EnterpriseListRow, viewer: Viewer, units: ReadonlyMap<string, UnitRow>): EnterpriseListItem {
  if (!enterpriseInScope(viewer, r)) throw notFound('enterprise');
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    unitId: r.unitId,
    unitPath: unitChain(units, r.unitId).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
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
