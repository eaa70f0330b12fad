import type { DisposalCase, DisposalStateChange, MilestoneAdd, MilestoneUpdate } from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import { localDate } from '../../lib/clock';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { diff } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { stateChangeProblem } from './disposal';
import * as repo from './disposal.repository';
import { guarded, milestoneRows, openForWrite } from './disposal.service';
import * as parcels from './parcel.repository';

/**
 * Records the case's parcels as 收回 from `on`, each with its dated status and an audit event, in
 * the case's transaction; false when a parcel was edited meanwhile (the whole change rolls back).
 */
async function recoverParcels(trx: Trx, ctx: RequestContext, c: DisposalCase, on: string, now: string): Promise<boolean> {
  for (const { id } of c.parcels) {
    const p = await trx.selectFrom('parcel').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    if (p.status === 'recovered') continue;
    if (!(await parcels.updateParcel(trx, id, p.version, { status: 'recovered', updatedAt: now }))) return false;
    await parcels.insertStatus(trx, { id: newId(), parcelId: id, status: 'recovered', since: on, actor: ctx.viewer!.username, createdAt: now });
    const detail = { changes: { status: { old: p.status, new: 'recovered' } }, statusSince: on, disposalCaseId: c.id };
    await appendAudit(trx, [auditEvent(ctx, 'parcel.update', { entityType: 'parcel', entityId: id, detail })]);
  }
  return true;
}

/**
 * Moves a case on (拟定 → 实施中 → 已完成, or → 已终止), dated `on` (default today). Starting sets
 * the start date if none was set; completing sets the completion date and, for a 协商收回 case
 * when asked, records its parcels as 收回 from that day.
 */
export async function changeDisposalState(db: Db, ctx: RequestContext, id: string, body: DisposalStateChange): Promise<DisposalCase> {
  const today = localDate(ctx.clock.now());
  const current = await openForWrite(db, ctx, id, body.version);
  const on = body.on ?? today;
  const note = body.note?.trim() || null;
  const recover = body.recoverParcels ?? false;
  const problem = stateChangeProblem({
    kind: current.kind, from: current.state, to: body.state, on, lastSince: current.stateSince, today,
    openMilestones: current.progress.total - current.progress.done, note, recoverParcels: recover,
  });
  if (problem) throw new AppError('VALIDATION', `the case cannot move to ${body.state}: ${problem}`, { field: problem === 'noteRequired' ? 'note' : 'state', reason: problem });
  const now = ctx.clock.now().toISOString();
  return guarded(db, ctx, id, async (trx) => {
    const set = { state: body.state, updatedAt: now, startOn: body.state === 'inProgress' ? (current.startOn ?? on) : current.startOn, completedOn: body.state === 'completed' ? on : null };
    if (!(await repo.updateCase(trx, id, body.version, set))) return false;
    await repo.insertState(trx, { id: newId(), caseId: id, state: body.state, since: on, actor: ctx.viewer!.username, note, createdAt: now });
    if (recover && !(await recoverParcels(trx, ctx, current, on, now))) throw new AppError('CONFLICT', 'a parcel of the case was changed meanwhile; reload and try again', { current });
    const detail = { from: current.state, to: body.state, on, note, recoveredParcels: recover ? current.parcelIds : [] };
    await appendAudit(trx, [auditEvent(ctx, 'disposal.state', { entityType: 'disposalCase', entityId: id, detail })]);
    return true;
  });
}

/** Adds a milestone at the end of an open case's list. */
export async function addMilestone(db: Db, ctx: RequestContext, id: string, body: MilestoneAdd): Promise<DisposalCase> {
  const { version, ...milestone } = body;
  await openForWrite(db, ctx, id, version);
  const now = ctx.clock.now().toISOString();
  return guarded(db, ctx, id, async (trx) => {
    if (!(await repo.updateCase(trx, id, version, { updatedAt: now }))) return false;
    const last = await trx.selectFrom('disposalMilestone').select((eb) => eb.fn.max('position').as('p')).where('caseId', '=', id).executeTakeFirst();
    const [row] = milestoneRows(id, [milestone], Number(last?.p ?? -1) + 1, now);
    await repo.insertMilestones(trx, [row!]);
    await appendAudit(trx, [auditEvent(ctx, 'disposal.milestone.add', { entityType: 'disposalCase', entityId: id, detail: { milestoneId: row!.id, changes: diff({}, milestone) } })]);
    return true;
  });
}

/** Edits a milestone of an open case, or ticks it done on `doneOn` (default today, never later; who ticked it is recorded) or undone. */
export async function updateMilestone(db: Db, ctx: RequestContext, id: string, milestoneId: string, body: MilestoneUpdate): Promise<DisposalCase> {
  const { version, done: ticked, doneOn, ...changes } = body;
  const current = await openForWrite(db, ctx, id, version);
  const before = current.milestones.find((m) => m.id === milestoneId);
  if (!before) throw notFound('milestone');
  const today = localDate(ctx.clock.now());
  if (doneOn && (ticked !== true || doneOn > today)) throw new AppError('VALIDATION', 'a milestone is done on a day up to today', { field: 'doneOn', reason: 'dateInFuture' });
  const now = ctx.clock.now().toISOString();
  const done = ticked === undefined ? {} : ticked ? { doneOn: doneOn ?? today, doneBy: ctx.viewer!.username } : { doneOn: null, doneBy: null };
  const owner = changes.owner === undefined ? {} : { owner: changes.owner?.trim() || null };
  const set = { ...changes, ...owner, ...done };
  return guarded(db, ctx, id, async (trx) => {
    if (!(await repo.updateCase(trx, id, version, { updatedAt: now }))) return false;
    await repo.updateMilestone(trx, milestoneId, { ...set, updatedAt: now });
    const { id: _id, overdue: _o, ...old } = before;
    await appendAudit(trx, [auditEvent(ctx, 'disposal.milestone.update', { entityType: 'disposalCase', entityId: id, detail: { milestoneId, changes: diff(old, set) } })]);
    return true;
  });
}
