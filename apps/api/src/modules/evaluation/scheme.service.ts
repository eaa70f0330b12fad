import type { EvaluationScheme, SchemeRecord, SchemeSummary, SchemeUpdate } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { diff } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import * as repo from './scheme.repository';

/** The code of the reference scheme (methodology §1) whose newest version runs use by default. */
export const REFERENCE_CODE = 'reference';

/** A scheme version and the scheme it holds, as a run or a preview takes it. */
export interface ChosenScheme {
  id: string;
  scheme: EvaluationScheme;
}

function presentSummary(row: repo.SchemeListRow): SchemeSummary {
  const scheme = JSON.parse(row.body) as EvaluationScheme;
  return {
    id: row.id,
    code: row.code,
    schemeVersion: row.schemeVersion,
    name: row.name,
    reference: scheme.reference,
    frozen: row.frozen === 1,
    runs: row.runs,
    basedOn: row.basedOn !== null && row.basedOnVersion !== null ? { id: row.basedOn, schemeVersion: row.basedOnVersion } : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const presentRecord = (row: repo.SchemeListRow): SchemeRecord => ({ ...presentSummary(row), scheme: JSON.parse(row.body) as EvaluationScheme });

const frozen = (current: SchemeRecord) => new AppError('SCHEME_FROZEN', 'a run has used this scheme version, so it is frozen; copy it to a new version to change it', { current });

/** Every version of every scheme, newest version first within a code. */
export async function listSchemes(db: Db): Promise<SchemeSummary[]> {
  return (await repo.listSchemeRows(db)).map(presentSummary);
}

export async function getScheme(db: Db, id: string): Promise<SchemeRecord> {
  const row = await repo.findSchemeRow(db, id);
  if (!row) throw notFound('evaluation scheme');
  return presentRecord(row);
}

/** The version a run or a preview uses: the one named, else the newest version of the reference scheme. */
export async function schemeForRun(db: Db, id: string | undefined): Promise<ChosenScheme> {
  const row = id === undefined ? await repo.newestSchemeRow(db, REFERENCE_CODE) : await repo.findSchemeRow(db, id);
  if (!row) throw notFound('evaluation scheme');
  return { id: row.id, scheme: JSON.parse(row.body) as EvaluationScheme };
}

/**
 * Saves the whole scheme of an unfrozen version, at the row version it was read at: 409
 * SCHEME_FROZEN once a run used it, 409 CONFLICT (with the record as it stands) when someone
 * saved first. The scheme's code and version are the row's. Audited old → new per section.
 */
export async function updateScheme(db: Db, ctx: RequestContext, id: string, update: SchemeUpdate): Promise<SchemeRecord> {
  const before = await getScheme(db, id);
  if (before.frozen) throw frozen(before);
  if (before.version !== update.version) throw conflict(before);
  const { scheme } = update;
  const fixed = [...(scheme.code !== before.code ? ['scheme.code'] : []), ...(scheme.version !== before.schemeVersion ? ['scheme.version'] : [])];
  if (fixed.length > 0) throw new AppError('VALIDATION', 'the scheme’s code and version are its record’s and cannot change', { issues: fixed.map((path) => ({ path, message: 'evaluation.fixedIdentity' })) });
  const saved = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateScheme(trx, id, update.version, { name: scheme.name, body: JSON.stringify(scheme), updatedAt: ctx.clock.now().toISOString() }))) return false;
    const changes = diff(before.scheme, scheme);
    await appendAudit(trx, [auditEvent(ctx, 'evaluationScheme.update', { entityType: 'evaluationScheme', entityId: id, detail: { code: before.code, schemeVersion: before.schemeVersion, changes } })]);
    return true;
  });
  const after = await getScheme(db, id);
  if (!saved) throw after.frozen ? frozen(after) : conflict(after);
  return after;
}

/** A new, unfrozen version of the same scheme (the highest version + 1), a copy of this one's scheme. */
export async function copyScheme(db: Db, ctx: RequestContext, id: string): Promise<SchemeRecord> {
  const source = await getScheme(db, id);
  const viewer = ctx.viewer!;
  const now = ctx.clock.now().toISOString();
  const copyId = newId();
  await db.transaction().execute(async (trx) => {
    const schemeVersion = (await repo.versionsOf(trx, source.code)).max + 1;
    const scheme = { ...source.scheme, version: schemeVersion };
    await repo.insertScheme(trx, {
      id: copyId,
      code: source.code,
      schemeVersion,
      name: scheme.name,
      body: JSON.stringify(scheme),
      frozen: 0,
      basedOn: source.id,
      createdBy: viewer.displayName || viewer.username,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const detail = { changes: diff({}, { code: source.code, schemeVersion, basedOn: `${source.code}@${source.schemeVersion}` }) };
    await appendAudit(trx, [auditEvent(ctx, 'evaluationScheme.copy', { entityType: 'evaluationScheme', entityId: copyId, detail })]);
  });
  return getScheme(db, copyId);
}

/**
 * Deletes a version no run has used and nothing was copied from, unless it is its scheme's only
 * version (runs always need one). Audited with the scheme it held.
 */
export async function deleteScheme(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const current = await getScheme(db, id);
  if (current.frozen || current.runs > 0) throw frozen(current);
  await db.transaction().execute(async (trx) => {
    if ((await repo.versionsOf(trx, current.code)).count === 1) throw new AppError('VALIDATION', 'the only version of a scheme stays', { reason: 'onlyVersion' });
    if ((await repo.copiesOf(trx, id)) > 0) throw new AppError('VALIDATION', 'other versions were copied from this one', { reason: 'copiedFrom' });
    if (!(await repo.deleteScheme(trx, id))) throw frozen({ ...current, frozen: true });
    const detail = { code: current.code, schemeVersion: current.schemeVersion, old: current.scheme };
    await appendAudit(trx, [auditEvent(ctx, 'evaluationScheme.delete', { entityType: 'evaluationScheme', entityId: id, detail })]);
  });
}
