import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { StandardFactoryTable } from '../../db/schema';

export type FactoryRow = Selectable<StandardFactoryTable>;

/** Every building, newest completion first (scope is applied by the caller on the unit tree). */
export function listFactoryRows(db: Db): Promise<FactoryRow[]> {
  return db.selectFrom('standardFactory').selectAll().orderBy('completedOn', 'desc').orderBy('code').execute();
}

export function findFactoryRow(db: Db | Trx, id: string): Promise<FactoryRow | undefined> {
  return db.selectFrom('standardFactory').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function codeTaken(trx: Trx, code: string): Promise<boolean> {
  return (await trx.selectFrom('standardFactory').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertFactory(trx: Trx, row: FactoryRow): Promise<void> {
  await trx.insertInto('standardFactory').values(row).execute();
}

/** Saves a building read at `version`; false when someone changed it since. */
export async function updateFactoryRow(trx: Trx, id: string, version: number, set: Partial<FactoryRow>): Promise<boolean> {
  const done = await trx
    .updateTable('standardFactory')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Names of the enterprises with these ids (unknown ids are missing from the map), in one query per 500. */
export async function enterpriseNames(db: Db | Trx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('enterprise').select(['id', 'name']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
