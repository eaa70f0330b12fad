import { createHash } from 'node:crypto';
import { LIMITS, type EnterpriseFields, type ImportProblem, type ImportResult } from '@yuanqu/contracts';
import type { EnterpriseTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inspectXlsx, type ZipRejection } from '../../lib/xlsx-guard';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { diff, type AuditEvent } from '../audit/audit';
import { enterpriseInScope, unitInScope, type Viewer } from '../auth/viewer';
import { unitMap, type UnitRow } from '../unit/unit.repository';
import { COLUMNS } from './enterprise-columns';
import { columnsOf, contentOf, type EnterpriseRecord } from './enterprise';
import { eachRawRow, rowChecker } from './enterprise-import';
import { findEnterprisesByUscc, insertEnterprises, updateEnterprise } from './enterprise.repository';
import { findImportByHash, findImportByKey, insertImportBatch } from './import-batch.repository';
import type { EnterpriseDeps } from './enterprise.service';

const WRITE_BATCH = 1000;

const REJECTIONS: Record<ZipRejection, string> = {
  notZip: '不是有效的 Excel (.xlsx) 文件',
  zip64: '文件结构超出支持范围',
  tooManyEntries: '文件内部条目过多',
  encrypted: '文件已加密，请取消密码后再上传',
  badPath: '文件内部路径异常',
  badMethod: '文件使用了不支持的压缩方式',
  tooLarge: '文件解压后过大',
  ratio: '文件压缩比异常（疑似压缩炸弹）',
  sizeMismatch: '文件内部大小与声明不符（疑似压缩炸弹）',
  notXlsx: '不是有效的 Excel (.xlsx) 文件',
};

export interface ImportInput {
  file: Buffer;
  idempotencyKey: string | null;
  /** Import as demo data (the first-start demo loader only). */
  isDemo?: boolean;
}

/**
 * Imports a workbook atomically: every row is checked first, and if any is wrong nothing is
 * written. Rows equal to what is stored change nothing; the same file twice returns the first import.
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

  const rejection = await inspectXlsx(input.file);
  if (rejection) throw new AppError('IMPORT_FILE_REJECTED', REJECTIONS[rejection], { reason: rejection });
  const { valid, rowCount, existing } = await checkWorkbook(deps, viewer, input.file, maxRows);

  const now = ctx.clock.now().toISOString();
  const importId = newId();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const changes: Change[] = [];
  for (const { fields } of valid) {
    const found = existing.get(fields.uscc);
    if (!found) {
      counts.created++;
      changes.push({ fields });
      continue;
    }
    const current = contentOf(found);
    const next = { ...fields, qualifications: current.qualifications };
    const delta = diff(current, next);
    if (Object.keys(delta).length === 0) counts.unchanged++;
    else {
      counts.updated++;
      changes.push({ fields: next, found, delta });
    }
  }
  const result = { importId, duplicate: false, ...counts };
  await db.transaction().execute(async (trx) => {
    // Written in batches so memory holds one batch of rows and audit events, not the whole file.
    for (let i = 0; i < changes.length; i += WRITE_BATCH) {
      const batch = changes.slice(i, i + WRITE_BATCH);
      const inserts: EnterpriseTable[] = [];
      const events: AuditEvent[] = [];
      for (const c of batch) {
        if (!c.found) {
          const row = { id: newId(), ...columnsOf({ ...c.fields, qualifications: [] }), status: 'active', isDemo: input.isDemo ? 1 : 0, version: 1, createdAt: now, updatedAt: now };
          inserts.push(row);
          events.push(auditEvent(ctx, 'enterprise.create', { entityType: 'enterprise', entityId: row.id, detail: { importId, changes: diff({}, c.fields) } }));
          continue;
        }
        if (!(await updateEnterprise(trx, c.found.id, c.found.version, { ...columnsOf(c.fields as EnterpriseFields), updatedAt: now }))) {
          throw new AppError('CONFLICT', 'an enterprise in the file was edited during the import; nothing was imported, please import again');
        }
        events.push(auditEvent(ctx, 'enterprise.update', { entityType: 'enterprise', entityId: c.found.id, detail: { importId, changes: c.delta } }));
      }
      await insertEnterprises(trx, inserts, new Map());
      await appendAudit(trx, events);
    }
    await insertImportBatch(trx, { id: importId, kind: 'enterprise', fileHash, idempotencyKey: input.idempotencyKey, userId: viewer.userId, createdAt: now, rowCount, ...counts });
    await appendAudit(trx, [auditEvent(ctx, 'enterprise.import', { entityType: 'import', entityId: importId, detail: { fileHash, rows: rowCount, ...result } })]);
  });
  return result;
}

type Fields = Omit<EnterpriseFields, 'qualifications'>;
type Change = { fields: Fields; found?: undefined; delta?: undefined } | { fields: EnterpriseFields; found: EnterpriseRecord; delta: ReturnType<typeof diff> };

/** Reads and checks every row; throws IMPORT_INVALID listing all problems, or returns what to write. */
async function checkWorkbook(deps: EnterpriseDeps, viewer: Viewer, file: Buffer, maxRows: number) {
  const units = await unitMap(deps.db);
  const placeable = new Map<string, UnitRow>();
  for (const u of units.values()) {
    if ((u.kind === 'park' || u.kind === 'zone') && unitInScope(viewer, u.path)) {
      placeable.set(u.name, u);
      placeable.set(u.code, u);
    }
  }
  const { check, valid, problems } = rowChecker(placeable);
  let rowCount = 0;
  for await (const raw of eachRawRow(file, maxRows)) {
    check(raw);
    rowCount++;
  }
  const existing = await findEnterprisesByUscc(deps.db, valid.map((v) => v.fields.uscc));
  for (const v of valid) {
    const found = existing.get(v.fields.uscc);
    if (found && !enterpriseInScope(viewer, found)) {
      problems.push({ row: v.row, column: COLUMNS[0].header, value: v.fields.uscc, reason: '该企业已登记在您管理范围之外的园区' });
    }
  }
  if (problems.length > 0) {
    problems.sort((a: ImportProblem, b: ImportProblem) => a.row - b.row);
    throw new AppError('IMPORT_INVALID', `${problems.length} problems; nothing was imported`, { problems });
  }
  return { valid, rowCount, existing };
}
