import type { Enterprise, EnterpriseStatus } from '@yuanqu/contracts';
import { notFound } from '../../lib/errors';
import { enterpriseInScope, type Viewer } from '../auth/viewer';
import { findIndustry } from '../dictionary/industry';
import type { UnitRow } from '../unit/unit.repository';
import { unitChain } from '../unit/unit';
import { contentOf, type EnterpriseRecord } from './enterprise';

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
