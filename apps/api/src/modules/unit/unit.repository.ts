import type { Unit, UnitKind } from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import { readChanges, type Changes } from '../../db/change-counter';
import type { UnitTable } from '../../db/schema';

export type UnitRow = UnitTable;

export function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('unit').selectAll().orderBy('path').orderBy('sortOrder').execute();
}

const cache = new WeakMap<Db, { unitChanges: number; byId: Map<string, UnitRow> }>();

/**
 * Every unit by id, read again only after the unit table changed (its change counter, bumped by a
 * trigger on every write from any process): one small read instead of a thousand rows per request.
 * A caller that has just read the counters passes them, saving the read.
 */
export async function unitMap(db: Db, changes?: Changes): Promise<ReadonlyMap<string, UnitRow>> {
  const { unit } = changes ?? (await readChanges(db));
  const hit = cache.get(db);
  if (hit?.unitChanges === unit) return hit.byId;
  const byId = new Map((await listUnits(db)).map((u) => [u.id, u]));
  cache.set(db, { unitChanges: unit, byId });
  return byId;
}

export async function unitPathsOf(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('unit').select('path').where('id', 'in', ids).execute();
  return rows.map((r) => r.path);
}

export function findUnit(db: Db | Trx, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Db | Trx, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertUnits(trx: Trx, rows: UnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('unit').values(rows.slice(i, i + 500)).execute();
}

export function presentUnit(row: UnitRow): Unit {
  return { id: row.id, parentId: row.parentId, kind: row.kind as UnitKind, code: row.code, name: row.name };
}

export async function enterpriseUnitPath(db: Db, enterpriseId: string): Promise<string | undefined> {
  const row = await db.selectFrom('enterprise').innerJoin('unit', 'unit.id', 'enterprise.unitId').select('unit.path').where('enterprise.id', '=', enterpriseId).executeTakeFirst();
  return row?.path;
}
