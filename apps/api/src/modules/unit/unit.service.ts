import type { Unit, UnitCreate, UnitKind } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { childPath } from './unit';
import { findUnit, findUnitByCode, insertUnits, presentUnit } from './unit.repository';

/** Which kinds of unit may sit directly under which (null: at the top of the tree). */
const ALLOWED_PARENT: Record<UnitKind, (UnitKind | null)[]> = {
  district: [null],
  base: [null, 'district'],
  park: ['base'],
  zone: ['park'],
};

/** Adds a unit to the organisation tree; codes are unique, the kind must fit under its parent. */
export async function createUnit(deps: { db: Db }, ctx: RequestContext, input: UnitCreate): Promise<Unit> {
  const { db } = deps;
  const parent = input.parentId ? await findUnit(db, input.parentId) : null;
  if (input.parentId && !parent) throw new AppError('VALIDATION', 'unknown parent unit', { field: 'parentId' });
  if (!ALLOWED_PARENT[input.kind].includes((parent?.kind as UnitKind | undefined) ?? null)) {
    throw new AppError('VALIDATION', `a ${input.kind} cannot be placed ${parent ? `under a ${parent.kind}` : 'at the top'}`, { field: 'kind' });
  }
  if (await findUnitByCode(db, input.code)) {
    throw new AppError('DUPLICATE', 'a unit with this code exists', { field: 'code' });
  }
  const id = newId();
  const row = { id, parentId: parent?.id ?? null, kind: input.kind, code: input.code, name: input.name, path: childPath(parent ?? null, id), sortOrder: 0, createdAt: ctx.clock.now().toISOString() };
  await db.transaction().execute(async (trx) => {
    await insertUnits(trx, [row]);
    await appendAudit(trx, [auditEvent(ctx, 'unit.create', { entityType: 'unit', entityId: id, detail: { changes: { code: { old: null, new: row.code }, name: { old: null, new: row.name }, kind: { old: null, new: row.kind } } } })]);
  });
  return presentUnit(row);
}
