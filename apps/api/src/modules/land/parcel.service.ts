import {
  SQM_PER_MU,
  type EnterpriseLand,
  type GovernmentDelay,
  type LandUse,
  type Parcel,
  type ParcelCollection,
  type ParcelGeometry,
  type ParcelInput,
  type ParcelListQuery,
  type ParcelMapCollection,
  type ParcelStatus,
  type ParcelUpdate,
  type StandardLand,
  type Tenure,
} from '@yuanqu/contracts';
import type { Config } from '../../config';
import type { Db, Trx } from '../../db/database';
import { likeOperator } from '../../db/dialect';
import { localDate } from '../../lib/clock';
import { AppError, conflict, notFound } from '../../lib/errors';
import { geometryAreaSqm, geometryProblem } from '../../lib/geo';
import { newId } from '../../lib/ids';
import { diff } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { enterpriseInScope, unitInScope, type Viewer } from '../auth/viewer';
import { readSetting } from '../setting/setting.repository';
import { unitMap } from '../unit/unit.repository';
import * as repo from './parcel.repository';
import { parcelShoreline, shorelines, type Shorelines } from './shoreline.service';

export interface LandDeps {
  db: Db;
  config: Config;
}

export const LAND_SETTINGS_KEY = 'land';
/** The outline's area may differ from the registered one by this share before it is flagged. */
export const DEFAULT_LAND_SETTINGS = { areaTolerance: 0.05 };

function bbox(g: ParcelGeometry) {
  const points = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return { minLon: Math.min(...xs), minLat: Math.min(...ys), maxLon: Math.max(...xs), maxLat: Math.max(...ys) };
}

function present(r: repo.ParcelRow, leases: repo.NamedLeaseRow[], statuses: repo.StatusRow[], tolerance: number, shore: Shorelines, viewer: Viewer): Parcel {
  if (!unitInScope(viewer, r.unitPath)) throw notFound('parcel');
  const geometry = JSON.parse(r.geometry) as ParcelGeometry;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    geometry,
    registeredAreaSqm: r.registeredAreaSqm,
    computedAreaSqm: Math.round(r.computedAreaSqm * 100) / 100,
    areaMu: Math.round((r.registeredAreaSqm / SQM_PER_MU) * 100) / 100,
    areaMismatch: Math.abs(r.computedAreaSqm / r.registeredAreaSqm - 1) > tolerance,
    landUse: r.landUse as LandUse,
    unitId: r.unitId,
    unitName: r.unitName,
    holderEnterpriseId: r.holderEnterpriseId,
    holderName: r.holderName,
    shorelineDistance: parcelShoreline(shore, geometry),
    tenure: r.tenure as Tenure | null,
    priceYuan: r.priceYuan === null ? null : Number(r.priceYuan),
    contractSignedOn: r.contractSignedOn,
    agreedStartOn: r.agreedStartOn,
    agreedCompletionOn: r.agreedCompletionOn,
    standard: r.standard === null ? null : (JSON.parse(r.standard) as StandardLand),
    status: r.status as ParcelStatus,
    actualStartOn: r.actualStartOn,
    developedAreaSqm: r.developedAreaSqm,
    investmentYuan: r.investmentYuan === null ? null : Number(r.investmentYuan),
    governmentDelay: r.governmentDelay === null ? null : (JSON.parse(r.governmentDelay) as GovernmentDelay),
    leases: leases.map((l) => ({ lesseeEnterpriseId: l.lesseeEnterpriseId, lesseeName: l.lesseeName, areaSqm: l.areaSqm, from: l.fromOn, to: l.toOn })),
    statusHistory: statuses.map((s) => ({ status: s.status as ParcelStatus, since: s.since, actor: s.actor })),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

async function tolerance(db: Db | Trx): Promise<number> {
  return (await readSetting(db, LAND_SETTINGS_KEY, DEFAULT_LAND_SETTINGS)).value.areaTolerance;
}

export async function getParcel(deps: LandDeps, viewer: Viewer, id: string): Promise<Parcel> {
  const r = await repo.findParcel(deps.db, id);
  if (!r || !unitInScope(viewer, r.unitPath)) throw notFound('parcel');
  const { leases, statuses } = await repo.parcelDetails(deps.db, [id]);
  return present(r, leases.get(id) ?? [], statuses.get(id) ?? [], await tolerance(deps.db), await shorelines(deps.db), viewer);
}

export async function listParcels(deps: LandDeps, viewer: Viewer, query: ParcelListQuery): Promise<ParcelCollection> {
  const units = await unitMap(deps.db);
  const unitPath = query.unitId ? (units.get(query.unitId)?.path ?? '/none/') : undefined;
  const rows = await repo.listParcels(deps.db, viewer, { ...query, unitPath }, likeOperator(deps.config.database));
  const { leases, statuses } = await repo.parcelDetails(deps.db, rows.map((r) => r.id));
  const tol = await tolerance(deps.db);
  const shore = await shorelines(deps.db);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => {
      const { geometry, ...properties } = present(r, leases.get(r.id) ?? [], statuses.get(r.id) ?? [], tol, shore, viewer);
      return { type: 'Feature' as const, id: r.id, geometry, properties };
    }),
  };
}

/**
 * The parcels for the map and its table: outline, code, name, status, holder, unit and 亩 — no
 * histories, leases or distances, so a base of tens of thousands of parcels loads in one request.
 */
export async function listParcelMap(deps: LandDeps, viewer: Viewer, query: ParcelListQuery): Promise<ParcelMapCollection> {
  const units = await unitMap(deps.db);
  const unitPath = query.unitId ? (units.get(query.unitId)?.path ?? '/none/') : undefined;
  const rows = await repo.listParcels(deps.db, viewer, { ...query, unitPath }, likeOperator(deps.config.database));
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: JSON.parse(r.geometry) as ParcelGeometry,
      properties: { id: r.id, code: r.code, name: r.name, status: r.status as ParcelStatus, holderEnterpriseId: r.holderEnterpriseId, holderName: r.holderName, unitName: r.unitName, areaMu: Math.round((r.registeredAreaSqm / SQM_PER_MU) * 100) / 100 },
    })),
  };
}

/** Checks what a parcel refers to: its outline, its unit (a park or zone in scope), its holder and lessees. */
async function assertValid(deps: LandDeps, viewer: Viewer, p: ParcelInput): Promise<void> {
  const problem = geometryProblem(p.geometry);
  if (problem) throw new AppError('VALIDATION', `the outline is not usable: ${problem}`, { field: 'geometry', reason: problem });
  const unit = (await unitMap(deps.db)).get(p.unitId);
  if (!unit || !unitInScope(viewer, unit.path) || (unit.kind !== 'park' && unit.kind !== 'zone')) throw new AppError('VALIDATION', 'a parcel lies in a park or a zone', { field: 'unitId' });
  const ids = [...new Set([p.holderEnterpriseId, ...p.leases.map((l) => l.lesseeEnterpriseId)].filter((x): x is string => x !== null))];
  const found = ids.length ? await deps.db.selectFrom('enterprise').select('id').where('id', 'in', ids).execute() : [];
  if (found.length !== ids.length) throw new AppError('VALIDATION', 'unknown enterprise', { field: 'holderEnterpriseId' });
  const leased = p.leases.reduce((s, l) => s + l.areaSqm, 0);
  if (leased > p.registeredAreaSqm) throw new AppError('VALIDATION', 'more area leased out than the parcel has', { field: 'leases' });
}

/** The parcel's columns: outline as text, its ellipsoidal area and bounding box. */
export function parcelColumns(p: ParcelInput) {
  const { geometry, standard, governmentDelay, leases: _leases, ...rest } = p;
  return {
    ...rest,
    governmentDelay: governmentDelay === null ? null : JSON.stringify(governmentDelay),
    geometry: JSON.stringify(geometry),
    standard: standard === null ? null : JSON.stringify(standard), computedAreaSqm: geometryAreaSqm(geometry), ...bbox(geometry) };
}

export const leaseRows = (p: ParcelInput) => p.leases.map((l, i) => ({ id: newId(), lesseeEnterpriseId: l.lesseeEnterpriseId, areaSqm: l.areaSqm, fromOn: l.from, toOn: l.to, position: i }));

export async function createParcel(deps: LandDeps, ctx: RequestContext, input: ParcelInput): Promise<Parcel> {
  const viewer = ctx.viewer!;
  await assertValid(deps, viewer, input);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('parcel').select('id').where('code', '=', input.code).executeTakeFirst()) throw new AppError('DUPLICATE', 'a parcel with this code exists', { field: 'code' });
    await repo.insertParcel(trx, { id, ...parcelColumns(input), version: 1, createdAt: now, updatedAt: now });
    await repo.replaceLeases(trx, id, leaseRows(input));
    await repo.insertStatus(trx, { id: newId(), parcelId: id, status: input.status, since: localDate(ctx.clock.now()), actor: viewer.username, createdAt: now });
    const { geometry: _g, ...audited } = input;
    await appendAudit(trx, [auditEvent(ctx, 'parcel.create', { entityType: 'parcel', entityId: id, detail: { changes: diff({}, audited) } })]);
  });
  return getParcel(deps, viewer, id);
}

export async function updateParcel(deps: LandDeps, ctx: RequestContext, id: string, patch: ParcelUpdate): Promise<Parcel> {
  const viewer = ctx.viewer!;
  const current = await getParcel(deps, viewer, id);
  const { version, statusSince, ...changes } = patch;
  const { id: _id, computedAreaSqm: _c, areaMu: _m, areaMismatch: _x, holderName: _h, shorelineDistance: _d, unitName: _n, statusHistory: _s, version: _v, updatedAt: _u, leases: named, ...rest } = current;
  const before: ParcelInput = { ...rest, leases: named.map(({ lesseeName: _l, ...lease }) => lease) };
  const next: ParcelInput = { ...before, ...changes };
  await assertValid(deps, viewer, next);
  const now = ctx.clock.now().toISOString();
  const saved = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateParcel(trx, id, version, { ...parcelColumns(next), updatedAt: now }))) return false;
    if (changes.leases) await repo.replaceLeases(trx, id, leaseRows(next));
    if (next.status !== before.status) {
      await repo.insertStatus(trx, { id: newId(), parcelId: id, status: next.status, since: statusSince ?? localDate(ctx.clock.now()), actor: viewer.username, createdAt: now });
    }
    const { geometry: g1, ...a } = before;
    const { geometry: g2, ...b } = next;
    const changesLogged = { ...diff(a, b), ...(JSON.stringify(g1) !== JSON.stringify(g2) ? { geometry: { old: 'outline', new: 'outline changed' } } : {}) };
    await appendAudit(trx, [auditEvent(ctx, 'parcel.update', { entityType: 'parcel', entityId: id, detail: { changes: changesLogged } })]);
    return true;
  });
  const after = await getParcel(deps, viewer, id);
  if (!saved) throw conflict(after);
  return after;
}

const activeOn = (day: string) => (l: { fromOn: string; toOn: string | null }) => l.fromOn <= day && (l.toOn === null || l.toOn >= day);

/**
 * An enterprise's land for the per-mu evaluation (methodology §1): its own land-use rights (出让,
 * 划拨) plus land it rents (a lease on another's parcel, or a parcel held by 租赁) minus what it
 * leases out, counting the leases in force on `asOf`; recovered parcels count for nobody.
 */
export function landArea(enterpriseId: string, { held, leasedIn, leasedOut }: repo.LandRows, asOf: string): EnterpriseLand {
  const live = held.filter((p) => p.status !== 'recovered');
  const ownSqm = live.filter((p) => p.tenure === 'transfer' || p.tenure === 'allocation').reduce((s, p) => s + p.registeredAreaSqm, 0);
  const rentedParcels = live.filter((p) => p.tenure === 'lease').reduce((s, p) => s + p.registeredAreaSqm, 0);
  const liveIds = new Set(live.map((p) => p.id));
  const leasedInSqm = rentedParcels + leasedIn.filter(activeOn(asOf)).reduce((s, l) => s + l.areaSqm, 0);
  const leasedOutSqm = leasedOut.filter((l) => liveIds.has(l.parcelId) && activeOn(asOf)(l)).reduce((s, l) => s + l.areaSqm, 0);
  const totalSqm = ownSqm + leasedInSqm - leasedOutSqm;
  return { enterpriseId, ownSqm, leasedInSqm, leasedOutSqm, totalSqm, totalMu: Math.round((totalSqm / SQM_PER_MU) * 100) / 100, asOf };
}

export async function enterpriseLand(deps: LandDeps, viewer: Viewer, enterpriseId: string, asOf: string): Promise<EnterpriseLand> {
  const e = await deps.db.selectFrom('enterprise').innerJoin('unit', 'unit.id', 'enterprise.unitId').select(['enterprise.id', 'unit.path as unitPath']).where('enterprise.id', '=', enterpriseId).executeTakeFirst();
  if (!e || !enterpriseInScope(viewer, e)) throw notFound('enterprise');
  return landArea(enterpriseId, (await repo.landOfMany(deps.db, [enterpriseId])).get(enterpriseId)!, asOf);
}
