import { type AdjustmentInput, type AdjustmentRow, type EvaluationScheme, type RunSummary, type RunTransition } from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import type { EvaluationRunTable } from '../../db/schema';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { enterpriseAccounts, notify } from '../notification/notification.repository';
import { recomputeRun } from './recompute';
import { findRunRow } from './run.repository';
import { adjustable, nextState, transitionProblem } from './run-state';
import { runSummary } from './run-summary';

/** A run the viewer may act on: its scope lies within the viewer's (an all-units run needs an all-units viewer). */
export async function runForWrite(db: Db | Trx, viewer: Viewer, id: string): Promise<EvaluationRunTable> {
  const run = await findRunRow(db, id);
  if (!run) throw notFound('evaluation run');
  const scope = run.scope === null ? null : (JSON.parse(run.scope) as string[]);
  const covered = viewer.unitIds === null || (scope !== null && scope.every((u) => viewer.unitIds!.includes(u)));
  if (!covered) throw forbidden('the run covers units outside your scope');
  return run;
}

/** The staff adjustments of a run, for the enterprises in the viewer's scope. */
export async function listAdjustments(db: Db, viewer: Viewer, runId: string): Promise<AdjustmentRow[]> {
  const rows = await db
    .selectFrom('evaluationAdjustment as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select(['a.id', 'a.enterpriseId', 'e.name as enterpriseName', 'a.kind', 'a.code', 'a.points', 'a.reason', 'a.evidence', 'a.createdBy', 'a.createdAt', 'u.path'])
    .where('a.runId', '=', runId)
    .orderBy('a.createdAt')
    .execute();
  return rows.filter((r) => unitInScope(viewer, r.path)).map(({ path: _path, ...r }) => ({ ...r, kind: r.kind as AdjustmentRow['kind'] }));
}

function checkAgainstScheme(scheme: EvaluationScheme, a: AdjustmentInput, existing: { kind: string; code: string }[]): void {
  const items = a.kind === 'veto' ? scheme.vetoItems : a.kind === 'exempt' ? scheme.exemptReasons : scheme.adjustmentItems.filter((i) => i.kind === a.kind);
  if (!items.some((i) => i.code === a.code)) throw new AppError('VALIDATION', `${a.code} is not a ${a.kind} item of the run's scheme`, { field: 'code', reason: 'notInScheme' });
  if (a.kind === 'exempt' && existing.some((e) => e.kind === 'exempt')) throw new AppError('VALIDATION', 'the enterprise is already marked T by staff', { field: 'kind', reason: 'alreadyExempt' });
  if (a.kind === 'veto' && existing.some((e) => e.kind === 'veto' && e.code === a.code)) throw new AppError('VALIDATION', 'this veto is already applied', { field: 'code', reason: 'duplicateVeto' });
}

async function touch(trx: Trx, run: EvaluationRunTable): Promise<void> {
  const saved = await trx.updateTable('evaluationRun').set({ version: run.version + 1 }).where('id', '=', run.id).where('version', '=', run.version).executeTakeFirst();
  if (Number(saved.numUpdatedRows) !== 1) throw conflict(runSummary(run));
}

/** Adds a 加分/减分, veto or T with its reason and evidence to a draft run and computes the run again. */
export async function addAdjustment(db: Db, ctx: RequestContext, runId: string, body: AdjustmentInput): Promise<{ adjustment: AdjustmentRow; run: RunSummary }> {
  const viewer = ctx.viewer!;
  return db.transaction().execute(async (trx) => {
    const run = await runForWrite(trx, viewer, runId);
    if (!adjustable(run.state)) throw new AppError('VALIDATION', 'only a draft run is adjusted; return it to draft first', { field: 'state', reason: 'notDraft' });
    const member = await trx
      .selectFrom('evaluationResult as r')
      .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
      .innerJoin('unit as u', 'u.id', 'e.unitId')
      .select(['e.name', 'u.path'])
      .where('r.runId', '=', runId)
      .where('r.enterpriseId', '=', body.enterpriseId)
      .executeTakeFirst();
    if (!member || !unitInScope(viewer, member.path)) throw new AppError('VALIDATION', 'the enterprise is not in this run', { field: 'enterpriseId', reason: 'notInRun' });
    const existing = await trx.selectFrom('evaluationAdjustment').select(['kind', 'code']).where('runId', '=', runId).where('enterpriseId', '=', body.enterpriseId).execute();
    checkAgainstScheme(JSON.parse(run.scheme) as EvaluationScheme, body, existing);
    const row = { id: newId(), runId, ...body, createdBy: viewer.username, createdAt: ctx.clock.now().toISOString() };
    await trx.insertInto('evaluationAdjustment').values(row).execute();
    await touch(trx, run);
    await recomputeRun(trx, run);
    await appendAudit(trx, [auditEvent(ctx, 'evaluation.adjust', { entityType: 'evaluationRun', entityId: runId, detail: { added: { ...body } } })]);
    const { runId: _run, ...adjustment } = row;
    return { adjustment: { ...adjustment, enterpriseName: member.name }, run: runSummary({ ...run, version: run.version + 1 }) };
  });
}

/** Removes an adjustment from a draft run and computes the run again. */
export async function removeAdjustment(db: Db, ctx: RequestContext, runId: string, adjustmentId: string): Promise<RunSummary> {
  return db.transaction().execute(async (trx) => {
    const run = await runForWrite(trx, ctx.viewer!, runId);
    if (!adjustable(run.state)) throw new AppError('VALIDATION', 'only a draft run is adjusted; return it to draft first', { field: 'state', reason: 'notDraft' });
    const old = await trx.selectFrom('evaluationAdjustment').selectAll().where('id', '=', adjustmentId).where('runId', '=', runId).executeTakeFirst();
    if (!old) throw notFound('adjustment');
    await trx.deleteFrom('evaluationAdjustment').where('id', '=', adjustmentId).execute();
    await touch(trx, run);
    await recomputeRun(trx, run);
    await appendAudit(trx, [auditEvent(ctx, 'evaluation.adjust', { entityType: 'evaluationRun', entityId: runId, detail: { removed: old } })]);
    return runSummary({ ...run, version: run.version + 1 });
  });
}

/**
 * Moves a run through review (draft → submitted → approved → published; return to draft with a
 * note). A stale version gets 409; approval by the account that submitted it is refused.
 * Publishing freezes the run, supersedes the earlier publication of the same year and scope,
 * and tells each evaluated enterprise's accounts.
 */
export async function transitionRun(db: Db, ctx: RequestContext, runId: string, body: RunTransition): Promise<RunSummary> {
  const viewer = ctx.viewer!;
  return db.transaction().execute(async (trx) => {
    const run = await runForWrite(trx, viewer, runId);
    if (run.version !== body.version) throw conflict(runSummary(run));
    const problem = transitionProblem(run, body.action, viewer.username);
    if (problem === 'reviewerIsSubmitter') throw forbidden('a run is approved by someone other than who submitted it');
    if (problem) throw new AppError('VALIDATION', `a ${run.state} run cannot be ${body.action}ed`, { field: 'action', reason: problem });
    const now = ctx.clock.now().toISOString();
    const step =
      body.action === 'submit'
        ? { submittedBy: viewer.username, submittedAt: now, reviewedBy: null, reviewedAt: null, reviewNote: null }
        : body.action === 'publish'
          ? { publishedBy: viewer.username, publishedAt: now }
          : { reviewedBy: viewer.username, reviewedAt: now, reviewNote: body.note };
    const after = { ...run, ...step, state: nextState(body.action), version: run.version + 1 };
    const saved = await trx.updateTable('evaluationRun').set({ ...step, state: after.state, version: after.version }).where('id', '=', runId).where('version', '=', run.version).executeTakeFirst();
    if (Number(saved.numUpdatedRows) !== 1) throw conflict(runSummary(run));
    if (body.action === 'publish') await publish(trx, ctx, after);
    await appendAudit(trx, [auditEvent(ctx, `evaluation.${body.action}`, { entityType: 'evaluationRun', entityId: runId, detail: { from: run.state, to: after.state, note: body.note } })]);
    return runSummary(after);
  });
}

async function publish(trx: Trx, ctx: RequestContext, run: EvaluationRunTable): Promise<void> {
  let earlier = trx.updateTable('evaluationRun').set({ state: 'superseded' }).where('year', '=', run.year).where('state', '=', 'published').where('id', '!=', run.id);
  earlier = run.scope === null ? earlier.where('scope', 'is', null) : earlier.where('scope', '=', run.scope);
  await earlier.execute();
  await recomputeRun(trx, run);
  const classed = await trx.selectFrom('evaluationResult').select(['enterpriseId', 'class']).where('runId', '=', run.id).where('class', 'is not', null).execute();
  const accounts = new Map<string, string[]>();
  for (let i = 0; i < classed.length; i += 500) {
    for (const [id, users] of await enterpriseAccounts(trx, classed.slice(i, i + 500).map((r) => r.enterpriseId))) accounts.set(id, users);
  }
  const messages = classed.flatMap((r) => (accounts.get(r.enterpriseId) ?? []).map((userId) => ({ userId, kind: 'evaluationPublished' as const, params: { year: run.year, class: r.class, runId: run.id }, ref: run.id })));
  await notify(trx, messages, ctx.clock.now().toISOString());
}
