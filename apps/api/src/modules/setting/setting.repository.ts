import type { Db, Trx } from '../../db/database';

/** A committee-editable setting: its value (the shipped default until first saved) and version. */
export interface Stored<T> {
  value: T;
  version: number;
}

export async function readSetting<T extends object>(db: Db | Trx, key: string, defaults: T): Promise<Stored<T>> {
  const row = await db.selectFrom('setting').select(['value', 'version']).where('key', '=', key).executeTakeFirst();
  if (!row) return { value: defaults, version: 1 };
  return { value: { ...defaults, ...(JSON.parse(row.value) as Partial<T>) }, version: row.version };
}

/** Saves a setting read at `version`; false when someone saved it since (the caller answers 409). */
export async function writeSetting(trx: Trx, key: string, value: object, version: number, now: string): Promise<boolean> {
  const row = await trx.selectFrom('setting').select('version').where('key', '=', key).executeTakeFirst();
  if ((row?.version ?? 1) !== version) return false;
  if (!row) {
    const done = await trx
      .insertInto('setting')
      .values({ key, value: JSON.stringify(value), version: version + 1, updatedAt: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(done.numInsertedOrUpdatedRows) === 1;
  }
  const done = await trx.updateTable('setting').set({ value: JSON.stringify(value), version: version + 1, updatedAt: now }).where('key', '=', key).where('version', '=', version).executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}
