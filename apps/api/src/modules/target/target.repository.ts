import type { Db, Trx } from '../../db/database';
import type { StatTargetTable } from '../../db/schema';
import type { TargetRow } from './measure';

export function listTargets(db: Db, status: 'active' | 'retired' | 'all'): Promise<TargetRow[]> {
  let q = db.selectFrom('statTarget').selectAll();
  if (status !== 'all') q = q.where('status', '=', status);
  return q.orderBy('sortOrder').orderBy('createdAt').execute();
}

export function findTarget(db: Db | Trx, id: string): Promise<TargetRow | undefined> {
  return db.selectFrom('statTarget').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A target by its code (the plan's targets have fixed codes such as `standardFactory2025`). */
export function findTargetByCode(db: Db | Trx, code: string): Promise<TargetRow | undefined> {
  return db.selectFrom('statTarget').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function nextSortOrder(trx: Trx): Promise<number> {
  const { n } = await trx.selectFrom('statTarget').select((eb) => eb.fn.max('sortOrder').as('n')).executeTakeFirstOrThrow();
  return (n === null ? -1 : Number(n)) + 1;
}

export async function insertTarget(trx: Trx, row: StatTargetTable): Promise<void> {
  await trx.insertInto('statTarget').values(row).execute();
}

/** Saves a target read at `version`; false when someone changed it since. */
export async function updateTarget(trx: Trx, id: string, version: number, set: Partial<StatTargetTable>): Promise<boolean> {
  const done = await trx
    .updateTable('statTarget')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}
