import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { EvaluationRunTable } from '../../db/schema';
import type { ResultColumns, RunBasis } from './result-rows';

export type RunRow = Selectable<EvaluationRunTable>;

/** A stored run, or undefined. */
export function findRunRow(db: Db, id: string): Promise<RunRow | undefined> {
  return db.selectFrom('evaluationRun').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A stored result (its columns, the rest JSON) with its inputs (JSON), its consecutive years in the class, and who the enterprise is now: USCC, park or zone, and the unit's path for scope checks. */
export interface StoredResultRow extends ResultColumns {
  result: string;
  inputs: string;
  consecutive: number | null;
  uscc: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}

/** A result row's columns as `resultReader` reads them, the rest of the result (JSON) included. */
export const RESULT_COLUMNS = ['r.enterpriseId', 'r.groupKey', 'r.status', 'r.total', 'r.rank', 'r.class', 'r.result'] as const;

/** Every result of a run (or one enterprise's), by enterprise id. */
export function runResultRows(db: Db, runId: string, enterpriseId?: string): Promise<StoredResultRow[]> {
  let q = db
    .selectFrom('evaluationResult as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select([...RESULT_COLUMNS, 'r.inputs', 'r.consecutive', 'e.uscc', 'u.id as unitId', 'u.name as unitName', 'u.path as unitPath'])
    .where('r.runId', '=', runId);
  if (enterpriseId !== undefined) q = q.where('r.enterpriseId', '=', enterpriseId);
  return q.orderBy('r.enterpriseId').execute();
}

/** A run's basis as stored (null: its results were kept whole). */
export const runBasis = (run: Pick<RunRow, 'basis'>): RunBasis | null => (run.basis === null ? null : (JSON.parse(run.basis) as RunBasis));

/** How many enterprises each group of each run ranked, over the whole run (whoever reads it): run id → group key → count. */
export async function rankedCounts(db: Db, runIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>(runIds.map((id) => [id, new Map()]));
  if (runIds.length === 0) return out;
  const rows = await db
    .selectFrom('evaluationResult')
    .select((eb) => ['runId', 'groupKey', eb.fn.countAll<number>().as('n')])
    .where('runId', 'in', runIds)
    .where('status', '=', 'ranked')
    .groupBy(['runId', 'groupKey'])
    .execute();
  for (const r of rows) if (r.groupKey !== null) out.get(r.runId)!.set(r.groupKey, Number(r.n));
  return out;
}
