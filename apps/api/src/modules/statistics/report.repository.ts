import { FIGURE_KEYS, type FigureValues, type ReportListQuery } from '@yuanqu/contracts';
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { StatReportTable } from '../../db/schema';
import type { Viewer } from '../auth/viewer';
import { applyToRollup, countedContributions } from './rollup';

export type ReportRow = Selectable<StatReportTable>;
/** A report with what scope checks and screens need of its enterprise. */
export type ReportRecord = ReportRow & { enterpriseName: string; uscc: string; unitPath: string };

type Scope = Pick<Viewer, 'role' | 'enterpriseId' | 'unitPaths'>;

export function valuesOf(row: Pick<ReportRow, (typeof FIGURE_KEYS)[number]>): FigureValues {
  const out: FigureValues = {};
  for (const k of FIGURE_KEYS) out[k] = row[k] === null ? null : Number(row[k]);
  return out;
}

function withEnterprise(db: Db | Trx) {
  return db
    .selectFrom('statReport as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .selectAll('r')
    .select(['e.name as enterpriseName', 'e.uscc', 'u.path as unitPath']);
}

export function findReport(db: Db | Trx, id: string): Promise<ReportRecord | undefined> {
  return withEnterprise(db).where('r.id', '=', id).executeTakeFirst();
}

export async function listReports(db: Db, scope: Scope, q: ReportListQuery): Promise<{ rows: ReportRecord[]; total: number }> {
  let base = withEnterprise(db);
  if (scope.role === 'enterprise') base = base.where('r.enterpriseId', '=', scope.enterpriseId ?? '');
  else if (scope.unitPaths !== null) {
    const paths = scope.unitPaths;
    base = base.where((eb) => (paths.length ? eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`))) : eb.lit(false)));
  }
  if (q.status !== 'all') base = base.where('r.status', '=', q.status);
  if (q.period) base = base.where('r.period', '=', q.period);
  if (q.enterpriseId) base = base.where('r.enterpriseId', '=', q.enterpriseId);
  const { n } = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .orderBy('r.period', 'desc')
    .orderBy('r.submittedAt', 'desc')
    .orderBy('r.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** The counted (approved) figures of one enterprise for the given periods, by period. */
export async function countedFigures(db: Db | Trx, enterpriseId: string, periods: string[]): Promise<Map<string, ReportRow>> {
  if (periods.length === 0) return new Map();
  const rows = await db
    .selectFrom('statReport')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .where('period', 'in', periods)
    .where('status', '=', 'approved')
    .execute();
  return new Map(rows.map((r) => [r.period, r]));
}

/** Inserts a report; a counted (approved) one is added to the rollup in the same transaction. */
export async function insertReport(trx: Trx, row: ReportRow): Promise<void> {
  await trx.insertInto('statReport').values(row).execute();
  if (row.status === 'approved') await applyToRollup(trx, await countedContributions(trx, { ids: [row.id] }), 1);
}

/** Marks the enterprise's reports of a period in `status` as superseded (a correction replaces them). */
export async function supersede(trx: Trx, enterpriseId: string, period: string, status: 'approved' | 'pending', now: string): Promise<void> {
  if (status === 'approved') await applyToRollup(trx, await countedContributions(trx, { enterpriseId, period }), -1);
  await trx
    .updateTable('statReport')
    .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1), reviewedAt: eb.fn.coalesce('reviewedAt', eb.val(now)) }))
    .where('enterpriseId', '=', enterpriseId)
    .where('period', '=', period)
    .where('status', '=', status)
    .execute();
}

/** Moves a report read at `version` on (into the rollup when it becomes counted); false when it changed since. */
export async function updateReport(trx: Trx, id: string, version: number, set: Partial<ReportRow>): Promise<boolean> {
  const done = await trx
    .updateTable('statReport')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  const saved = Number(done.numUpdatedRows) === 1;
  if (saved && set.status === 'approved') await applyToRollup(trx, await countedContributions(trx, { ids: [id] }), 1);
  return saved;
}
