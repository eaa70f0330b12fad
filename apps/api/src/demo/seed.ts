import type { Config } from '../config';
import type { Db } from '../db/database';
import { localDate, type Clock } from '../lib/clock';
import { newId } from '../lib/ids';
import { appendAudit } from '../modules/audit/audit.repository';
import { auditEvent, systemContext } from '../modules/audit/audit.context';
import { createUser } from '../modules/auth/user.service';
import { columnsOf, sortQualifications } from '../modules/enterprise/enterprise';
import { insertEnterprises } from '../modules/enterprise/enterprise.repository';
import { insertUnits, type UnitRow } from '../modules/unit/unit.repository';
import { childPath } from '../modules/unit/unit';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES, DEMO_UNITS } from './demo-data';
import { rebuildRollup } from '../modules/statistics/rollup';
import { seedDemoFigures } from './seed-figures';
import { seedDemoIdleCases } from './seed-idle-cases';
import { seedDemoDisposals } from './seed-disposals';
import { seedDemoLayers } from './seed-layers';
import { seedDemoFactories, seedDemoParcels } from './seed-parcels';

/** Builds unit rows from code/parent-code pairs, parents first. */
export function unitRows(units: { code: string; parentCode: string | null; kind: string; name: string }[], now: string): UnitRow[] {
  const byCode = new Map<string, UnitRow>();
  units.forEach((u, i) => {
    const parent = u.parentCode ? byCode.get(u.parentCode)! : null;
    const id = newId();
    byCode.set(u.code, { id, parentId: parent?.id ?? null, kind: u.kind, code: u.code, name: u.name, path: childPath(parent, id), sortOrder: i, createdAt: now });
  });
  return [...byCode.values()];
}

/** Loads the demo base into an empty database; returns false (and does nothing) if it has units. */
export async function loadDemo(deps: { db: Db; config: Config; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if (await db.selectFrom('unit').select('id').limit(1).executeTakeFirst()) return false;
  const ctx = systemContext(clock);
  const now = clock.now().toISOString();
  const units = unitRows(DEMO_UNITS, now);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const enterprises = DEMO_ENTERPRISES.map(({ unitCode, ...e }) => {
    const fields = { ...e, unitId: unitByCode.get(unitCode)!.id, qualifications: sortQualifications(e.qualifications) };
    return { row: { id: newId(), ...columnsOf(fields), status: 'active', isDemo: 1, version: 1, createdAt: now, updatedAt: now }, fields };
  });
  await db.transaction().execute(async (trx) => {
    await insertUnits(trx, units);
    await insertEnterprises(trx, enterprises.map((e) => e.row), new Map(enterprises.map((e) => [e.row.id, e.fields.qualifications])));
    const firms = enterprises.map((e) => ({ id: e.row.id, ...e.fields }));
    const reports = await seedDemoFigures(trx, firms, clock.now());
    await rebuildRollup(trx);
    const placed = enterprises.map(({ row }, i) => ({ ...row, unitCode: DEMO_ENTERPRISES[i]!.unitCode }));
    const parcels = await seedDemoParcels(trx, placed, now);
    const smallFirms = placed.filter((e) => e.scale === 'below' && e.category === 'industrial').map((e) => e.id);
    await seedDemoFactories(trx, (code) => unitByCode.get(code)!.id, smallFirms, now);
    const disposals = await seedDemoDisposals(trx, placed, (code) => unitByCode.get(code)!.id, localDate(clock.now()), now);
    await appendAudit(trx, [auditEvent(ctx, 'demo.load', { actorName: 'system', detail: { units: units.length, enterprises: enterprises.length, reports, parcels, disposals } })]);
    const layers = await seedDemoLayers(trx, placed, (code) => unitByCode.get(code)!.id, now);
    await appendAudit(trx, [auditEvent(ctx, 'demo.load', { actorName: 'system', detail: { units: units.length, enterprises: enterprises.length, reports, parcels, layers } })]);
  });
  const byUscc = new Map(enterprises.map((e) => [e.fields.uscc, e.row.id]));
  for (const a of DEMO_ACCOUNTS) {
    await createUser(deps, ctx, {
      username: a.username,
      displayName: a.displayName,
      password: a.password,
      role: a.role,
      departments: a.departments,
      enterpriseId: a.enterpriseUscc ? byUscc.get(a.enterpriseUscc)! : null,
      unitIds: a.unitCodes ? a.unitCodes.map((c) => unitByCode.get(c)!.id) : null,
      mustChangePassword: false,
    });
  }
  await seedDemoIdleCases(db, DEMO_ACCOUNTS.find((a) => a.username === 'tudi')!.displayName, localDate(clock.now()), now);
  return true;
}
