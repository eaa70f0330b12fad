import { createHash } from 'node:crypto';
import { LIMITS, type ImportProblem, type ImportResult } from '@yuanqu/contracts';
import type { Trx } from '../../db/database';
import type { EnterpriseTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertSafeXlsx } from '../../lib/xlsx-guard';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { DetailJson, diff, type AuditEvent } from '../audit/audit';
import { enterpriseInScope, unitInScope, type Viewer } from '../auth/viewer';
import { unitMap, type UnitRow } from '../unit/unit.repository';
import { COLUMNS } from './enterprise-columns';
import { columnsOf, contentOf } from './enterprise';
import { checkedBatches, type CheckedBatch, type CheckedRow, type CheckInput } from './import-check';
import { isPostgres } from '../../db/dialect';
import { fromWorker, workerSource } from '../../lib/row-worker';
import { withFiguresRefiled } from '../statistics/rollup';
import { findEnterprisesByUscc, insertEnterprises, updateEnterprise } from './enterprise.repository';
import { findImportByHash, findImportByKey, insertImportBatch } from './import-batch.repository';
import type { EnterpriseDeps } from './enterprise.service';

export interface ImportInput {
  file: Buffer;
  idempotencyKey: string | null;
  /** Import as demo data (the first-start demo loader only). */
  isDemo?: boolean;
}

/**
 * Imports a workbook atomically. Rows are checked as they stream in and written in batches inside
 * one transaction; the first problem stops the writing, the rest of the file is still checked so
 * every problem is reported, and the transaction is rolled back: nothing of the file is written.
 * Rows equal to what is stored change nothing; the same file twice returns the first import.
 */
export async function importEnterprises(deps: EnterpriseDeps, ctx: RequestContext, input: ImportInput, maxRows: number = LIMITS.importRowsMax): Promise<ImportResult> {
  const { db } = deps;
  const viewer = ctx.viewer!;
  const fileHash = createHash('sha256').update(input.file).digest('hex');
  const previous = await findImportByHash(db, 'enterprise', fileHash);
  if (input.idempotencyKey) {
    const keyed = await findImportByKey(db, 'enterprise', input.idempotencyKey);
    if (keyed && keyed.fileHash !== fileHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different file');
  }
  if (previous) return { importId: previous.id, duplicate: true, created: 0, updated: 0, unchanged: previous.rowCount };

  await assertSafeXlsx(input.file);

  const problems: ImportProblem[] = [];
  const now = ctx.clock.now().toISOString();
  const importId = newId();
  const counts = { created: 0, updated: 0, unchanged: 0 };

  const writeBatch = async (trx: Trx, batch: CheckedRow[]) => {
    const existing = await findEnterprisesByUscc(trx, batch.map((v) => v.fields.uscc));
    const inserts: EnterpriseTable[] = [];
    const events: AuditEvent[] = [];
    for (const { row, fields, createdDetail } of batch) {
      const found = existing.get(fields.uscc);
      if (found && !enterpriseInScope(viewer, found)) {
        problems.push({ row, column: COLUMNS[0].header, value: fields.uscc, reason: '该企业已登记在您管理范围之外的园区' });
      }
      if (problems.length > 0) continue;
      if (!found) {
        const created: EnterpriseTable = Object.assign(columnsOf(fields), { id: newId(), status: 'active', isDemo: input.isDemo ? 1 : 0, version: 1, createdAt: now, updatedAt: now });
        inserts.push(created);
        events.push(auditEvent(ctx, 'enterprise.create', { entityType: 'enterprise', entityId: created.id, detail: new DetailJson(createdDetail) }));
        counts.created++;
        continue;
      }
      const current = contentOf(found);
      const next = { ...fields, qualifications: current.qualifications };
      const delta = diff(current, next);
      if (Object.keys(delta).length === 0) {
        counts.unchanged++;
        continue;
      }
      const saved = await withFiguresRefiled(trx, found.id, Object.keys(delta), () => updateEnterprise(trx, found.id, found.version, { ...columnsOf(next), updatedAt: now }));
      if (!saved) {
        throw new AppError('CONFLICT', 'an enterprise in the file was edited during the import; nothing was imported, please import again');
      }
      events.push(auditEvent(ctx, 'enterprise.update', { entityType: 'enterprise', entityId: found.id, detail: { importId, changes: delta } }));
      counts.updated++;
    }
    if (problems.length > 0) return;
    await insertEnterprises(trx, inserts, new Map());
    await appendAudit(trx, events);
  };

  let rowCount = 0;
  const placeable = await placeableUnits(deps, viewer);
  await db.transaction().execute(async (trx) => {
    // A batch is written while the next ones are read and checked. On SQLite the database works
    // in this thread, so the file is read in a worker thread on the other core; on PostgreSQL the
    // server takes that core and the reading stays here (a worker added 80 MB and no speed).
    // Writes stay one at a time, in file order, on the transaction's connection.
    let writing: Promise<void> = Promise.resolve();
    const write = async (b: CheckedRow[]) => {
      await writing;
      writing = writeBatch(trx, b);
      writing.catch(() => undefined);
    };
    try {
      const check: CheckInput = { file: input.file, maxRows, placeable, importId };
      const batches = isPostgres(trx) ? checkedBatches(check) : fromWorker<CheckedBatch, { rowCount: number }>(workerSource(import.meta.url, 'import-worker'), check);
      let next = await batches.next();
      while (!next.done) {
        problems.push(...next.value.problems);
        if (next.value.rows.length > 0) await write(next.value.rows);
        next = await batches.next();
      }
      rowCount = next.value.rowCount;
    } finally {
      // A refused file still lets the write in flight finish before the transaction rolls back.
      await writing.catch(() => undefined);
    }
    await writing;
    if (problems.length > 0) {
      problems.sort((a, b) => a.row - b.row);
      throw new AppError('IMPORT_INVALID', `${problems.length} problems; nothing was imported`, { problems });
    }
    await insertImportBatch(trx, { id: importId, kind: 'enterprise', fileHash, idempotencyKey: input.idempotencyKey, userId: viewer.userId, createdAt: now, rowCount, ...counts });
    await appendAudit(trx, [auditEvent(ctx, 'enterprise.import', { entityType: 'import', entityId: importId, detail: { fileHash, rows: rowCount, importId, duplicate: false, ...counts } })]);
  });
  return { importId, duplicate: false, ...counts };
}

/** Parks and zones the viewer may place enterprises in, by name and by code. */
async function placeableUnits(deps: EnterpriseDeps, viewer: Viewer): Promise<Map<string, UnitRow>> {
  const placeable = new Map<string, UnitRow>();
  for (const u of (await unitMap(deps.db)).values()) {
    if ((u.kind === 'park' || u.kind === 'zone') && unitInScope(viewer, u.path)) {
      placeable.set(u.name, u);
      placeable.set(u.code, u);
    }
  }
  return placeable;
}
