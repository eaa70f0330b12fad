import { type ObjectionOutcome, type ObjectionRow } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import type { EvaluationObjectionTable } from '../../db/schema';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { enterpriseAccounts, notify } from '../notification/notification.repository';

function objectionQuery(db: Db) {
  return db
    .selectFrom('evaluationObjection as o')
    .innerJoin('evaluationRun as r', 'r.id', 'o.runId')
    .innerJoin('enterprise as e', 'e.id', 'o.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .leftJoin('user as filer', 'filer.username', 'o.filedBy')
    .leftJoin('user as answerer', 'answerer.username', 'o.answeredBy')
    .selectAll('o')
    .select(['r.year', 'e.name as enterpriseName', 'u.path', 'filer.displayName as filerName', 'answerer.displayName as answererName']);
}

type Joined = EvaluationObjectionTable & { year: number; enterpriseName: string; path: string; filerName: string | null; answererName: string | null };
const present = ({ path: _path, filerName, answererName, ...o }: Joined): ObjectionRow => ({
  ...o,
  state: o.state as ObjectionRow['state'],
  outcome: o.outcome as ObjectionOutcome | null,
  filedByName: filerName || o.filedBy,
  answeredByName: o.answeredBy === null ? null : answererName || o.answeredBy,
});

/** Objections the viewer may read: an enterprise its own, the committee those of enterprises in its scope; open ones first, newest first. */
export async function listObjections(db: Db, viewer: Viewer, filter: { state?: 'open' | 'answered'; runId?: string; enterpriseId?: string }): Promise<ObjectionRow[]> {
  let q = objectionQuery(db);
  if (filter.state) q = q.where('o.state', '=', filter.state);
  if (filter.runId) q = q.where('o.runId', '=', filter.runId);
  if (filter.enterpriseId) q = q.where('o.enterpriseId', '=', filter.enterpriseId);
  if (viewer.role === 'enterprise') q = q.where('o.enterpriseId', '=', viewer.enterpriseId ?? '');
  const rows = await q.orderBy('o.state', 'desc').orderBy('o.filedAt', 'desc').execute();
  return rows.filter((r) => viewer.role === 'enterprise' || unitInScope(viewer, r.path)).map(present);
}

/**
 * An enterprise user objects (异议) to its result in a published run. One open objection per
 * run at a time; a superseded run takes none (the newer publication is the one to object to).
 */
export async function fileObjection(db: Db, ctx: RequestContext, runId: string, text: string): Promise<ObjectionRow> {
  const viewer = ctx.viewer!;
  const enterpriseId = viewer.enterpriseId;
  if (viewer.role !== 'enterprise' || !enterpriseId) throw forbidden('only an enterprise objects to its own result');
  return db.transaction().execute(async (trx) => {
    const run = await trx.selectFrom('evaluationRun').select(['state']).where('id', '=', runId).executeTakeFirst();
    const own = await trx.selectFrom('evaluationResult').select('enterpriseId').where('runId', '=', runId).where('enterpriseId', '=', enterpriseId).executeTakeFirst();
    if (!run || run.state !== 'published' || !own) throw notFound('published result');
    const open = await trx.selectFrom('evaluationObjection').select('id').where('runId', '=', runId).where('enterpriseId', '=', enterpriseId).where('state', '=', 'open').executeTakeFirst();
    if (open) throw new AppError('VALIDATION', 'an objection to this result is still waiting for its answer', { field: 'text', reason: 'objectionOpen' });
    const row = { id: newId(), runId, enterpriseId, text, filedBy: viewer.username, filedAt: ctx.clock.now().toISOString(), state: 'open', outcome: null, answer: null, answeredBy: null, answeredAt: null, version: 1 };
    await trx.insertInto('evaluationObjection').values(row).execute();
    await appendAudit(trx, [auditEvent(ctx, 'evaluation.objection', { entityType: 'evaluationObjection', entityId: row.id, detail: { runId, enterpriseId, text } })]);
    return present((await objectionQuery(trx).where('o.id', '=', row.id).executeTakeFirstOrThrow()) as Joined);
  });
}

/** Staff answer an objection (维持 or 予以更正, with the reasons); 409 on a stale version; the enterprise's accounts are told. */
export async function answerObjection(db: Db, ctx: RequestContext, id: string, body: { version: number; outcome: ObjectionOutcome; answer: string }): Promise<ObjectionRow> {
  const viewer = ctx.viewer!;
  return db.transaction().execute(async (trx) => {
    const current = (await objectionQuery(trx).where('o.id', '=', id).executeTakeFirst()) as Joined | undefined;
    if (!current || !unitInScope(viewer, current.path)) throw notFound('objection');
    if (current.version !== body.version) throw conflict(present(current));
    if (current.state !== 'open') throw new AppError('VALIDATION', 'the objection is already answered', { field: 'answer', reason: 'alreadyAnswered' });
    const now = ctx.clock.now().toISOString();
    const change = { state: 'answered', outcome: body.outcome, answer: body.answer, answeredBy: viewer.username, answeredAt: now, version: current.version + 1 };
    const saved = await trx.updateTable('evaluationObjection').set(change).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
    if (Number(saved.numUpdatedRows) !== 1) throw conflict(present(current));
    const accounts = await enterpriseAccounts(trx, [current.enterpriseId]);
    const messages = (accounts.get(current.enterpriseId) ?? []).map((userId) => ({ userId, kind: 'objectionAnswered' as const, params: { year: current.year, outcome: body.outcome, runId: current.runId }, ref: id }));
    await notify(trx, messages, now);
    await appendAudit(trx, [auditEvent(ctx, 'evaluation.answer', { entityType: 'evaluationObjection', entityId: id, detail: { enterpriseId: current.enterpriseId, outcome: body.outcome, answer: body.answer } })]);
    return present({ ...current, ...change, answererName: viewer.displayName });
  });
}
