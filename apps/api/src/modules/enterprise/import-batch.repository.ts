import type { Db, Trx } from '../../db/database';
import type { ImportBatchTable } from '../../db/schema';

/** The earlier import of the same file, if any (imports are idempotent by content). */
export function findImportByHash(db: Db, kind: string, fileHash: string): Promise<ImportBatchTable | undefined> {
  return db.selectFrom('importBatch').selectAll().where('kind', '=', kind).where('fileHash', '=', fileHash).executeTakeFirst();
}

export function findImportByKey(db: Db, kind: string, idempotencyKey: string): Promise<ImportBatchTable | undefined> {
  return db.selectFrom('importBatch').selectAll().where('kind', '=', kind).where('idempotencyKey', '=', idempotencyKey).executeTakeFirst();
}

export async function insertImportBatch(trx: Trx, row: ImportBatchTable): Promise<void> {
  await trx.insertInto('importBatch').values(row).execute();
}
