import type { Trx } from '../db/database';
import { newId } from '../lib/ids';
import { insertParcel, insertStatus, replaceLeases } from '../modules/land/parcel.repository';
import { leaseRows, parcelColumns } from '../modules/land/parcel.service';
import { demoParcels, type DemoParcelFirm } from './demo-parcels';

/** Writes the demo parcels with their leases and the date each reached its status. */
export async function seedDemoParcels(trx: Trx, firms: DemoParcelFirm[], now: string): Promise<number> {
  const parcels = demoParcels(firms);
  for (const p of parcels) {
    const id = newId();
    await insertParcel(trx, { id, ...parcelColumns(p), version: 1, createdAt: now, updatedAt: now });
    await replaceLeases(trx, id, leaseRows(p));
    const since = p.actualStartOn ?? p.contractSignedOn ?? now.slice(0, 10);
    await insertStatus(trx, { id: newId(), parcelId: id, status: p.status, since, actor: 'system', createdAt: now });
  }
  return parcels.length;
}
