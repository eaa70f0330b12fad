import { GOVERNMENT_DELAY_CAUSES, GOVERNMENT_DELAY_OPTIONS, type GovernmentDelay, type StandardLand } from '@yuanqu/contracts';
import { z } from 'zod';
import type { Db } from '../../db/database';
import { unitInScope, type Viewer } from '../auth/viewer';
import { idleFinding } from './idle';

export const idleCheckSchema = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      parcelId: z.string(),
      code: z.string(),
      name: z.string().nullable(),
      holderEnterpriseId: z.string().nullable(),
      holderName: z.string().nullable(),
      kind: z.enum(['idleFee', 'recovery', 'governmentDelay']),
      cause: z.enum(GOVERNMENT_DELAY_CAUSES).nullable(),
      options: z.array(z.enum(GOVERNMENT_DELAY_OPTIONS)).nullable(),
      idleSince: z.string(),
      fullYears: z.number().int(),
      priceYuan: z.number().nullable(),
      feeYuan: z.number().nullable(),
      rule: z.enum(['notStarted', 'stalled']),
    }),
  ),
});
export type IdleCheck = z.infer<typeof idleCheckSchema>;

/** The idle-land rules applied to every parcel in the viewer's scope on a day (the on-demand check). */
export async function idleCheck(db: Db, viewer: Pick<Viewer, 'unitPaths'>, asOf: string): Promise<IdleCheck> {
  const parcels = await db
    .selectFrom('parcel as p')
    .innerJoin('unit as u', 'u.id', 'p.unitId')
    .leftJoin('enterprise as e', 'e.id', 'p.holderEnterpriseId')
    .select(['p.id', 'p.code', 'p.name', 'p.status', 'p.agreedStartOn', 'p.actualStartOn', 'p.registeredAreaSqm', 'p.developedAreaSqm', 'p.investmentYuan', 'p.priceYuan', 'p.standard', 'p.governmentDelay', 'p.holderEnterpriseId', 'e.name as holderName', 'u.path'])
    .where('p.status', 'in', ['suppliedNotStarted', 'suspended'])
    .orderBy('p.code')
    .execute();
  const since = new Map<string, string>();
  const ids = parcels.map((p) => p.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('parcelStatus').select(['parcelId', 'status', 'since']).where('parcelId', 'in', ids.slice(i, i + 500)).orderBy('since').orderBy('createdAt').execute();
    for (const r of rows) since.set(r.parcelId, r.since);
  }
  const items: IdleCheck['items'] = [];
  for (const p of parcels) {
    if (!unitInScope(viewer, p.path)) continue;
    const priceYuan = p.priceYuan === null ? null : Number(p.priceYuan);
    const standard = p.standard === null ? null : (JSON.parse(p.standard) as StandardLand);
    const finding = idleFinding(
      {
        status: p.status,
        agreedStartOn: p.agreedStartOn,
        actualStartOn: p.actualStartOn,
        statusSince: since.get(p.id) ?? asOf,
        registeredAreaSqm: p.registeredAreaSqm,
        developedAreaSqm: p.developedAreaSqm,
        investmentYuan: p.investmentYuan === null ? null : Number(p.investmentYuan),
        priceYuan,
        investmentIntensity: standard?.investmentIntensity ?? null,
        governmentDelay: p.governmentDelay !== null,
      },
      asOf,
    );
    const cause = p.governmentDelay === null ? null : (JSON.parse(p.governmentDelay) as GovernmentDelay).cause;
    if (finding) items.push({ parcelId: p.id, code: p.code, name: p.name, holderEnterpriseId: p.holderEnterpriseId, holderName: p.holderName, priceYuan, ...finding, options: finding.options ? [...finding.options] : null, cause });
  }
  return { asOf, items };
}
