import { createHash } from 'node:crypto';
import type { ImportProblem, ImportResult, ParcelInput } from '@yuanqu/contracts';
import { localDate } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { diff } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope } from '../auth/viewer';
import { findImportByHash, findImportByKey, insertImportBatch } from '../enterprise/import-batch.repository';
import { unitMap } from '../unit/unit.repository';
import { readParcelFile } from './parcel-import';
import { insertParcel, insertStatus } from './parcel.repository';
import { parcelColumns, type LandDeps } from './parcel.service';

const KIND = 'parcels';

/**
 * Imports parcels from a GeoJSON FeatureCollection or a zipped Shapefile (longitude/latitude or
 * 3-degree Gauss-Krüger 117°E, reprojected): every feature is checked first and any problem
 * refuses the whole file, listed by feature (record) number and property; the same file twice
 * returns the first import.
 */
export async function importParcels(deps: LandDeps, ctx: RequestContext, input: { file: Buffer; idempotencyKey: string | null }): Promise<ImportResult> {
  const { db } = deps;
  const viewer = ctx.viewer!;
  const fileHash = createHash('sha256').update(input.file).digest('hex');
  if (input.idempotencyKey) {
    const keyed = await findImportByKey(db, KIND, input.idempotencyKey);
    if (keyed && keyed.fileHash !== fileHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different file');
  }
  const previous = await findImportByHash(db, KIND, fileHash);
  if (previous) return { importId: previous.id, duplicate: true, created: 0, updated: 0, unchanged: previous.rowCount };

  const { features, problems } = readParcelFile(input.file);
  const units = [...(await unitMap(db)).values()].filter((u) => (u.kind === 'park' || u.kind === 'zone') && unitInScope(viewer, u.path));
  const usccs = [...new Set(features.map((f) => f.holderUscc).filter((u): u is string => u !== null))];
  const holders = new Map(usccs.length ? (await db.selectFrom('enterprise').select(['id', 'uscc']).where('uscc', 'in', usccs).execute()).map((e) => [e.uscc, e.id]) : []);
  const codes = features.map((f) => f.code);
  const taken = new Set(codes.length ? (await db.selectFrom('parcel').select('code').where('code', 'in', codes).execute()).map((p) => p.code) : []);
  const seen = new Map<string, number>();
  const parcels: ParcelInput[] = [];
  for (const f of features) {
    const problem = (column: string, value: string, reason: string) => problems.push({ row: f.row, column, value, reason });
    const unit = units.find((u) => u.code === f.unit || u.name === f.unit);
    if (!unit) problem('unit', f.unit, '没有这个园区或功能区，或不在您的管理范围内');
    const holderId = f.holderUscc ? holders.get(f.holderUscc) : null;
    if (holderId === undefined) problem('uscc', f.holderUscc ?? '', '企业库中没有该用地单位');
    if (taken.has(f.code)) problem('code', f.code, '地块编码已存在');
    if (seen.has(f.code)) problem('code', f.code, `与第 ${seen.get(f.code)} 个地块编码重复`);
    seen.set(f.code, f.row);
    if (!unit || holderId === undefined) continue;
    parcels.push({
      code: f.code, name: f.name, geometry: f.geometry, registeredAreaSqm: f.registeredAreaSqm, landUse: f.landUse, unitId: unit.id, holderEnterpriseId: holderId,
      tenure: f.tenure, priceYuan: f.priceYuan, contractSignedOn: f.contractSignedOn, agreedStartOn: f.agreedStartOn, agreedCompletionOn: f.agreedCompletionOn, standard: null,
      status: f.status, actualStartOn: null, developedAreaSqm: null, investmentYuan: null, governmentDelay: null, leases: [],
    });
  }
  if (problems.length > 0) {
    const sorted: ImportProblem[] = [...problems].sort((a, b) => a.row - b.row);
    throw new AppError('IMPORT_INVALID', `${sorted.length} problems; nothing was imported`, { problems: sorted });
  }
  const now = ctx.clock.now().toISOString();
  const today = localDate(ctx.clock.now());
  const importId = newId();
  await db.transaction().execute(async (trx) => {
    const events = [];
    for (const p of parcels) {
      const id = newId();
      await insertParcel(trx, { id, ...parcelColumns(p), version: 1, createdAt: now, updatedAt: now });
      await insertStatus(trx, { id: newId(), parcelId: id, status: p.status, since: today, actor: viewer.username, createdAt: now });
      const { geometry: _outline, ...audited } = p;
      events.push(auditEvent(ctx, 'parcel.create', { entityType: 'parcel', entityId: id, detail: { importId, changes: diff({}, audited) } }));
    }
    await insertImportBatch(trx, { id: importId, kind: KIND, fileHash, idempotencyKey: input.idempotencyKey, userId: viewer.userId, createdAt: now, rowCount: parcels.length, created: parcels.length, updated: 0, unchanged: 0 });
    await appendAudit(trx, [...events, auditEvent(ctx, 'parcel.import', { entityType: 'import', entityId: importId, detail: { fileHash, created: parcels.length } })]);
  });
  return { importId, duplicate: false, created: parcels.length, updated: 0, unchanged: 0 };
}
