import { createHash } from 'node:crypto';
import { FIGURE_KEYS, latestClosedPeriod, LIMITS, type ImportResult } from '@yuanqu/contracts';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertSafeXlsx } from '../../lib/xlsx-guard';
import type { AuditEvent } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { enterpriseInScope } from '../auth/viewer';
import { findImportByHash, findImportByKey, insertImportBatch } from '../enterprise/import-batch.repository';
import { eachRawRow, importInvalid, periodsToRead, planImport, reportKey, resolveEnterprises, rowChecker, sortProblems, type EnterpriseRef, type FigureRow, type PlannedWrite } from './figure-import';
import { countedReports, findEnterpriseRefs, insertReports, supersedeReports } from './figure-import.repository';
import { valuesOf, type ReportRow } from './report.repository';
import { getSettings, type StatisticsDeps } from './report.service';
import { localDate } from '../../lib/clock';

/** The import_batch kind of statistical imports (an enterprise file and a figures file never match). */
const KIND = 'statReports';


export interface FigureImportInput {
  file: Buffer;
  idempotencyKey: string | null;
  /** The clerk has seen the plausibility warnings of this file and confirms them. */
  acknowledgeWarnings: boolean;
}

/** Reads and checks the whole file; any problem (a cell, an unknown or archived enterprise) refuses all of it. */
async function readRows(deps: StatisticsDeps, ctx: RequestContext, file: Buffer, maxRows: number) {
  const checker = rowChecker(latestClosedPeriod(localDate(ctx.clock.now())));
  const rows: FigureRow[] = [];
  let rowCount = 0;
  for await (const raw of eachRawRow(file, maxRows)) {
    rowCount++;
    const valid = checker.check(raw);
    if (valid) rows.push(valid);
  }
  const found = new Map<string, EnterpriseRef>();
  for (const e of await findEnterpriseRefs(deps.db, checker.refs.map((r) => r.uscc))) {
    found.set(e.uscc, { id: e.id, status: e.status, inScope: enterpriseInScope(ctx.viewer!, e) });
  }
  const problems = [...checker.problems, ...resolveEnterprises(checker.refs, found)];
  if (problems.length > 0) throw importInvalid(sortProblems(problems));
  return { rowCount, rows: rows.map((r) => ({ ...r, enterpriseId: found.get(r.uscc)!.id })) };
}

function reportOf(w: PlannedWrite, ctx: RequestContext, importId: string, now: string): ReportRow {
  const { row } = w;
  return {
    id: newId(),
    enterpriseId: row.enterpriseId,
    period: row.period,
    source: 'import',
    status: 'approved',
    ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, row.values[k] ?? null])),
    warnings: JSON.stringify(w.warnings),
    warningsAcknowledged: w.warnings.length > 0 ? 1 : 0,
    note: null,
    returnReason: null,
    submittedBy: ctx.viewer!.username,
    submittedAt: now,
    reviewedBy: ctx.viewer!.username,
    reviewedAt: now,
    importBatchId: importId,
    version: 1,
  } as ReportRow;
}

/**
 * Imports a workbook of figures atomically: every row is checked first and any problem refuses
 * the whole file. Imported rows count at once (approved, source import), superseding what counted
 * for their enterprise and period; a row equal to what counts changes nothing. Plausibility
 * warnings stop the import until the clerk confirms them. The same file twice returns the first import.
 */
export async function importFigures(deps: StatisticsDeps, ctx: RequestContext, input: FigureImportInput, maxRows: number = LIMITS.importRowsMax): Promise<ImportResult> {
  const { db } = deps;
  const viewer = ctx.viewer!;
  const fileHash = createHash('sha256').update(input.file).digest('hex');
  const previous = await findImportByHash(db, KIND, fileHash);
  if (input.idempotencyKey) {
    const keyed = await findImportByKey(db, KIND, input.idempotencyKey);
    if (keyed && keyed.fileHash !== fileHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different file');
  }
  if (previous) return { importId: previous.id, duplicate: true, created: 0, updated: 0, unchanged: previous.rowCount };

  await assertSafeXlsx(input.file);

  const { rowCount, rows } = await readRows(deps, ctx, input.file, maxRows);
  const now = ctx.clock.now().toISOString();
  const importId = newId();
  const counts = await db.transaction().execute(async (trx) => {
    const { jumpFactor } = await getSettings(trx);
    const counted = await countedReports(
      trx,
      rows.map((r) => r.enterpriseId),
      periodsToRead(rows),
    );
    const plan = planImport(rows, new Map(counted.map((r) => [reportKey(r.enterpriseId, r.period), { id: r.id, values: valuesOf(r) }])), jumpFactor);
    if (plan.warnings.length > 0 && !input.acknowledgeWarnings) {
      throw new AppError('WARNINGS_UNACKNOWLEDGED', 'some figures need a second look; confirm the warnings to import', { warnings: plan.warnings });
    }
    const replaced = plan.writes.flatMap((w) => (w.replaces ? [w.replaces.id] : []));
    if ((await supersedeReports(trx, replaced, now)) !== replaced.length) {
      throw new AppError('CONFLICT', 'figures in the file were changed during the import; nothing was imported, please import again');
    }
    const reports = plan.writes.map((w) => reportOf(w, ctx, importId, now));
    await insertReports(trx, reports);
    const result = { created: plan.writes.length - replaced.length, updated: replaced.length, unchanged: plan.unchanged };
    await insertImportBatch(trx, { id: importId, kind: KIND, fileHash, idempotencyKey: input.idempotencyKey, userId: viewer.userId, createdAt: now, rowCount, ...result });
    const events: AuditEvent[] = plan.writes.map((w, i) => {
      const values = Object.fromEntries(Object.entries(w.row.values).filter(([, v]) => v !== null));
      const detail = { importId, enterpriseId: w.row.enterpriseId, period: w.row.period, values, replaces: w.replaces?.id ?? null, warnings: w.warnings.map((x) => x.code) };
      return auditEvent(ctx, 'statReport.submit', { entityType: 'statReport', entityId: reports[i]!.id, detail });
    });
    const detail = { fileHash, rows: rowCount, importId, duplicate: false, ...result, warnings: plan.warnings.length };
    await appendAudit(trx, [...events, auditEvent(ctx, 'statReport.import', { entityType: 'import', entityId: importId, detail })]);
    return result;
  });
  return { importId, duplicate: false, ...counts };
}
