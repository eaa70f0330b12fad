import {
  SQM_PER_MU,
  type DisposalCase,
  type DisposalInput,
  type DisposalKind,
  type DisposalList,
  type DisposalListQuery,
  type DisposalState,
  type DisposalSummary,
  type DisposalUpdate,
  type EfficiencyFigure,
  type Department,
  type ParcelStatus,
} from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import { likeOperator } from '../../db/dialect';
import { localDate } from '../../lib/clock';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { diff } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { unitMap } from '../unit/unit.repository';
import { caseOverdue, incomingAllowed, isOpen, milestoneOverdue, nextCaseCode, progressOf } from './disposal';
import * as repo from './disposal.repository';
import type { LandDeps } from './parcel.service';

/** The fields of a case its form edits (everything but code, state and milestones). */
export type CaseFields = Omit<DisposalInput, 'code' | 'milestones'>;
type Details = Awaited<ReturnType<typeof repo.caseDetails>>;

const mu = (sqm: number) => Math.round((sqm / SQM_PER_MU) * 100) / 100;
const blankToNull = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());

/** A case is in the viewer's scope when every one of its parcels is (a park's staff see their park's cases). */
function inScope(viewer: Viewer, parcels: repo.CaseParcelRow[]): boolean {
  return parcels.length > 0 && parcels.every((p) => unitInScope(viewer, p.unitPath));
}

function summary(r: repo.CaseRow, d: Details, today: string): DisposalSummary {
  const parcels = d.parcels.get(r.id) ?? [];
  const milestones = d.milestones.get(r.id) ?? [];
  const states = d.states.get(r.id) ?? [];
  const state = r.state as DisposalState;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as DisposalKind,
    title: r.title,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    parcelIds: parcels.map((p) => p.id),
    parcels: parcels.map((p) => ({ id: p.id, code: p.code, name: p.name, unitName: p.unitName, areaMu: mu(p.registeredAreaSqm), status: p.status as ParcelStatus })),
    areaMu: mu(parcels.reduce((s, p) => s + p.registeredAreaSqm, 0)),
    reason: r.reason,
    figure: r.figure === null ? null : (JSON.parse(r.figure) as EfficiencyFigure),
    incomingEnterpriseId: r.incomingEnterpriseId,
    incomingEnterpriseName: r.incomingEnterpriseName,
    incomingProject: r.incomingProject,
    department: r.department as Department,
    responsiblePerson: r.responsiblePerson,
    startOn: r.startOn,
    deadlineOn: r.deadlineOn,
    completedOn: r.completedOn,
    state,
    stateSince: states.at(-1)?.since ?? r.createdAt.slice(0, 10),
    progress: progressOf(milestones),
    overdueMilestones: milestones.filter((m) => milestoneOverdue(m, state, today)).length,
    overdue: caseOverdue({ state, deadlineOn: r.deadlineOn }, today),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

function present(r: repo.CaseRow, d: Details, today: string): DisposalCase {
  const state = r.state as DisposalState;
  return {
    ...summary(r, d, today),
    milestones: (d.milestones.get(r.id) ?? []).map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.dueOn,
      owner: m.owner,
      doneOn: m.doneOn,
      doneBy: m.doneBy,
      overdue: milestoneOverdue(m, state, today),
    })),
    stateHistory: (d.states.get(r.id) ?? []).map((s) => ({ state: s.state as DisposalState, since: s.since, actor: s.actor, note: s.note })),
  };
}

/** One case with its milestones and state history; overdue is judged on `today`. */
export async function getDisposal(db: Db | Trx, viewer: Viewer, id: string, today: string): Promise<DisposalCase> {
  const r = await repo.findCase(db, id);
  const d = await repo.caseDetails(db, [id]);
  if (!r || !inScope(viewer, d.parcels.get(id) ?? [])) throw notFound('disposal case');
  return present(r, d, today);
}

/** The cases in scope by kind, state, park or zone and text, newest first. */
export async function listDisposals(deps: LandDeps, viewer: Viewer, query: DisposalListQuery, today: string): Promise<DisposalList> {
  let rows = await repo.listCases(deps.db, query, likeOperator(deps.config.database));
  if (query.unitId) {
    const unit = (await unitMap(deps.db)).get(query.unitId);
    const ids = unit ? await repo.caseIdsInUnit(deps.db, unit.path) : new Set<string>();
    rows = rows.filter((r) => ids.has(r.id));
  }
  const d = await repo.caseDetails(deps.db, rows.map((r) => r.id));
  return { asOf: today, items: rows.filter((r) => inScope(viewer, d.parcels.get(r.id) ?? [])).map((r) => summary(r, d, today)) };
}

/** Checks what a case refers to: parcels in scope, known enterprises, incoming only where it belongs, dates in order. */
async function assertValid(db: Db, viewer: Viewer, c: CaseFields): Promise<void> {
  const parcels = await db.selectFrom('parcel as p').innerJoin('unit as u', 'u.id', 'p.unitId').select(['p.id', 'u.path']).where('p.id', 'in', c.parcelIds).execute();
  if (parcels.length !== c.parcelIds.length || parcels.some((p) => !unitInScope(viewer, p.path))) throw new AppError('VALIDATION', 'unknown parcel', { field: 'parcelIds' });
  for (const field of ['enterpriseId', 'incomingEnterpriseId'] as const) {
    const id = c[field];
    if (id !== null && !(await db.selectFrom('enterprise').select('id').where('id', '=', id).executeTakeFirst())) throw new AppError('VALIDATION', 'unknown enterprise', { field });
  }
  if (!incomingAllowed(c.kind, { enterpriseId: c.incomingEnterpriseId, project: c.incomingProject })) {
    throw new AppError('VALIDATION', 'only 腾笼换鸟 and 兼并提效 cases name an incoming enterprise or project', { field: 'incomingProject', reason: 'incomingNotAllowed' });
  }
  if (c.startOn && c.deadlineOn && c.deadlineOn < c.startOn) throw new AppError('VALIDATION', 'the deadline is before the start', { field: 'deadlineOn', reason: 'deadlineBeforeStart' });
}

function columns(c: CaseFields) {
  const { parcelIds: _p, figure, incomingProject, responsiblePerson, ...rest } = c;
  return { ...rest, figure: figure === null ? null : JSON.stringify(figure), incomingProject: blankToNull(incomingProject), responsiblePerson: blankToNull(responsiblePerson) };
}

/** What the case's form holds, read back from a presented case. */
export function fieldsOf(c: DisposalCase): CaseFields {
  return {
    kind: c.kind, title: c.title, enterpriseId: c.enterpriseId, parcelIds: c.parcelIds, reason: c.reason, figure: c.figure,
    incomingEnterpriseId: c.incomingEnterpriseId, incomingProject: c.incomingProject, department: c.department,
    responsiblePerson: c.responsiblePerson, startOn: c.startOn, deadlineOn: c.deadlineOn,
  };
}

export const milestoneRows = (caseId: string, items: DisposalInput['milestones'], from: number, now: string): repo.MilestoneRow[] =>
  items.map((m, i) => ({ id: newId(), caseId, title: m.title, dueOn: m.dueOn, owner: blankToNull(m.owner), doneOn: null, doneBy: null, position: from + i, createdAt: now, updatedAt: now }));

/** Opens a case as 拟定, numbered CZ-<year>-<nnn> unless a code is given. */
export async function createDisposal(deps: LandDeps, ctx: RequestContext, input: DisposalInput): Promise<DisposalCase> {
  const viewer = ctx.viewer!;
  const { code: given, milestones, ...fields } = input;
  await assertValid(deps.db, viewer, fields);
  const now = ctx.clock.now().toISOString();
  const today = localDate(ctx.clock.now());
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const code = given ?? nextCaseCode(today.slice(0, 4), await repo.codesOfYear(trx, today.slice(0, 4)));
    if (await trx.selectFrom('disposalCase').select('id').where('code', '=', code).executeTakeFirst()) throw new AppError('DUPLICATE', 'a case with this code exists', { field: 'code' });
    await repo.insertCase(trx, { id, code, ...columns(fields), state: 'draft', completedOn: null, version: 1, createdAt: now, updatedAt: now });
    await repo.replaceParcels(trx, id, fields.parcelIds);
    await repo.insertState(trx, { id: newId(), caseId: id, state: 'draft', since: today, actor: viewer.username, note: null, createdAt: now });
    await repo.insertMilestones(trx, milestoneRows(id, milestones, 0, now));
    await appendAudit(trx, [auditEvent(ctx, 'disposal.create', { entityType: 'disposalCase', entityId: id, detail: { changes: diff({}, { code, ...fields, milestones }) } })]);
  });
  return getDisposal(deps.db, viewer, id, today);
}

/**
 * The case as it stands, for a write at `version`: 404 out of scope, 409 (with the case) when
 * stale, and refused once the case is closed (已完成, 已终止).
 */
export async function openForWrite(db: Db, ctx: RequestContext, id: string, version: number): Promise<DisposalCase> {
  const current = await getDisposal(db, ctx.viewer!, id, localDate(ctx.clock.now()));
  if (current.version !== version) throw conflict(current);
  if (!isOpen(current.state)) throw new AppError('VALIDATION', 'the case is closed', { field: 'state', reason: 'closed' });
  return current;
}

/** Runs a write guarded by the case's version; 409 with the case as it now stands when someone was first. */
export async function guarded(db: Db, ctx: RequestContext, id: string, write: (trx: Trx) => Promise<boolean>): Promise<DisposalCase> {
  const saved = await db.transaction().execute(write);
  const after = await getDisposal(db, ctx.viewer!, id, localDate(ctx.clock.now()));
  if (!saved) throw conflict(after);
  return after;
}

/** Edits an open case's fields (its parcels too); 409 on a stale version. */
export async function updateDisposal(deps: LandDeps, ctx: RequestContext, id: string, patch: DisposalUpdate): Promise<DisposalCase> {
  const { version, ...changes } = patch;
  const current = await openForWrite(deps.db, ctx, id, version);
  const before = fieldsOf(current);
  const next: CaseFields = { ...before, ...changes };
  await assertValid(deps.db, ctx.viewer!, next);
  return guarded(deps.db, ctx, id, async (trx) => {
    if (!(await repo.updateCase(trx, id, version, { ...columns(next), updatedAt: ctx.clock.now().toISOString() }))) return false;
    if (changes.parcelIds) await repo.replaceParcels(trx, id, next.parcelIds);
    await appendAudit(trx, [auditEvent(ctx, 'disposal.update', { entityType: 'disposalCase', entityId: id, detail: { changes: diff(before, next) } })]);
    return true;
  });
}
