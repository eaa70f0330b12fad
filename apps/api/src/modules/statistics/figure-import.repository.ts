import type { Db, Trx } from '../../db/database';
import { insertRows } from '../../db/dialect';
import type { ReportRow } from './report.repository';
import { applyToRollup, countedContributions } from './rollup';

// Lists are sent in chunks: SQLite and PostgreSQL both cap the bind parameters of one statement.
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Enterprises by USCC, with the unit path their scope is judged by. */
export async function findEnterpriseRefs(db: Db, usccs: string[]): Promise<{ id: string; uscc: string; status: string; unitPath: string }[]> {
  const out = [];
  for (const part of chunks([...new Set(usccs)])) {
    out.push(
      ...(await db
        .selectFrom('enterprise')
        .innerJoin('unit', 'unit.id', 'enterprise.unitId')
        .select(['enterprise.id', 'enterprise.uscc', 'enterprise.status', 'unit.path as unitPath'])
        .where('enterprise.uscc', 'in', part)
        .execute()),
    );
  }
  return out;
}

/** The counted (approved) reports of these enterprises in these periods. */
export async function countedReports(trx: Trx, enterpriseIds: string[], periods: string[]): Promise<ReportRow[]> {
  if (periods.length === 0) return [];
  const out: ReportRow[] = [];
  for (const part of chunks([...new Set(enterpriseIds)])) {
    out.push(...(await trx.selectFrom('statReport').selectAll().where('status', '=', 'approved').where('enterpriseId', 'in', part).where('period', 'in', periods).execute()));
  }
  return out;
}

/**
 * Marks these counted reports superseded, taking them out of the rollup; returns how many still
 * counted (fewer means someone else got there first).
 */
export async function supersedeReports(trx: Trx, ids: string[], now: string): Promise<number> {
  let n = 0;
  for (const part of chunks(ids)) {
    await applyToRollup(trx, await countedContributions(trx, { ids: part }), -1);
    const res = await trx
      .updateTable('statReport')
      .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1), reviewedAt: eb.fn.coalesce('reviewedAt', eb.val(now)) }))
      .where('id', 'in', part)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    n += Number(res.numUpdatedRows);
  }
  return n;
}

/** Inserts reports; the counted (approved) ones are added to the rollup in the same transaction. */
export async function insertReports(trx: Trx, rows: ReportRow[]): Promise<void> {
  // 33 columns × 400 rows stays under both SQLite's and PostgreSQL's bind-parameter limits.
  await insertRows(trx, 'statReport', rows, 400);
  for (const part of chunks(rows.filter((r) => r.status === 'approved').map((r) => r.id))) {
    await applyToRollup(trx, await countedContributions(trx, { ids: part }), 1);
  }
}
