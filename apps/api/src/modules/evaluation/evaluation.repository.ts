import type { EvaluationInput } from '@yuanqu/contracts';
import type { Trx } from '../../db/database';
import { insertRows } from '../../db/dialect';
import type { ResultRow } from './evaluation.schemas';
import { step, type ProgressSink } from './progress';

/** Results per chunk reported as stored (each chunk is several multi-row INSERTs). */
const STORE_CHUNK = 2000;

/**
 * Stores a run's results, each beside the inputs it was computed from, chunk by chunk. The next
 * chunk is serialised while the database writes this one (PostgreSQL writes in its own process).
 */
export async function insertResults(trx: Trx, runId: string, rows: readonly ResultRow[], inputs: ReadonlyMap<string, EvaluationInput>, progress?: ProgressSink): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < rows.length; i += STORE_CHUNK) {
    const values = rows.slice(i, i + STORE_CHUNK).map((r) => ({ runId, enterpriseId: r.enterpriseId, groupKey: r.groupKey, status: r.status, total: r.total, rank: r.rank, class: r.class, inputs: JSON.stringify(inputs.get(r.enterpriseId)), result: JSON.stringify(r) }));
    await writing;
    await step(progress, 'storing', i, rows.length);
    writing = insertRows(trx, 'evaluationResult', values);
  }
  await writing;
  await step(progress, 'storing', rows.length, rows.length);
}
