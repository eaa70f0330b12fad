import type { IdleJobResult } from '@yuanqu/contracts';
import { performance } from 'node:perf_hooks';
import type { Db, Trx } from '../../db/database';
import { insertRows } from '../../db/dialect';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { idleCheck } from './idle.service';

const OPEN_STAGES_BEFORE_DECISION = ['investigation', 'determination', 'cause', 'plan'];

/**
 * The idle-land job (daily, and on demand): applies the rules to every parcel on `asOf` and opens a
 * case for each new finding — a fee case after one full year, a recovery case after two, a case
 * without fee when a government-caused delay is recorded. A finding already opened (same parcel,
 * kind and idle start) opens nothing, so the job can run any number of times a day. A case not
 * yet decided whose parcel now has a government-caused delay recorded loses its fee.
 */
export async function runIdleJob(db: Db, ctx: RequestContext, asOf: string): Promise<IdleJobResult> {
  const t0 = performance.now();
  const { items } = await idleCheck(db, { unitPaths: null }, asOf);
  const now = ctx.clock.now().toISOString();
  const actor = ctx.viewer?.displayName ?? 'system';
  return db.transaction().execute(async (trx) => {
    const existing = await casesOf(trx, items.map((i) => i.parcelId));
    const opened: Record<string, unknown>[] = [];
    const steps: Record<string, unknown>[] = [];
    let feeWithdrawn = 0;
    for (const item of items) {
      const mine = existing.get(item.parcelId) ?? [];
      if (item.kind === 'governmentDelay') {
        for (const c of mine.filter((c) => c.kind !== 'governmentDelay' && OPEN_STAGES_BEFORE_DECISION.includes(c.stage))) {
          await trx.updateTable('idleCase').set({ kind: 'governmentDelay', feeYuan: null, cause: item.cause, updatedAt: now, version: c.version + 1 }).where('id', '=', c.id).execute();
          steps.push(stepRow(c.id, c.stage, 'governmentDelayRecorded', asOf, actor, now, { cause: item.cause }));
          feeWithdrawn++;
        }
        if (mine.some((c) => c.idleSince === item.idleSince)) continue;
      } else if (mine.some((c) => c.kind === item.kind && c.idleSince === item.idleSince)) continue;
      const id = newId();
      opened.push({
        id,
        parcelId: item.parcelId,
        holderEnterpriseId: item.holderEnterpriseId,
        kind: item.kind,
        rule: item.rule,
        idleSince: item.idleSince,
        priceYuan: item.priceYuan,
        feeYuan: item.feeYuan,
        cause: item.kind === 'governmentDelay' ? item.cause : null,
        option: null,
        decision: null,
        stage: 'investigation',
        outcome: null,
        openedOn: asOf,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      steps.push(stepRow(id, 'investigation', 'open', asOf, actor, now, { kind: item.kind, fullYears: item.fullYears, feeYuan: item.feeYuan }));
    }
    await insertRows(trx, 'idleCase', opened);
    await insertRows(trx, 'idleCaseStep', steps);
    const result = { asOf, opened: opened.length, feeWithdrawn, ms: Math.round(performance.now() - t0) };
    if (opened.length || feeWithdrawn) await appendAudit(trx, [auditEvent(ctx, 'idleCase.job', { entityType: 'idleCase', detail: { ...result, caseIds: opened.map((c) => c.id) } })]);
    return result;
  });
}

function stepRow(caseId: string, stage: string, action: string, doneOn: string, actor: string, createdAt: string, detail: Record<string, unknown>) {
  return { id: newId(), caseId, stage, action, doneOn, actor, document: null, note: null, detail: JSON.stringify(detail), createdAt };
}

async function casesOf(trx: Trx, parcelIds: string[]) {
  const out = new Map<string, { id: string; kind: string; idleSince: string; stage: string; version: number }[]>();
  for (let i = 0; i < parcelIds.length; i += 500) {
    const rows = await trx.selectFrom('idleCase').select(['id', 'parcelId', 'kind', 'idleSince', 'stage', 'version']).where('parcelId', 'in', parcelIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.parcelId, [...(out.get(r.parcelId) ?? []), r]);
  }
  return out;
}
