import type { ParcelListQuery } from '@yuanqu/contracts';
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { ParcelLeaseTable, ParcelStatusTable, ParcelTable } from '../../db/schema';
import type { Viewer } from '../auth/viewer';

export type ParcelRow = Selectable<ParcelTable> & { holderName: string | null; unitPath: string; unitName: string };
export type LeaseRow = Selectable<ParcelLeaseTable>;
export type NamedLeaseRow = LeaseRow & { lesseeName: string | null };
export type StatusRow = Selectable<ParcelStatusTable>;

function withHolder(db: Db | Trx) {
  return db
    .selectFrom('parcel as p')
    .innerJoin('unit as u', 'u.id', 'p.unitId')
    .leftJoin('enterprise as e', 'e.id', 'p.holderEnterpriseId')
    .selectAll('p')
    .select(['e.name as holderName', 'u.path as unitPath', 'u.name as unitName']);
}

export function findParcel(db: Db | Trx, id: string): Promise<ParcelRow | undefined> {
  return withHolder(db).where('p.id', '=', id).executeTakeFirst();
}

export async function listParcels(db: Db, viewer: Pick<Viewer, 'unitPaths'>, q: ParcelListQuery & { unitPath?: string }, like: 'like' | 'ilike'): Promise<ParcelRow[]> {
  let query = withHolder(db);
  if (viewer.unitPaths !== null) {
    const paths = viewer.unitPaths;
    query = query.where((eb) => (paths.length ? eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`))) : eb.lit(false)));
  }
  if (q.unitPath) query = query.where('u.path', 'like', `${q.unitPath}%`);
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.holderEnterpriseId) query = query.where('p.holderEnterpriseId', '=', q.holderEnterpriseId);
  if (q.q) {
    const text = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('p.code', like, text), eb('p.name', like, text), eb('e.name', like, text)]));
  }
  return query.orderBy('p.code').execute();
}

/** Leases and status histories of some parcels, by parcel id. */
export async function parcelDetails(db: Db | Trx, ids: string[]): Promise<{ leases: Map<string, NamedLeaseRow[]>; statuses: Map<string, StatusRow[]> }> {
  const leases = new Map<string, NamedLeaseRow[]>();
  const statuses = new Map<string, StatusRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const named = await db
      .selectFrom('parcelLease as l')
      .leftJoin('enterprise as e', 'e.id', 'l.lesseeEnterpriseId')
      .selectAll('l')
      .select('e.name as lesseeName')
      .where('l.parcelId', 'in', part)
      .orderBy('l.position')
      .execute();
    for (const l of named) leases.set(l.parcelId, [...(leases.get(l.parcelId) ?? []), l]);
    for (const s of await db.selectFrom('parcelStatus').selectAll().where('parcelId', 'in', part).orderBy('since').orderBy('createdAt').execute()) statuses.set(s.parcelId, [...(statuses.get(s.parcelId) ?? []), s]);
  }
  return { leases, statuses };
}

export async function insertParcel(trx: Trx, row: Selectable<ParcelTable>): Promise<void> {
  await trx.insertInto('parcel').values(row).execute();
}

export async function updateParcel(trx: Trx, id: string, version: number, set: Partial<Selectable<ParcelTable>>): Promise<boolean> {
  const done = await trx
    .updateTable('parcel')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function replaceLeases(trx: Trx, parcelId: string, leases: Omit<LeaseRow, 'parcelId'>[]): Promise<void> {
  await trx.deleteFrom('parcelLease').where('parcelId', '=', parcelId).execute();
  if (leases.length) await trx.insertInto('parcelLease').values(leases.map((l) => ({ ...l, parcelId }))).execute();
}

export async function insertStatus(trx: Trx, row: StatusRow): Promise<void> {
  await trx.insertInto('parcelStatus').values(row).execute();
}

/** The land an enterprise holds and the leases on either side of it, for its land area. */
export interface LandRows {
  held: Pick<ParcelRow, 'id' | 'tenure' | 'status' | 'registeredAreaSqm'>[];
  leasedIn: LeaseRow[];
  leasedOut: LeaseRow[];
}

/** Enterprises per chunk of `landOfMany`: two queries each, the ids far under SQLite's 32,766 parameters. */
const LAND_CHUNK = 2000;

/**
 * What each enterprise holds, rents and leases out, in two queries per 2,000 enterprises: the
 * leases it rents, and the parcels it holds each with the leases on it (a parcel without leases
 * comes once, with none).
 */
export async function landOfMany(db: Db, enterpriseIds: readonly string[]): Promise<Map<string, LandRows>> {
  const out = new Map<string, LandRows>(enterpriseIds.map((id) => [id, { held: [], leasedIn: [], leasedOut: [] }]));
  for (let i = 0; i < enterpriseIds.length; i += LAND_CHUNK) {
    const part = enterpriseIds.slice(i, i + LAND_CHUNK);
    for (const l of await db.selectFrom('parcelLease').selectAll().where('lesseeEnterpriseId', 'in', part).execute()) out.get(l.lesseeEnterpriseId)!.leasedIn.push(l);
    const held = await db
      .selectFrom('parcel as p')
      .leftJoin('parcelLease as l', 'l.parcelId', 'p.id')
      .select(['p.id', 'p.tenure', 'p.status', 'p.registeredAreaSqm', 'p.holderEnterpriseId', 'l.id as leaseId', 'l.lesseeEnterpriseId', 'l.areaSqm', 'l.fromOn', 'l.toOn', 'l.position'])
      .where('p.holderEnterpriseId', 'in', part)
      .execute();
    const seen = new Set<string>();
    for (const r of held) {
      const land = out.get(r.holderEnterpriseId!)!;
      if (!seen.has(r.id)) land.held.push({ id: r.id, tenure: r.tenure, status: r.status, registeredAreaSqm: r.registeredAreaSqm });
      seen.add(r.id);
      if (r.leaseId !== null) land.leasedOut.push({ id: r.leaseId, parcelId: r.id, lesseeEnterpriseId: r.lesseeEnterpriseId!, areaSqm: r.areaSqm!, fromOn: r.fromOn!, toOn: r.toOn, position: r.position! });
    }
  }
  return out;
}
