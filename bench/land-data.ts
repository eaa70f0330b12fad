// Synthetic land for the land bench: one base, two parks, ten zones, and a grid of parcels east of
// Jiujiang with a realistic spread of statuses, so the idle-land rules find a few thousand idle.
import type { Db } from '../apps/api/src/db/database';
import { insertRows } from '../apps/api/src/db/dialect';
import { unitRows } from '../apps/api/src/demo/seed';
import { squareParcel } from '../apps/api/src/cli/generate-land';
import { geometryAreaSqm } from '../apps/api/src/lib/geo';

/** A deterministic pseudo-random sequence (mulberry32), so every run has the same land. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const day = (from: string, spanDays: number, r: number) => new Date(Date.parse(`${from}T00:00:00Z`) + Math.floor(r * spanDays) * 86_400_000).toISOString().slice(0, 10);

/** Writes `count` parcels (about 60 m × 60 m each, on a 200-column grid) with their status history. */
export async function seedLand(db: Db, count: number): Promise<void> {
  const now = new Date().toISOString();
  const units = unitRows(
    [
      { code: 'B', parentCode: null, kind: 'base', name: '基准基地' },
      { code: 'P1', parentCode: 'B', kind: 'park', name: '一号园' },
      { code: 'P2', parentCode: 'B', kind: 'park', name: '二号园' },
      ...Array.from({ length: 10 }, (_, i) => ({ code: `Z${i}`, parentCode: i < 5 ? 'P1' : 'P2', kind: 'zone', name: `功能区${i}` })),
    ],
    now,
  );
  await insertRows(db, 'unit', units);
  const zones = units.filter((u) => u.kind === 'zone');
  const rnd = random(20_261_126);
  const parcels: Record<string, unknown>[] = [];
  const statuses: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const lon = 116.0 + (i % 200) * 0.0007;
    const lat = 29.69 + Math.floor(i / 200) * 0.0006;
    const { geometry, ...box } = squareParcel(lon, lat, 60);
    const area = geometryAreaSqm(geometry);
    const r = rnd();
    const status = r < 0.6 ? 'producing' : r < 0.75 ? 'underConstruction' : r < 0.9 ? 'suppliedNotStarted' : r < 0.95 ? 'suspended' : 'unsupplied';
    const agreedStartOn = status === 'unsupplied' ? null : day('2021-01-01', 2000, rnd());
    const id = `bench-parcel-${i}`;
    parcels.push({
      id, code: `BP-${String(i).padStart(6, '0')}`, name: null, geometry: JSON.stringify(geometry), ...box,
      registeredAreaSqm: Math.round(area), computedAreaSqm: area, landUse: 'industrial', unitId: zones[i % zones.length]!.id, holderEnterpriseId: null,
      tenure: status === 'unsupplied' ? null : 'transfer', priceYuan: status === 'unsupplied' ? null : Math.round(area * 250), contractSignedOn: agreedStartOn, agreedStartOn,
      agreedCompletionOn: null, standard: null, status, actualStartOn: status === 'producing' || status === 'underConstruction' || status === 'suspended' ? agreedStartOn : null,
      developedAreaSqm: status === 'suspended' ? Math.round(area * 0.2) : null, investmentYuan: null,
      governmentDelay: status === 'suppliedNotStarted' && rnd() < 0.05 ? JSON.stringify({ cause: 'planRevised', note: null, recordedOn: '2025-01-01' }) : null,
      version: 1, createdAt: now, updatedAt: now,
    });
    statuses.push({ id: `bench-status-${i}`, parcelId: id, status, since: status === 'suspended' ? day('2023-01-01', 1000, rnd()) : (agreedStartOn ?? '2020-01-01'), actor: 'bench', createdAt: now });
  }
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'parcel', parcels, 200);
    await insertRows(trx, 'parcelStatus', statuses);
  });
}
