import type { Db, Trx } from '../../db/database';
import { insertRows } from '../../db/dialect';
import type { ReportRow } from './report.repository';
import { applyToRollup, type Contribution } from './rollup';

// Lists are sent in chunks: SQLite and PostgreSQL both cap the bind parameters of one statement.
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Enterprises by USCC, with what the rollup files them under. Scope is judged by the unit's path,
 * which the caller takes from the unit tree: 50,000 copies of a path would be 6 MB of strings.
 */
export async function findEnterpriseRefs(db: Db, usccs: string[]) {
  const out = [];
  for (const part of chunks([...new Set(usccs)])) {
    out.push(
      ...(await db
        .selectFrom('enterprise')
        .select(['enterprise.id', 'enterprise.uscc', 'enterprise.status', 'enterprise.unitId', 'enterprise.industryChain', 'enterprise.scale', 'enterprise.scaleSince'])
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
 * Marks these counted reports superseded, taking what they added out of the rollup; returns how
 * many still counted (fewer means someone else got there first).
 */
export async function supersedeReports(trx: Trx, replaced: { id: string; contribution: Contribution }[], now: string): Promise<number> {
  let n = 0;
  for (const part of chunks(replaced.map((r) => r.id))) {
    const res = await trx
      .updateTable('statReport')
      .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1), reviewedAt: eb.fn.coalesce('reviewedAt', eb.val(now)) }))
      .where('id', 'in', part)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    n += Number(res.numUpdatedRows);
  }
  await applyToRollup(trx, replaced.map((r) => r.contribution), -1);
  return n;
}

/** Inserts counted reports; the caller adds them to the rollup (`addToRollup`) in the same transaction. */
export async function insertReports(trx: Trx, rows: ReportRow[]): Promise<void> {
  // 33 columns × 400 rows stays under both SQLite's and PostgreSQL's bind-parameter limits.
  await insertRows(trx, 'statReport', rows, 400);
}

export async function addToRollup(trx: Trx, contributions: Iterable<Contribution>): Promise<void> {
  await applyToRollup(trx, contributions, 1);
}
