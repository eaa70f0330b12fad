import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { EvaluationRunTable } from '../../db/schema';

export type RunRow = Selectable<EvaluationRunTable>;

/** A stored run, or undefined. */
export function findRunRow(db: Db, id: string): Promise<RunRow | undefined> {
  return db.selectFrom('evaluationRun').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A stored result (JSON) with its inputs (JSON), its consecutive years in the class, and who the enterprise is now: USCC, park or zone, and the unit's path for scope checks. */
export interface StoredResultRow {
  result: string;
  inputs: string;
  consecutive: number | null;
  uscc: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}

/** Every result of a run, by enterprise id. */
export function runResultRows(db: Db, runId: string): Promise<StoredResultRow[]> {
  return db
    .selectFrom('evaluationResult as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select(['r.result', 'r.inputs', 'r.consecutive', 'e.uscc', 'u.id as unitId', 'u.name as unitName', 'u.path as unitPath'])
    .where('r.runId', '=', runId)
    .orderBy('r.enterpriseId')
    .execute();
}

/** How many enterprises each group of a run ranked, over the whole run (whoever reads it). */
export async function rankedCounts(db: Db, runId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('evaluationResult')
    .select((eb) => ['groupKey', eb.fn.countAll<number>().as('n')])
    .where('runId', '=', runId)
    .where('status', '=', 'ranked')
    .groupBy('groupKey')
    .execute();
  return new Map(rows.filter((r) => r.groupKey !== null).map((r) => [r.groupKey!, Number(r.n)]));
}
