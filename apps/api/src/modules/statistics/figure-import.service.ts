import { createHash } from 'node:crypto';
import { FIGURE_KEYS, latestClosedPeriod, LIMITS, type FigureKey, type FigureValues, type ImportResult } from '@yuanqu/contracts';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertSafeXlsx } from '../../lib/xlsx-guard';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { enterpriseInScope } from '../auth/viewer';
import { findImportByHash, findImportByKey, insertImportBatch } from '../enterprise/import-batch.repository';
import { eachRawRow, importInvalid, periodsToRead, planImport, reportKey, resolveEnterprises, rowChecker, sortProblems, type EnterpriseRef, type FigureRow, type PlannedWrite } from './figure-import';
import { addToRollup, countedReports, findEnterpriseRefs, insertReports, supersedeReports } from './figure-import.repository';
import { valuesOf, type ReportRow } from './report.repository';
import type { Contribution } from './rollup';
import { getSettings, type StatisticsDeps } from './report.service';
import { localDate } from '../../lib/clock';
import { unitMap } from '../unit/unit.repository';

/** What the rollup files an enterprise's figures under. */
type Filing = Omit<Contribution, 'period' | 'values'>;

const WRITE_SLICE = 2000;

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
  const filing = new Map<string, Filing>();
  const units = await unitMap(deps.db);
  for (const e of await findEnterpriseRefs(deps.db, checker.refs.map((r) => r.uscc))) {
    found.set(e.uscc, { id: e.id, status: e.status, inScope: enterpriseInScope(ctx.viewer!, { id: e.id, unitPath: units.get(e.unitId)?.path ?? '' }) });
    filing.set(e.id, { unitId: e.unitId, industryChain: e.industryChain, scale: e.scale, scaleSince: e.scaleSince });
  }
  const problems = [...checker.problems, ...resolveEnterprises(checker.refs, found)];
  if (problems.length > 0) throw importInvalid(sortProblems(problems));
  // In place: a copy per row would hold 100,000 rows twice while it is made.
  for (const r of rows) r.enterpriseId = found.get(r.uscc)!.id;
  return { rowCount, filing, rows };
}

function reportOf(w: PlannedWrite, ctx: RequestContext, importId: string, now: string): ReportRow {
  const { row } = w;
  const figures = {} as Record<FigureKey, number | null>;
  for (const k of FIGURE_KEYS) figures[k] = row.values[k] ?? null;
  return Object.assign(figures, {
    id: newId(),
    enterpriseId: row.enterpriseId,
    period: row.period,
    source: 'import',
    status: 'approved',
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
  }) as ReportRow;
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

  const { rowCount, rows, filing } = await readRows(deps, ctx, input.file, maxRows);
  const contribution = (enterpriseId: string, period: string, values: FigureValues): Contribution => {
    const f = filing.get(enterpriseId)!;
    return { period, values, unitId: f.unitId, industryChain: f.industryChain, scale: f.scale, scaleSince: f.scaleSince };
  };
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
    const replaced = plan.writes.flatMap((w) => (w.replaces ? [{ id: w.replaces.id, contribution: contribution(w.row.enterpriseId, w.row.period, w.replaces.values) }] : []));
    if ((await supersedeReports(trx, replaced, now)) !== replaced.length) {
      throw new AppError('CONFLICT', 'figures in the file were changed during the import; nothing was imported, please import again');
    }
    // Report rows are built a slice at a time: a 100,000-row file must not hold them all at once.
    for (let i = 0; i < plan.writes.length; i += WRITE_SLICE) {
      await insertReports(trx, plan.writes.slice(i, i + WRITE_SLICE).map((w) => reportOf(w, ctx, importId, now)));
    }
    await addToRollup(trx, (function* () {
      for (const w of plan.writes) yield contribution(w.row.enterpriseId, w.row.period, w.row.values);
    })());
    const result = { created: plan.writes.length - replaced.length, updated: replaced.length, unchanged: plan.unchanged };
    await insertImportBatch(trx, { id: importId, kind: KIND, fileHash, idempotencyKey: input.idempotencyKey, userId: viewer.userId, createdAt: now, rowCount, ...result });
    // One event for the file: each report it wrote carries the importId, and a report it replaced
    // stays as superseded, so every figure's old → new remains on record in the reports themselves.
    const detail = { fileHash, rows: rowCount, importId, duplicate: false, ...result, warnings: plan.warnings.length };
    await appendAudit(trx, [auditEvent(ctx, 'statReport.import', { entityType: 'import', entityId: importId, detail })]);
    return result;
  });
  return { importId, duplicate: false, ...counts };
}
