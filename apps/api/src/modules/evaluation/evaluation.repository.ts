import type { Trx } from '../../db/database';
import { insertRows } from '../../db/dialect';
import { step, type ProgressSink } from './progress';
import type { ComputedRow } from './result-rows';

/** Results per multi-row INSERT, each serialised while the database writes the one before. */
const STATEMENT_ROWS = 400;
/** Results per progress report (and, on SQLite, per turn of the event loop for other requests). */
const STORE_CHUNK = 2000;

/** The result table's row: the result (its columns, the rest as JSON) beside the inputs (JSON) it was computed from, with its consecutive years in the class. */
export const resultRecord = (runId: string, row: ComputedRow, inputs: string, consecutive: number | null) => ({
  runId,
  enterpriseId: row.enterpriseId,
  groupKey: row.groupKey,
  status: row.status,
  total: row.total,
  rank: row.rank,
  class: row.class,
  consecutive,
  inputs,
  result: JSON.stringify(row.kept),
});

/**
 * Stores a run's results, each beside the inputs it was computed from, one INSERT of
 * STATEMENT_ROWS at a time: on PostgreSQL, which writes in its own process, the next rows are
 * serialised while the server writes these, so neither waits long for the other.
 */
export async function insertResults(
  trx: Trx,
  runId: string,
  rows: readonly ComputedRow[],
  inputsOf: (enterpriseId: string) => string,
  consecutive: ReadonlyMap<string, number | null>,
  progress?: ProgressSink,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < rows.length; i += STATEMENT_ROWS) {
    const values = rows.slice(i, i + STATEMENT_ROWS).map((r) => resultRecord(runId, r, inputsOf(r.enterpriseId), consecutive.get(r.enterpriseId) ?? null));
    await writing;
    if (i % STORE_CHUNK === 0) await step(progress, 'storing', i, rows.length);
    writing = insertRows(trx, 'evaluationResult', values, STATEMENT_ROWS);
  }
  await writing;
  await step(progress, 'storing', rows.length, rows.length);
}
