import type { GovernmentDelay, IdleCase, IdleCaseAction, IdleCaseListQuery, IdleCaseStep } from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import { localDate } from '../../lib/clock';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { insertStatus } from './parcel.repository';
import { addYears, fullYears } from './idle';
import { assertAllowed, nextStage } from './idle-case';
import { findIdleCase, listIdleCaseRows, presentIdleCase, stepsOf, type IdleCaseRow } from './idle-case.repository';

export async function listIdleCases(db: Db, viewer: Viewer, query: IdleCaseListQuery, today: string): Promise<IdleCase[]> {
  const rows = await listIdleCaseRows(db, viewer, query);
  const steps = await stepsOf(db, rows.map((r) => r.id));
  return rows.map((r) => presentIdleCase(r, steps.get(r.id) ?? [], today));
}

export async function getIdleCase(db: Db | Trx, viewer: Viewer, id: string, today: string): Promise<IdleCase> {
  const r = await findIdleCase(db, id);
  if (!r || !unitInScope(viewer, r.unitPath)) throw notFound('idle case');
  return presentIdleCase(r, (await stepsOf(db, [id])).get(id) ?? [], today);
}

type Changes = { kind?: string; feeYuan?: number | null; cause?: string; option?: string; decision?: string; outcome?: string };

/** The decision the rules give on the day it is made: recovery after two full years idle, else the fee. */
function decisionOn(c: IdleCaseRow, today: string): { decision: 'fee' | 'recovery'; feeYuan: number | null; document: 'feeDecision' | 'recoveryDecision' } {
  const idleFrom = addYears(c.idleSince, -1);
  if (fullYears(idleFrom, today) >= 2) return { decision: 'recovery', feeYuan: null, document: 'recoveryDecision' };
  const price = c.priceYuan === null ? null : Number(c.priceYuan);
  return { decision: 'fee', feeYuan: price === null ? null : Math.round(price * 0.2), document: 'feeDecision' };
}

/** What an act changes on the case and its parcel, and the document it issued. */
async function apply(trx: Trx, c: IdleCaseRow, a: IdleCaseAction, today: string, bump: (parcel: Record<string, unknown>) => Promise<void>): Promise<{ changes: Changes; document: IdleCaseStep['document']; detail: Record<string, unknown> | null }> {
  const doc = (kind: NonNullable<IdleCaseStep['document']>['kind']) => ('documentNumber' in a ? { kind, number: a.documentNumber } : null);
  switch (a.action) {
    case 'investigate':
      return { changes: {}, document: doc('investigationNotice'), detail: null };
    case 'determine':
      return { changes: {}, document: doc('determination'), detail: null };
    case 'dismiss':
      return { changes: { outcome: 'notIdle' }, document: null, detail: null };
    case 'assignCause': {
      if (a.cause === 'holder') {
        const parcel = await trx.selectFrom('parcel').select('governmentDelay').where('id', '=', c.parcelId).executeTakeFirstOrThrow();
        if (parcel.governmentDelay !== null) throw new AppError('VALIDATION', 'the parcel has a government-caused delay recorded; remove it first', { field: 'cause', reason: 'governmentDelayRecorded' });
        return { changes: { cause: 'holder' }, document: null, detail: null };
      }
      const delay: GovernmentDelay = { cause: a.cause, note: a.note, recordedOn: today };
      await bump({ governmentDelay: JSON.stringify(delay) });
      return { changes: { cause: a.cause, kind: 'governmentDelay', feeYuan: null }, document: null, detail: null };
    }
    case 'decide': {
      const d = decisionOn(c, today);
      return { changes: { decision: d.decision, kind: d.decision === 'fee' ? 'idleFee' : 'recovery', feeYuan: d.feeYuan }, document: doc(d.document), detail: { decision: d.decision, feeYuan: d.feeYuan } };
    }
    case 'chooseOption': {
      if (a.option === 'extendStart') {
        if (!a.newStartOn || a.newStartOn <= today || a.newStartOn > addYears(today, 1)) throw new AppError('VALIDATION', 'an extended start date lies within one year from today', { field: 'newStartOn', reason: 'extensionOverOneYear' });
        await bump({ agreedStartOn: a.newStartOn });
      }
      return { changes: { option: a.option }, document: doc('disposalPlan'), detail: a.newStartOn ? { newStartOn: a.newStartOn } : null };
    }
    case 'publish':
      return { changes: {}, document: null, detail: null };
    case 'appeal':
      return { changes: {}, document: null, detail: { appeal: a.appeal } };
    case 'close':
      if (a.outcome === 'landRecovered') await bump({ status: 'recovered' });
      return { changes: { outcome: a.outcome }, document: null, detail: null };
  }
}

/**
 * Records one act on a case, dated today and signed by the viewer, in the stage that allows it;
 * the parcel follows (a government cause recorded on it, a new start date, recovery). 409 when
 * the case changed since the viewer read it.
 */
export async function recordIdleAction(db: Db, ctx: RequestContext, id: string, a: IdleCaseAction): Promise<IdleCase> {
  const viewer = ctx.viewer!;
  const today = localDate(ctx.clock.now());
  const now = ctx.clock.now().toISOString();
  const saved = await db.transaction().execute(async (trx) => {
    const c = await findIdleCase(trx, id);
    if (!c || !unitInScope(viewer, c.unitPath)) throw notFound('idle case');
    if (c.version !== a.version) return false;
    assertAllowed({ stage: c.stage as IdleCase['stage'], cause: c.cause as IdleCase['cause'], decision: c.decision as 'fee' | 'recovery' | null }, a);
    const bump = async (parcel: Record<string, unknown>) => {
      const p = await trx.selectFrom('parcel').select(['version', 'status']).where('id', '=', c.parcelId).executeTakeFirstOrThrow();
      await trx.updateTable('parcel').set({ ...parcel, version: p.version + 1, updatedAt: now }).where('id', '=', c.parcelId).execute();
      if (parcel.status && parcel.status !== p.status) await insertStatus(trx, { id: newId(), parcelId: c.parcelId, status: parcel.status as string, since: today, actor: viewer.username, createdAt: now });
      await appendAudit(trx, [auditEvent(ctx, 'parcel.update', { entityType: 'parcel', entityId: c.parcelId, detail: { changes: parcel, idleCaseId: id } })]);
    };
    const { changes, document, detail } = await apply(trx, c, a, today, bump);
    const stage = nextStage(a.action);
    const updated = await trx
      .updateTable('idleCase')
      .set({ ...changes, stage, version: c.version + 1, updatedAt: now })
      .where('id', '=', id)
      .where('version', '=', a.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('idleCaseStep')
      .values({ id: newId(), caseId: id, stage: c.stage, action: a.action, doneOn: today, actor: viewer.displayName || viewer.username, document: document ? JSON.stringify(document) : null, note: a.note, detail: detail ? JSON.stringify(detail) : null, createdAt: now })
      .execute();
    await appendAudit(trx, [auditEvent(ctx, `idleCase.${a.action}`, { entityType: 'idleCase', entityId: id, detail: { stage: { old: c.stage, new: stage }, ...changes, document } })]);
    return true;
  });
  const after = await getIdleCase(db, viewer, id, today);
  if (!saved) throw conflict(after);
  return after;
}
