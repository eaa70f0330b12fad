import type { Trx } from '../db/database';
import { newId } from '../lib/ids';
import * as cases from '../modules/land/disposal.repository';
import { insertParcel, insertStatus } from '../modules/land/parcel.repository';
import { parcelColumns } from '../modules/land/parcel.service';
import { demoDisposals } from './demo-disposals';

/** Writes the demo disposal cases after the demo parcels, with the former firms' parcels they concern. */
export async function seedDemoDisposals(trx: Trx, firms: { id: string; name: string }[], unitIdOf: (code: string) => string, today: string, now: string): Promise<number> {
  const existing = await trx.selectFrom('parcel').select(['id', 'code', 'unitId', 'holderEnterpriseId']).orderBy('code').execute();
  const demo = demoDisposals(firms, existing, unitIdOf, today);
  const parcelIds = new Map(existing.map((p) => [p.code, p.id]));
  for (const p of demo.parcels) {
    const id = newId();
    parcelIds.set(p.input.code, id);
    await insertParcel(trx, { id, ...parcelColumns(p.input), version: 1, createdAt: now, updatedAt: now });
    for (const h of p.history) await insertStatus(trx, { id: newId(), parcelId: id, status: h.status, since: h.since, actor: 'system', createdAt: now });
  }
  const written = demo.cases.filter((c) => c.parcelCodes.length > 0);
  for (const c of written) {
    const id = newId();
    const { parcelCodes, states, milestones, figure, ...fields } = c;
    await cases.insertCase(trx, { id, ...fields, figure: figure === null ? null : JSON.stringify(figure), state: states.at(-1)!.state, version: 1, createdAt: now, updatedAt: now });
    await cases.replaceParcels(trx, id, parcelCodes.map((code) => parcelIds.get(code)!));
    for (const s of states) await cases.insertState(trx, { id: newId(), caseId: id, state: s.state, since: s.since, actor: 'system', note: s.note ?? null, createdAt: now });
    await cases.insertMilestones(trx, milestones.map((m, position) => ({ id: newId(), caseId: id, ...m, doneBy: m.doneOn ? 'system' : null, position, createdAt: now, updatedAt: now })));
  }
  return written.length;
}
