import type { Insertable, Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { EvaluationSchemeTable } from '../../db/schema';

export type SchemeRow = Selectable<EvaluationSchemeTable>;
/** A scheme row with how many runs used it and the version number of the one it was copied from. */
export type SchemeListRow = SchemeRow & { runs: number; basedOnVersion: number | null };

function withUse(db: Db | Trx) {
  return db
    .selectFrom('evaluationScheme as s')
    .leftJoin('evaluationScheme as p', 'p.id', 's.basedOn')
    .selectAll('s')
    .select((eb) => [
      'p.schemeVersion as basedOnVersion',
      eb.selectFrom('evaluationRun as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.schemeId', '=', 's.id').as('runs'),
    ]);
}

const counted = (r: Omit<SchemeListRow, 'runs'> & { runs: number | string | bigint | null }): SchemeListRow => ({ ...r, runs: Number(r.runs ?? 0) });

/** Every version, by code, newest version first. */
export async function listSchemeRows(db: Db): Promise<SchemeListRow[]> {
  return (await withUse(db).orderBy('s.code').orderBy('s.schemeVersion', 'desc').execute()).map(counted);
}

export async function findSchemeRow(db: Db | Trx, id: string): Promise<SchemeListRow | undefined> {
  const row = await withUse(db).where('s.id', '=', id).executeTakeFirst();
  return row && counted(row);
}

/** The newest version of a code (the one runs use when none is named). */
export function newestSchemeRow(db: Db, code: string): Promise<SchemeRow | undefined> {
  return db.selectFrom('evaluationScheme').selectAll().where('code', '=', code).orderBy('schemeVersion', 'desc').limit(1).executeTakeFirst();
}

/** The highest version number of a code and how many versions it has. */
export async function versionsOf(db: Db | Trx, code: string): Promise<{ max: number; count: number }> {
  const row = await db
    .selectFrom('evaluationScheme')
    .select((eb) => [eb.fn.max('schemeVersion').as('max'), eb.fn.countAll<number>().as('count')])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { max: Number(row.max ?? 0), count: Number(row.count) };
}

/** How many versions were copied from this one. */
export async function copiesOf(db: Db | Trx, id: string): Promise<number> {
  const row = await db.selectFrom('evaluationScheme').select((eb) => eb.fn.countAll<number>().as('n')).where('basedOn', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertScheme(trx: Trx, row: Insertable<EvaluationSchemeTable>): Promise<void> {
  await trx.insertInto('evaluationScheme').values(row).execute();
}

/** Saves an unfrozen version's scheme if its row version is still `version`; false when it changed or froze meanwhile. */
export async function updateScheme(trx: Trx, id: string, version: number, set: { name: string; body: string; updatedAt: string }): Promise<boolean> {
  const res = await trx
    .updateTable('evaluationScheme')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('frozen', '=', 0)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Freezes a version (the first run that uses it does), with a new row version so an editor
 * holding the old one is stopped; false when the version no longer exists (deleted meanwhile).
 */
export async function freezeScheme(trx: Trx, id: string, now: string): Promise<boolean> {
  const res = await trx
    .updateTable('evaluationScheme')
    .set((eb) => ({ frozen: 1, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('frozen', '=', 0)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return true;
  return (await trx.selectFrom('evaluationScheme').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Deletes a version while it is unfrozen; false when it froze meanwhile. */
export async function deleteScheme(trx: Trx, id: string): Promise<boolean> {
  const res = await trx.deleteFrom('evaluationScheme').where('id', '=', id).where('frozen', '=', 0).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
