import type { Factory, FactoryInput, FactoryUpdate } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { diff } from '../audit/audit';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { unitMap } from '../unit/unit.repository';
import * as repo from './factory.repository';

function present(r: repo.FactoryRow): Factory {
  const occupants = JSON.parse(r.occupants) as Factory['occupants'];
  const occupiedSqm = occupants.reduce((s, o) => s + o.areaSqm, 0);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    unitId: r.unitId,
    parcelId: r.parcelId,
    completedOn: r.completedOn,
    floors: r.floors,
    floorAreaSqm: r.floorAreaSqm,
    occupants,
    occupiedSqm,
    occupancy: occupiedSqm / r.floorAreaSqm,
    version: r.version,
  };
}

/** Standard factory buildings in the viewer's scope, newest first. */
export async function listFactories(db: Db, viewer: Viewer): Promise<Factory[]> {
  const units = await unitMap(db);
  const rows = await repo.listFactoryRows(db);
  return rows.filter((r) => unitInScope(viewer, units.get(r.unitId)?.path ?? '/none/')).map(present);
}

async function assertValid(db: Db, viewer: Viewer, f: FactoryInput): Promise<void> {
  const unit = (await unitMap(db)).get(f.unitId);
  if (!unit || !unitInScope(viewer, unit.path) || (unit.kind !== 'park' && unit.kind !== 'zone')) throw new AppError('VALIDATION', 'a factory building lies in a park or a zone', { field: 'unitId' });
  if (f.occupants.reduce((s, o) => s + o.areaSqm, 0) > f.floorAreaSqm) throw new AppError('VALIDATION', 'more area occupied than the building has', { field: 'occupants' });
  const ids = new Set(f.occupants.map((o) => o.enterpriseId));
  if ((await repo.enterpriseNames(db, [...ids])).size !== ids.size) throw new AppError('VALIDATION', 'unknown enterprise', { field: 'occupants' });
}

const columnsOf = ({ occupants, ...rest }: FactoryInput) => ({ ...rest, occupants: JSON.stringify(occupants) });

export async function createFactory(db: Db, ctx: RequestContext, input: FactoryInput): Promise<Factory> {
  await assertValid(db, ctx.viewer!, input);
  const now = ctx.clock.now().toISOString();
  const row = { id: newId(), ...columnsOf(input), version: 1, createdAt: now, updatedAt: now };
  await db.transaction().execute(async (trx) => {
    if (await repo.codeTaken(trx, input.code)) throw new AppError('DUPLICATE', 'a building with this code exists', { field: 'code' });
    await repo.insertFactory(trx, row);
    await appendAudit(trx, [auditEvent(ctx, 'factory.create', { entityType: 'factory', entityId: row.id, detail: { changes: diff({}, input) } })]);
  });
  return present(row);
}

export async function updateFactory(db: Db, ctx: RequestContext, id: string, patch: FactoryUpdate): Promise<Factory> {
  const before = await repo.findFactoryRow(db, id);
  const units = await unitMap(db);
  if (!before || !unitInScope(ctx.viewer!, units.get(before.unitId)?.path ?? '/none/')) throw notFound('factory');
  const { version, ...changes } = patch;
  const { id: _id, occupiedSqm: _o, occupancy: _p, version: _v, ...current } = present(before);
  const next: FactoryInput = { ...current, ...changes };
  await assertValid(db, ctx.viewer!, next);
  const now = ctx.clock.now().toISOString();
  const saved = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateFactoryRow(trx, id, version, { ...columnsOf(next), updatedAt: now }))) return false;
    await appendAudit(trx, [auditEvent(ctx, 'factory.update', { entityType: 'factory', entityId: id, detail: { changes: diff(current, next) } })]);
    return true;
  });
  const after = present((await repo.findFactoryRow(db, id))!);
  if (!saved) throw conflict(after);
  return after;
}
