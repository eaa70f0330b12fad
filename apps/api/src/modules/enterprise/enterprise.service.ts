import type { Change, Enterprise, EnterpriseFields, EnterpriseStats, EnterpriseUpdate } from '@yuanqu/contracts';
import type { Config } from '../../config';
import { keptUnderChanges, readChanges, type Changes } from '../../db/change-counter';
import type { Db, Trx } from '../../db/database';
import { likeOperator } from '../../db/dialect';
import type { JsonBytes } from '../../http/json-bytes';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit, listEntityAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { diff } from '../audit/audit';
import { enterpriseInScope, unitInScope, type Viewer } from '../auth/viewer';
import { isAssignableIndustry } from '../dictionary/industry';
import { withFiguresRefiled } from '../statistics/rollup';
import { unitMap, type UnitRow } from '../unit/unit.repository';
import { columnsOf, contentOf, createdChanges, createdValues, fieldsNotPermittedForSelf, sortQualifications, type EnterpriseRecord } from './enterprise';
import { exportRow } from './enterprise-excel';
import { scopeKey } from './enterprise-filter';
import { presentEnterprise } from './enterprise.presenter';
import * as repo from './enterprise.repository';

export interface EnterpriseDeps {
  db: Db;
  config: Config;
}

/** Throws a clear error unless the unit is a park or zone inside the viewer's scope. */
export function assertPlaceable(units: ReadonlyMap<string, UnitRow>, viewer: Viewer, unitId: string): void {
  const unit = units.get(unitId);
  if (!unit || !unitInScope(viewer, unit.path)) throw new AppError('VALIDATION', 'unknown unit', { field: 'unitId' });
  if (unit.kind !== 'park' && unit.kind !== 'zone') throw new AppError('VALIDATION', 'an enterprise belongs to a park or a zone', { field: 'unitId' });
}

/** The unit filter as a path prefix; an unknown unit matches nothing. */
export function unitPathOf(units: ReadonlyMap<string, UnitRow>, unitId: string | undefined): string | undefined {
  return unitId ? (units.get(unitId)?.path ?? '/none/') : undefined;
}

/** The 409 for a stale version, carrying the record as it now stands so the user can redo the change. */
async function conflictOn(trx: Trx, id: string, viewer: Viewer, units: ReadonlyMap<string, UnitRow>) {
  const latest = await repo.findEnterprise(trx, id);
  return conflict(latest ? presentEnterprise(latest, viewer, units) : null);
}

/** Every enterprise matching the filter, presented, as export rows in name order; returns the count. */
export async function exportEnterprises(deps: EnterpriseDeps, viewer: Viewer, filter: repo.EnterpriseFilter, add: (cells: (string | number | null)[]) => void): Promise<number> {
  const units = await unitMap(deps.db);
  let n = 0;
  for await (const page of repo.eachEnterprise(deps.db, viewer, { ...filter, unitPath: unitPathOf(units, filter.unitId) }, likeOperator(deps.config.database))) {
    for (const r of page) add(exportRow(presentEnterprise(r, viewer, units), units));
    n += page.length;
  }
  return n;
}

async function getRecord(db: Db, viewer: Viewer, id: string): Promise<EnterpriseRecord> {
  const r = await repo.findEnterprise(db, id);
  // Out of scope reads as absent, so an id probe tells an outsider nothing.
  if (!r || !enterpriseInScope(viewer, r)) throw notFound('enterprise');
  return r;
}

export async function getEnterprise(deps: EnterpriseDeps, viewer: Viewer, id: string): Promise<Enterprise> {
  return presentEnterprise(await getRecord(deps.db, viewer, id), viewer, await unitMap(deps.db));
}

export async function createEnterprise(deps: EnterpriseDeps, ctx: RequestContext, input: EnterpriseFields): Promise<Enterprise> {
  const viewer = ctx.viewer!;
  const units = await unitMap(deps.db);
  assertPlaceable(units, viewer, input.unitId);
  if (!isAssignableIndustry(input.industryCode)) throw new AppError('VALIDATION', 'unknown industry code', { field: 'industryCode' });
  const now = ctx.clock.now().toISOString();
  const fields = { ...input, qualifications: sortQualifications(input.qualifications) };
  const row = { id: newId(), ...columnsOf(fields), status: 'active', isDemo: 0, version: 1, createdAt: now, updatedAt: now };
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.findEnterprisesByUscc(trx, [input.uscc])).size > 0) {
      throw new AppError('DUPLICATE', 'an enterprise with this USCC exists', { field: 'uscc' });
    }
    await repo.insertEnterprises(trx, [row], new Map([[row.id, fields.qualifications]]));
    await appendAudit(trx, [auditEvent(ctx, 'enterprise.create', { entityType: 'enterprise', entityId: row.id, detail: { values: createdValues(fields) } })]);
  });
  return getEnterprise(deps, viewer, row.id);
}

export async function updateEnterpriseFields(deps: EnterpriseDeps, ctx: RequestContext, id: string, patch: EnterpriseUpdate): Promise<Enterprise> {
  const viewer = ctx.viewer!;
  const before = await getRecord(deps.db, viewer, id);
  if (viewer.role === 'enterprise') {
    const refused = fieldsNotPermittedForSelf(patch);
    if (refused.length) throw new AppError('FIELD_NOT_PERMITTED', 'these fields are kept by the park committee', { fields: refused });
  }
  const units = await unitMap(deps.db);
  const { version, ...changes } = patch;
  if (changes.unitId !== undefined) assertPlaceable(units, viewer, changes.unitId);
  if (changes.industryCode !== undefined && !isAssignableIndustry(changes.industryCode)) {
    throw new AppError('VALIDATION', 'unknown industry code', { field: 'industryCode' });
  }
  const current = contentOf(before);
  const next: EnterpriseFields = { ...current, ...changes, qualifications: sortQualifications(changes.qualifications ?? current.qualifications) };
  const delta = diff(current, next);
  await deps.db.transaction().execute(async (trx) => {
    const ok = await withFiguresRefiled(trx, id, Object.keys(delta), () => repo.updateEnterprise(trx, id, version, { ...columnsOf(next), updatedAt: ctx.clock.now().toISOString() }));
    if (!ok) throw await conflictOn(trx, id, viewer, units);
    if (delta.qualifications) await repo.replaceQualifications(trx, new Map([[id, next.qualifications]]));
    await appendAudit(trx, [auditEvent(ctx, 'enterprise.update', { entityType: 'enterprise', entityId: id, detail: { changes: delta } })]);
  });
  return getEnterprise(deps, viewer, id);
}

export async function setEnterpriseStatus(deps: EnterpriseDeps, ctx: RequestContext, id: string, version: number, status: 'active' | 'archived'): Promise<Enterprise> {
  const viewer = ctx.viewer!;
  const before = await getRecord(deps.db, viewer, id);
  const units = await unitMap(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateEnterprise(trx, id, version, { status, updatedAt: ctx.clock.now().toISOString() }))) {
      throw await conflictOn(trx, id, viewer, units);
    }
    const action = status === 'archived' ? 'enterprise.archive' : 'enterprise.restore';
    await appendAudit(trx, [auditEvent(ctx, action, { entityType: 'enterprise', entityId: id, detail: { changes: { status: { old: before.status, new: status } } } })]);
  });
  return getEnterprise(deps, viewer, id);
}

export async function getHistory(deps: EnterpriseDeps, viewer: Viewer, id: string): Promise<Change[]> {
  await getRecord(deps.db, viewer, id);
  const rows = await listEntityAudit(deps.db, 'enterprise', id);
  return rows.map((r) => {
    const detail = JSON.parse(r.detail) as { changes?: Change['changes']; values?: Record<string, unknown> } | null;
    return { at: r.at, actor: r.actorName, action: r.action, changes: detail?.changes ?? (detail?.values ? createdChanges(detail.values) : {}) };
  });
}

/** The counts per scope as JSON, kept under the change counters (any enterprise or unit write moves them). */
const keptStats = keptUnderChanges<JsonBytes>(200);

/**
 * The home page's counts for the viewer's scope as JSON bytes: computed once per scope until an
 * enterprise, qualification or unit changes (at province scale the grouping took ≈ 130 ms a view).
 */
export async function enterpriseStatsJson(deps: EnterpriseDeps, viewer: Viewer, counters: Changes | null): Promise<JsonBytes> {
  const changes = counters ?? (await readChanges(deps.db));
  return keptStats(deps.db, changes).keep(scopeKey(viewer), async () => ({ json: Buffer.from(JSON.stringify(await enterpriseStats(deps, viewer, changes))) }));
}

async function enterpriseStats(deps: EnterpriseDeps, viewer: Viewer, changes: Changes): Promise<EnterpriseStats> {
  const units = await unitMap(deps.db, changes);
  const counts = await repo.countEnterprises(deps.db, viewer);
  const tally = (key: (c: (typeof counts)[number]) => string | undefined) => {
    const m = new Map<string, number>();
    for (const c of counts) {
      const k = key(c);
      if (k !== undefined) m.set(k, (m.get(k) ?? 0) + c.n);
    }
    return [...m].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
  };
  const ancestorOfKind = (unitId: string, kind: string) => {
    for (let u = units.get(unitId); u; u = u.parentId ? units.get(u.parentId) : undefined) if (u.kind === kind) return u.id;
    return undefined;
  };
  const named = (rows: { key: string; count: number }[]) => rows.map((r) => ({ ...r, name: units.get(r.key)?.name ?? r.key }));
  return {
    total: counts.reduce((s, c) => s + c.n, 0),
    byPark: named(tally((c) => ancestorOfKind(c.unitId, 'park'))),
    byZone: named(tally((c) => ancestorOfKind(c.unitId, 'zone'))),
    byIndustryChain: tally((c) => c.industryChain),
    byScale: tally((c) => c.scale),
    byCategory: tally((c) => c.category),
  };
}
