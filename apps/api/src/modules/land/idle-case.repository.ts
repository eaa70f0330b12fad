import type { IdleCase, IdleCaseListQuery, IdleCaseStep } from '@yuanqu/contracts';
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { IdleCaseStepTable, IdleCaseTable } from '../../db/schema';
import { unitInScope, type Viewer } from '../auth/viewer';
import { fullYears } from './idle';
import { actionsFor, deadlines } from './idle-case';

export type IdleCaseRow = Selectable<IdleCaseTable> & { parcelCode: string; parcelName: string | null; holderName: string | null; unitPath: string };

const money = (v: number | string | null) => (v === null ? null : Number(v));

function withParcel(db: Db | Trx) {
  return db
    .selectFrom('idleCase as c')
    .innerJoin('parcel as p', 'p.id', 'c.parcelId')
    .innerJoin('unit as u', 'u.id', 'p.unitId')
    .leftJoin('enterprise as e', 'e.id', 'c.holderEnterpriseId')
    .selectAll('c')
    .select(['p.code as parcelCode', 'p.name as parcelName', 'e.name as holderName', 'u.path as unitPath']);
}

export function findIdleCase(db: Db | Trx, id: string): Promise<IdleCaseRow | undefined> {
  return withParcel(db).where('c.id', '=', id).executeTakeFirst();
}

export async function listIdleCaseRows(db: Db, viewer: Pick<Viewer, 'unitPaths'>, q: IdleCaseListQuery): Promise<IdleCaseRow[]> {
  let query = withParcel(db);
  if (q.open === 'true') query = query.where('c.stage', '<>', 'closed');
  if (q.open === 'false') query = query.where('c.stage', '=', 'closed');
  if (q.stage) query = query.where('c.stage', '=', q.stage);
  if (q.parcelId) query = query.where('c.parcelId', '=', q.parcelId);
  const rows = await query.orderBy('c.openedOn', 'desc').orderBy('p.code').execute();
  return rows.filter((r) => unitInScope(viewer, r.unitPath));
}

export async function stepsOf(db: Db | Trx, caseIds: string[]): Promise<Map<string, Selectable<IdleCaseStepTable>[]>> {
  const out = new Map<string, Selectable<IdleCaseStepTable>[]>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db.selectFrom('idleCaseStep').selectAll().where('caseId', 'in', caseIds.slice(i, i + 500)).orderBy('createdAt').orderBy('id').execute();
    for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r]);
  }
  return out;
}

/** A case as the API shows it: its acts in order, the dates they set and what may come next. */
export function presentIdleCase(r: IdleCaseRow, stepRows: Selectable<IdleCaseStepTable>[], today: string): IdleCase {
  const steps: IdleCaseStep[] = stepRows.map((s) => ({
    stage: s.stage as IdleCaseStep['stage'],
    action: s.action,
    doneOn: s.doneOn,
    actor: s.actor,
    document: s.document === null ? null : (JSON.parse(s.document) as IdleCaseStep['document']),
    note: s.note,
    detail: s.detail === null ? null : (JSON.parse(s.detail) as Record<string, unknown>),
  }));
  const stage = r.stage as IdleCase['stage'];
  const cause = r.cause as IdleCase['cause'];
  const idleFrom = `${Number(r.idleSince.slice(0, 4)) - 1}${r.idleSince.slice(4)}`;
  return {
    id: r.id,
    parcelId: r.parcelId,
    parcelCode: r.parcelCode,
    parcelName: r.parcelName,
    holderEnterpriseId: r.holderEnterpriseId,
    holderName: r.holderName,
    kind: r.kind as IdleCase['kind'],
    rule: r.rule as IdleCase['rule'],
    idleSince: r.idleSince,
    fullYears: fullYears(idleFrom, today),
    priceYuan: money(r.priceYuan),
    feeYuan: money(r.feeYuan),
    cause,
    option: r.option as IdleCase['option'],
    stage,
    outcome: r.outcome as IdleCase['outcome'],
    openedOn: r.openedOn,
    steps,
    deadlines: deadlines({ stage, openedOn: r.openedOn, steps }, today),
    actions: actionsFor(stage, cause),
    version: r.version,
  };
}
