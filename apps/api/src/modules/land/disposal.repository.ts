import type { DisposalListQuery } from '@yuanqu/contracts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { DisposalCaseStateTable, DisposalCaseTable, DisposalMilestoneTable } from '../../db/schema';

export type CaseRow = Selectable<DisposalCaseTable> & { enterpriseName: string | null; incomingEnterpriseName: string | null };
export type MilestoneRow = Selectable<DisposalMilestoneTable>;
export type CaseStateRow = Selectable<DisposalCaseStateTable>;
/** A case's parcel with what the case shows of it and the path that decides who may see it. */
export interface CaseParcelRow {
  caseId: string;
  id: string;
  code: string;
  name: string | null;
  registeredAreaSqm: number;
  status: string;
  unitName: string;
  unitPath: string;
}

function withNames(db: Db | Trx) {
  return db
    .selectFrom('disposalCase as c')
    .leftJoin('enterprise as e', 'e.id', 'c.enterpriseId')
    .leftJoin('enterprise as i', 'i.id', 'c.incomingEnterpriseId')
    .selectAll('c')
    .select(['e.name as enterpriseName', 'i.name as incomingEnterpriseName']);
}

export function findCase(db: Db | Trx, id: string): Promise<CaseRow | undefined> {
  return withNames(db).where('c.id', '=', id).executeTakeFirst();
}

/** Cases by kind, state and text (code, title, enterprise), newest start first; scope is the service's. */
export function listCases(db: Db, q: Omit<DisposalListQuery, 'unitId'>, like: 'like' | 'ilike'): Promise<CaseRow[]> {
  let query = withNames(db);
  if (q.kind) query = query.where('c.kind', '=', q.kind);
  if (q.state) query = query.where('c.state', '=', q.state);
  if (q.q) {
    const text = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) => eb.or([eb('c.code', like, text), eb('c.title', like, text), eb('e.name', like, text), eb('i.name', like, text)]));
  }
  return query.orderBy('c.code', 'desc').execute();
}

const group = <T extends { caseId: string }>(rows: T[], into: Map<string, T[]>) => {
  for (const r of rows) into.set(r.caseId, [...(into.get(r.caseId) ?? []), r]);
};

/** Parcels, milestones and state histories of some cases, by case id, in three queries per 500 cases. */
export async function caseDetails(db: Db | Trx, ids: string[]) {
  const parcels = new Map<string, CaseParcelRow[]>();
  const milestones = new Map<string, MilestoneRow[]>();
  const states = new Map<string, CaseStateRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const linked = await db
      .selectFrom('disposalCaseParcel as l')
      .innerJoin('parcel as p', 'p.id', 'l.parcelId')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['l.caseId', 'p.id', 'p.code', 'p.name', 'p.registeredAreaSqm', 'p.status', 'u.name as unitName', 'u.path as unitPath'])
      .where('l.caseId', 'in', part)
      .orderBy('l.position')
      .execute();
    group(linked, parcels);
    group(await db.selectFrom('disposalMilestone').selectAll().where('caseId', 'in', part).orderBy('position').execute(), milestones);
    group(await db.selectFrom('disposalCaseState').selectAll().where('caseId', 'in', part).orderBy('since').orderBy('createdAt').execute(), states);
  }
  return { parcels, milestones, states };
}

/** The cases with a parcel in a park or zone subtree. */
export async function caseIdsInUnit(db: Db, unitPath: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('disposalCaseParcel as l')
    .innerJoin('parcel as p', 'p.id', 'l.parcelId')
    .innerJoin('unit as u', 'u.id', 'p.unitId')
    .select('l.caseId')
    .where('u.path', 'like', `${unitPath}%`)
    .execute();
  return new Set(rows.map((r) => r.caseId));
}

export async function codesOfYear(trx: Trx, year: string): Promise<string[]> {
  return (await trx.selectFrom('disposalCase').select('code').where('code', 'like', `CZ-${year}-%`).execute()).map((r) => r.code);
}

export async function insertCase(trx: Trx, row: Insertable<DisposalCaseTable>): Promise<void> {
  await trx.insertInto('disposalCase').values(row).execute();
}

/** Writes the case if it is still at `version`, moving it to the next; false when someone was first. */
export async function updateCase(trx: Trx, id: string, version: number, set: Updateable<DisposalCaseTable>): Promise<boolean> {
  const done = await trx
    .updateTable('disposalCase')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function replaceParcels(trx: Trx, caseId: string, parcelIds: string[]): Promise<void> {
  await trx.deleteFrom('disposalCaseParcel').where('caseId', '=', caseId).execute();
  await trx.insertInto('disposalCaseParcel').values(parcelIds.map((parcelId, position) => ({ caseId, parcelId, position }))).execute();
}

export async function insertState(trx: Trx, row: CaseStateRow): Promise<void> {
  await trx.insertInto('disposalCaseState').values(row).execute();
}

export async function insertMilestones(trx: Trx, rows: MilestoneRow[]): Promise<void> {
  if (rows.length) await trx.insertInto('disposalMilestone').values(rows).execute();
}

export async function updateMilestone(trx: Trx, id: string, set: Updateable<DisposalMilestoneTable>): Promise<void> {
  await trx.updateTable('disposalMilestone').set(set).where('id', '=', id).execute();
}
