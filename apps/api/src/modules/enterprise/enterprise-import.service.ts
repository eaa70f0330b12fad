import { createHash } from 'node:crypto';
import { LIMITS, type EnterpriseFields, type ImportProblem, type ImportResult } from '@yuanqu/contracts';
import type { EnterpriseTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inspectXlsx, type ZipRejection } from '../../lib/xlsx-guard';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { diff, type AuditEvent } from '../audit/audit';
import { enterpriseInScope, unitInScope } from '../auth/viewer';
import type { UnitRow } from '../unit/unit.repository';
import { COLUMNS } from './enterprise-columns';
import { columnsOf, contentOf } from './enterprise';
import { readWorkbook, validateRows } from './enterprise-import';
import { findEnterprisesByUscc, insertEnterprises, updateEnterprise } from './enterprise.repository';
import { unitMap, type EnterpriseDeps } from './enterprise.service';

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
  const previous = await db.selectFrom('importBatch').selectAll().where('kind', '=', 'enterprise').where('fileHash', '=', fileHash).executeTakeFirst();
  if (input.idempotencyKey) {
    const keyed = await db.selectFrom('importBatch').select('fileHash').where('kind', '=', 'enterprise').where('idempotencyKey', '=', input.idempotencyKey).executeTakeFirst();
    if (keyed && keyed.fileHash !== fileHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different file');
  }
  if (previous) return { importId: previous.id, duplicate: true, created: 0, updated: 0, unchanged: previous.rowCount };

  const rejection = await inspectXlsx(input.file);
  if (rejection) throw new AppError('IMPORT_FILE_REJECTED', REJECTIONS[rejection], { reason: rejection });
  const raw = await readWorkbook(input.file, maxRows);

  const units = await unitMap(db);
  const placeable = new Map<string, UnitRow>();
  for (const u of units.values()) {
    if ((u.kind === 'park' || u.kind === 'zone') && unitInScope(viewer, u.path)) {
      placeable.set(u.name, u);
      placeable.set(u.code, u);
    }
  }
  const { valid, problems } = validateRows(raw, placeable);
  const existing = await findEnterprisesByUscc(db, valid.map((v) => v.fields.uscc));
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

  const now = ctx.clock.now().toISOString();
  const inserts: { row: EnterpriseTable; fields: Omit<EnterpriseFields, 'qualifications'> }[] = [];
  const updates: { id: string; version: number; fields: EnterpriseFields; delta: ReturnType<typeof diff> }[] = [];
  let unchanged = 0;
  for (const { fields } of valid) {
    const found = existing.get(fields.uscc);
    if (!found) {
      const row = { id: newId(), ...columnsOf({ ...fields, qualifications: [] }), status: 'active', isDemo: input.isDemo ? 1 : 0, version: 1, createdAt: now, updatedAt: now };
      inserts.push({ row, fields });
      continue;
    }
    const current = contentOf(found);
    const next = { ...fields, qualifications: current.qualifications };
    const delta = diff(current, next);
    if (Object.keys(delta).length === 0) unchanged++;
    else updates.push({ id: found.id, version: found.version, fields: next, delta });
  }

  const importId = newId();
  const events: AuditEvent[] = [
    ...inserts.map((i) => auditEvent(ctx, 'enterprise.create', { entityType: 'enterprise', entityId: i.row.id, detail: { importId, changes: diff({}, i.fields) } })),
    ...updates.map((u) => auditEvent(ctx, 'enterprise.update', { entityType: 'enterprise', entityId: u.id, detail: { importId, changes: u.delta } })),
  ];
  const result = { importId, duplicate: false, created: inserts.length, updated: updates.length, unchanged };
  events.push(auditEvent(ctx, 'enterprise.import', { entityType: 'import', entityId: importId, detail: { fileHash, rows: raw.length, ...result } }));
  await db.transaction().execute(async (trx) => {
    await insertEnterprises(trx, inserts.map((i) => i.row), new Map());
    for (const u of updates) {
      if (!(await updateEnterprise(trx, u.id, u.version, { ...columnsOf(u.fields), updatedAt: now }))) {
        throw new AppError('CONFLICT', 'an enterprise in the file was edited during the import; nothing was imported, please import again');
      }
    }
    await trx
      .insertInto('importBatch')
      .values({ id: importId, kind: 'enterprise', fileHash, idempotencyKey: input.idempotencyKey, userId: viewer.userId, createdAt: now, rowCount: raw.length, created: inserts.length, updated: updates.length, unchanged })
      .execute();
    await appendAudit(trx, events);
  });
  return result;
}
