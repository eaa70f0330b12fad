import type { Trx } from '../db/database';
import { newId } from '../lib/ids';
import { insertParcel, insertStatus, replaceLeases } from '../modules/land/parcel.repository';
import { leaseRows, parcelColumns } from '../modules/land/parcel.service';
import { demoParcels, slotCorner, type DemoParcelFirm } from './demo-parcels';

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

/** Demo standard factory buildings (invented, marked): about 10万㎡ completed a year since 2021. */
const FACTORIES: [code: string, completedOn: string, floors: number, sqm: number, zone: string][] = [
  ['SF-2021-01', '2021-06-30', 4, 25_000, 'XY-CD-P3-MFG'],
  ['SF-2021-02', '2021-11-20', 5, 40_000, 'XY-CD-P3-MFG'],
  ['SF-2022-01', '2022-05-18', 5, 42_000, 'XY-CD-P3-MFG'],
  ['SF-2022-02', '2022-12-10', 4, 40_000, 'XY-CD-P1-DIG'],
  ['SF-2023-01', '2023-04-28', 6, 60_000, 'XY-CD-P3-MFG'],
  ['SF-2023-02', '2023-10-31', 6, 58_000, 'XY-CD-P1-DIG'],
  ['SF-2024-01', '2024-06-15', 5, 50_000, 'XY-CD-P3-MFG'],
  ['SF-2024-02', '2024-12-20', 5, 46_000, 'XY-CD-P3-MFG'],
  ['SF-2025-01', '2025-05-30', 6, 62_000, 'XY-CD-P3-MFG'],
  ['SF-2025-02', '2025-11-28', 5, 50_000, 'XY-CD-P1-DIG'],
  ['SF-2026-01', '2026-09-30', 5, 40_000, 'XY-CD-P3-MFG'],
];

/** Where the n-th building of a zone stands: in a row along the zone's southern edge, about 110 m apart (invented). */
function factoryLocation(zone: string, n: number): [number, number] {
  const [lon, lat] = slotCorner(zone, 0);
  return [Math.round((lon + 0.0005 + n * 0.0011) * 1e7) / 1e7, Math.round((lat - 0.0005) * 1e7) / 1e7];
}

export async function seedDemoFactories(trx: Trx, unitIdOf: (code: string) => string, tenants: string[], now: string): Promise<number> {
  const inZone = new Map<string, number>();
  const rows = FACTORIES.filter(([, completedOn]) => completedOn <= now.slice(0, 10)).map(([code, completedOn, floors, sqm, zone], i) => {
    const n = inZone.get(zone) ?? 0;
    inZone.set(zone, n + 1);
    const [lon, lat] = factoryLocation(zone, n);
    const occupants = tenants.length ? [{ enterpriseId: tenants[i % tenants.length]!, areaSqm: Math.round(sqm * 0.35) }, { enterpriseId: tenants[(i + 3) % tenants.length]!, areaSqm: Math.round(sqm * 0.25) }] : [];
    return {
      id: newId(), code, name: `标准厂房${code.slice(3)}栋（演示数据）`, unitId: unitIdOf(zone), parcelId: null, completedOn, floors, floorAreaSqm: sqm,
      occupants: JSON.stringify(occupants), lon, lat, version: 1, createdAt: now, updatedAt: now,
    };
  });
  if (rows.length) await trx.insertInto('standardFactory').values(rows).execute();
  return rows.length;
}
