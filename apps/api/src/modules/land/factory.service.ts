import type { Factory, FactoryInput, FactorySummary, FactoryUpdate } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { localDate, type Clock } from '../../lib/clock';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { diff } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { findTargetByCode } from '../target/target.repository';
import { unitMap, type UnitRow } from '../unit/unit.repository';
import { summarizeFactories } from './factory';
import * as repo from './factory.repository';

/** The plan's target whose yearly goal the buildings are measured against (metric `factoryArea`). */
export const FACTORY_TARGET_CODE = 'standardFactory2025';

function inputOf(r: repo.FactoryRow): FactoryInput {
  return {
    code: r.code,
    name: r.name,
    unitId: r.unitId,
    parcelId: r.parcelId,
    completedOn: r.completedOn,
    floors: r.floors,
    floorAreaSqm: r.floorAreaSqm,
    occupants: JSON.parse(r.occupants) as FactoryInput['occupants'],
    location: r.lon === null || r.lat === null ? null : [r.lon, r.lat],
  };
}

function present(r: repo.FactoryRow, units: ReadonlyMap<string, UnitRow>, names: ReadonlyMap<string, string>): Factory {
  const input = inputOf(r);
  const occupiedSqm = input.occupants.reduce((s, o) => s + o.areaSqm, 0);
  return {
    id: r.id,
    ...input,
    unitName: units.get(r.unitId)?.name ?? '',
    occupants: input.occupants.map((o) => ({ enterpriseId: o.enterpriseId, name: names.get(o.enterpriseId) ?? null, areaSqm: o.areaSqm })),
    occupiedSqm,
    occupancy: occupiedSqm / r.floorAreaSqm,
    version: r.version,
  };
}

/** Rows in the viewer's scope, presented with their unit's and occupants' names (one query for all names). */
async function presentAll(db: Db, viewer: Viewer, rows: repo.FactoryRow[]): Promise<Factory[]> {
  const units = await unitMap(db);
  const visible = rows.filter((r) => unitInScope(viewer, units.get(r.unitId)?.path ?? '/none/'));
  const names = await repo.enterpriseNames(db, visible.flatMap((r) => inputOf(r).occupants.map((o) => o.enterpriseId)));
  return visible.map((r) => present(r, units, names));
}

async function presentOne(db: Db, viewer: Viewer, row: repo.FactoryRow): Promise<Factory> {
  const [presented] = await presentAll(db, viewer, [row]);
  if (!presented) throw notFound('factory');
  return presented;
}

/** Standard factory buildings in the viewer's scope, newest first. */
export async function listFactories(db: Db, viewer: Viewer): Promise<Factory[]> {
  return presentAll(db, viewer, await repo.listFactoryRows(db));
}

/**
 * The floor area completed each year in the viewer's scope against the yearly goal of the plan's
 * target, so an edit of that goal on the targets page shows here; this year counts up to today.
 */
export async function factorySummary(db: Db, clock: Clock, viewer: Viewer): Promise<FactorySummary> {
  const target = await findTargetByCode(db, FACTORY_TARGET_CODE);
  const goal = target && target.trendOnly !== 1 ? target.targetValue : null;
  return summarizeFactories(await listFactories(db, viewer), goal, localDate(clock.now()));
}

async function assertValid(db: Db, viewer: Viewer, f: FactoryInput): Promise<void> {
  const unit = (await unitMap(db)).get(f.unitId);
  if (!unit || !unitInScope(viewer, unit.path) || (unit.kind !== 'park' && unit.kind !== 'zone')) throw new AppError('VALIDATION', 'a factory building lies in a park or a zone', { field: 'unitId' });
  if (f.occupants.reduce((s, o) => s + o.areaSqm, 0) > f.floorAreaSqm) throw new AppError('VALIDATION', 'more area occupied than the building has', { field: 'occupants' });
  const ids = new Set(f.occupants.map((o) => o.enterpriseId));
  if ((await repo.enterpriseNames(db, [...ids])).size !== ids.size) throw new AppError('VALIDATION', 'unknown enterprise', { field: 'occupants' });
}

const columnsOf = ({ occupants, location, ...rest }: FactoryInput) => ({ ...rest, occupants: JSON.stringify(occupants), lon: location?.[0] ?? null, lat: location?.[1] ?? null });

export async function createFactory(db: Db, ctx: RequestContext, input: FactoryInput): Promise<Factory> {
  await assertValid(db, ctx.viewer!, input);
  const now = ctx.clock.now().toISOString();
  const row = { id: newId(), ...columnsOf(input), version: 1, createdAt: now, updatedAt: now };
  await db.transaction().execute(async (trx) => {
    if (await repo.codeTaken(trx, input.code)) throw new AppError('DUPLICATE', 'a building with this code exists', { field: 'code' });
    await repo.insertFactory(trx, row);
    await appendAudit(trx, [auditEvent(ctx, 'factory.create', { entityType: 'factory', entityId: row.id, detail: { changes: diff({}, input) } })]);
  });
  return presentOne(db, ctx.viewer!, row);
}

export async function updateFactory(db: Db, ctx: RequestContext, id: string, patch: FactoryUpdate): Promise<Factory> {
  const before = await repo.findFactoryRow(db, id);
  const units = await unitMap(db);
  if (!before || !unitInScope(ctx.viewer!, units.get(before.unitId)?.path ?? '/none/')) throw notFound('factory');
  const { version, ...changes } = patch;
  const current = inputOf(before);
  const next: FactoryInput = { ...current, ...changes };
  await assertValid(db, ctx.viewer!, next);
  const now = ctx.clock.now().toISOString();
  const saved = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateFactoryRow(trx, id, version, { ...columnsOf(next), updatedAt: now }))) return false;
    await appendAudit(trx, [auditEvent(ctx, 'factory.update', { entityType: 'factory', entityId: id, detail: { changes: diff(current, next) } })]);
    return true;
  });
  const after = await presentOne(db, ctx.viewer!, (await repo.findFactoryRow(db, id))!);
  if (!saved) throw conflict(after);
  return after;
}
