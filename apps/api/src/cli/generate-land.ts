import { SQM_PER_MU, type ParcelGeometry } from '@yuanqu/contracts';
import type { Trx } from '../db/database';
import { insertRows } from '../db/dialect';
import { geometryAreaSqm } from '../lib/geo';
import { newId } from '../lib/ids';

const DEG_LAT_M = 110_860;
const degLonM = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);
const BATCH = 500;
/** Grid cells of 0.004° (about 400 m): the largest generated parcel (150 亩, a 316 m square) fits in one. */
const CELL = 0.004;
const COLUMNS = 400;

/** A square parcel of `sideM` metres with its south-west corner at (lon, lat), with the bounding box the parcel table keeps. */
export function squareParcel(lon: number, lat: number, sideM: number): { geometry: ParcelGeometry; minLon: number; minLat: number; maxLon: number; maxLat: number } {
  const w = sideM / degLonM(lat);
  const h = sideM / DEG_LAT_M;
  const geometry: ParcelGeometry = { type: 'Polygon', coordinates: [[[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]]] };
  return { geometry, minLon: lon, minLat: lat, maxLon: lon + w, maxLat: lat + h };
}

interface Holder {
  id: string;
  unitId: string;
  scale: string;
  establishedOn: string | null;
}

/**
 * Land for generated enterprises, so the 亩产效益 evaluation reads it the normal way (own +
 * leased in − leased out): 规上 hold 8–150 亩, 规下 1.2–30 亩 (about 28 % under 3 亩). Of every
 * hundred, 3 hold nothing, 5 rent part of an earlier enterprise's parcel (which lets at most 40 %
 * of it; one in ten of those leases ended in mid-year the year before last), 3 rent a whole
 * parcel (租赁 tenure), the rest own one parcel (出让; one in ten of them a second, 划拨).
 * Parcels sit on a grid of 400 m cells.
 */
export async function generateLand(trx: Trx, holders: readonly Holder[], rand: () => number, tag: string, now: string): Promise<{ parcels: number; leases: number }> {
  const thisYear = Number(now.slice(0, 4));
  const owned: { id: string; leasable: number }[] = [];
  let parcels: object[] = [];
  let statuses: object[] = [];
  let leases: object[] = [];
  const written = { parcels: 0, leases: 0 };
  // Leases go out with the parcels written so far, so a lease never names a parcel not yet inserted.
  const flush = async (force: boolean) => {
    if (parcels.length < BATCH && !(force && parcels.length + leases.length > 0)) return;
    await insertRows(trx, 'parcel', parcels);
    await insertRows(trx, 'parcelStatus', statuses);
    await insertRows(trx, 'parcelLease', leases);
    written.parcels += parcels.length;
    written.leases += leases.length;
    [parcels, statuses, leases] = [[], [], []];
  };
  const addParcel = (holder: Holder, areaSqm: number, tenure: string) => {
    const n = written.parcels + parcels.length;
    const square = squareParcel(114 + (n % COLUMNS) * CELL, 25 + Math.floor(n / COLUMNS) * CELL, Math.sqrt(areaSqm));
    const id = newId();
    const since = holder.establishedOn ?? '2010-01-01';
    parcels.push({
      id, code: `${tag}-L${String(n + 1).padStart(6, '0')}`, name: null, geometry: JSON.stringify(square.geometry), minLon: square.minLon, minLat: square.minLat, maxLon: square.maxLon, maxLat: square.maxLat,
      registeredAreaSqm: Math.round(areaSqm), computedAreaSqm: geometryAreaSqm(square.geometry), landUse: 'industrial', unitId: holder.unitId, holderEnterpriseId: holder.id, tenure,
      priceYuan: tenure === 'transfer' ? Math.round(areaSqm * 300) : null, contractSignedOn: since, agreedStartOn: since, agreedCompletionOn: null, standard: null, status: 'producing',
      actualStartOn: since, developedAreaSqm: null, investmentYuan: null, governmentDelay: null, version: 1, createdAt: now, updatedAt: now,
    });
    statuses.push({ id: newId(), parcelId: id, status: 'producing', since, actor: 'generate', createdAt: now });
    return id;
  };
  for (const holder of holders) {
    const mu = holder.scale === 'above' ? 8 * 18 ** rand() : 1.2 * 25 ** rand();
    const areaSqm = mu * SQM_PER_MU;
    const r = rand();
    const landlord = owned.length > 0 ? owned[Math.floor(rand() * owned.length)]! : null;
    if (r < 0.03) continue;
    if (r < 0.08 && landlord && landlord.leasable >= SQM_PER_MU) {
      const rented = Math.min(areaSqm, landlord.leasable);
      landlord.leasable -= rented;
      const ended = rand() < 0.1;
      leases.push({ id: newId(), parcelId: landlord.id, lesseeEnterpriseId: holder.id, areaSqm: Math.round(rented), fromOn: `${thisYear - 6}-01-01`, toOn: ended ? `${thisYear - 2}-06-30` : null, position: 0 });
    } else if (r < 0.11) {
      addParcel(holder, areaSqm, 'lease');
    } else {
      const second = rand() < 0.1;
      const main = second ? areaSqm * 0.7 : areaSqm;
      owned.push({ id: addParcel(holder, main, 'transfer'), leasable: main * 0.4 });
      if (second) addParcel(holder, areaSqm - main, 'allocation');
    }
    await flush(false);
  }
  await flush(true);
  return written;
}
