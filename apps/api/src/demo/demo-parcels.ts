/**
 * Demo parcels: one for each demo enterprise, laid out zone by zone east of Jiujiang's centre on
 * the Yangtze's south bank (approximate: the plan publishes no parcel geometry, so places, sizes,
 * prices and dates are invented and marked as demo). A few are idle candidates, 标准地 or leased.
 */
import { SQM_PER_MU, type ParcelInput, type ParcelStatus } from '@yuanqu/contracts';

export interface DemoParcelFirm {
  id: string;
  uscc: string;
  name: string;
  unitId: string;
  unitCode: string;
  category: string;
  scale: string;
  establishedOn: string | null;
}

/** Where each zone's parcels start (south-west corner of its grid), lon/lat. */
const ZONE_ORIGIN: Record<string, [number, number]> = {
  'XY-CD-P1-DIG': [116.018, 29.708],
  'XY-CD-P1-LOG': [116.03, 29.718],
  'XY-CD-P1-PET': [116.042, 29.726],
  'XY-CD-P3-MFG': [116.06, 29.704],
  'XY-CD-P3-LOG': [116.082, 29.716],
};
const STEP: [number, number] = [0.0036, 0.0026];
const PER_ROW = 3;
const DEG_LAT_M = 110_860;
const degLonM = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/** A rectangle of `sqm` square metres, 3:2, with its south-west corner at (lon, lat). */
export function rectangle(lon: number, lat: number, sqm: number): ParcelInput['geometry'] {
  const w = Math.sqrt(sqm * 1.5);
  const h = sqm / w;
  const dLon = w / degLonM(lat);
  const dLat = h / DEG_LAT_M;
  const r = (x: number) => Math.round(x * 1e7) / 1e7;
  return { type: 'Polygon', coordinates: [[[r(lon), r(lat)], [r(lon + dLon), r(lat)], [r(lon + dLon), r(lat + dLat)], [r(lon), r(lat + dLat)], [r(lon), r(lat)]]] };
}

export const addMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Area in 亩 by kind and size of firm; the same for every load (from the USCC). */
function muOf(f: DemoParcelFirm): number {
  const seed = [...f.uscc].reduce((s, c) => s + c.charCodeAt(0), 0);
  if (f.category === 'incubator') return 45;
  if (f.category === 'logistics') return 30 + (seed % 40);
  return f.scale === 'above' ? 55 + (seed % 35) : 12 + (seed % 25);
}

/** The south-west corner of a zone's `slot`-th parcel: zones fill their grid row by row, northwards. */
export function slotCorner(unitCode: string, slot: number): [number, number] {
  const [lon0, lat0] = ZONE_ORIGIN[unitCode] ?? ZONE_ORIGIN['XY-CD-P3-MFG']!;
  return [lon0 + (slot % PER_ROW) * STEP[0], lat0 + Math.floor(slot / PER_ROW) * STEP[1]];
}

function parcelFor(f: DemoParcelFirm, slot: number, status: ParcelStatus, extra: Partial<ParcelInput> = {}): ParcelInput {
  const [lon, lat] = slotCorner(f.unitCode, slot);
  const mu = muOf(f);
  const sqm = Math.round(mu * SQM_PER_MU);
  const signed = f.establishedOn && f.establishedOn > '2012-01-01' ? f.establishedOn : '2012-03-15';
  const start = addMonths(signed, 6);
  return {
    code: `${f.unitCode}-${String(slot + 1).padStart(2, '0')}`,
    name: `${f.name.replace(/^九江|有限公司$/g, '')}地块（演示数据）`,
    geometry: rectangle(lon, lat, sqm),
    registeredAreaSqm: sqm,
    landUse: f.category === 'logistics' ? 'warehousing' : 'industrial',
    unitId: f.unitId,
    holderEnterpriseId: f.id,
    tenure: f.category === 'incubator' ? 'allocation' : 'transfer',
    priceYuan: f.category === 'incubator' ? null : mu * 150_000,
    contractSignedOn: signed,
    agreedStartOn: start,
    agreedCompletionOn: addMonths(start, 24),
    standard: null,
    status,
    actualStartOn: status === 'producing' || status === 'underConstruction' ? addMonths(start, 1) : null,
    developedAreaSqm: status === 'producing' ? Math.round(sqm * 0.45) : status === 'underConstruction' ? Math.round(sqm * 0.2) : null,
    investmentYuan: status === 'producing' ? mu * 2_800_000 : status === 'underConstruction' ? mu * 900_000 : null,
    governmentDelay: null,
    leases: [],
    ...extra,
  };
}

/**
 * The demo parcels. Firms set up since 2021 hold 标准地 with promised intensities; 云帆智能终端's
 * second parcel has not started 20 months after its agreed start (an idle-land candidate); the
 * 津晶城 incubator leases space to two of its firms; one outline is drawn 8 % off its certificate.
 */
export function demoParcels(firms: DemoParcelFirm[]): ParcelInput[] {
  const slots = new Map<string, number>();
  const next = (f: DemoParcelFirm) => {
    const n = slots.get(f.unitCode) ?? 0;
    slots.set(f.unitCode, n + 1);
    return n;
  };
  const byName = (part: string) => firms.find((f) => f.name.includes(part));
  const out: ParcelInput[] = [];
  for (const f of firms) {
    const recent = (f.establishedOn ?? '') >= '2021-01-01';
    const standard = recent ? { investmentIntensity: 300, plotRatio: 1.2, taxPerMu: 15, energyPerValue: 0.4, emissionPerValue: null } : null;
    const p = parcelFor(f, next(f), recent && f.scale !== 'above' ? 'underConstruction' : 'producing', { standard });
    if (f.category === 'logistics' && f.name.includes('货来货往')) p.tenure = 'lease';
    if (f.name.includes('紫昊')) p.registeredAreaSqm = Math.round(p.registeredAreaSqm * 1.08);
    if (f.category === 'incubator') {
      const robot = byName('智浔机器人');
      const medical = byName('康浔医疗');
      p.leases = [
        ...(robot ? [{ lesseeEnterpriseId: robot.id, areaSqm: 3_000, from: '2022-01-01', to: null }] : []),
        ...(medical ? [{ lesseeEnterpriseId: medical.id, areaSqm: 2_000, from: '2021-06-01', to: '2027-05-31' }] : []),
      ];
    }
    out.push(p);
  }
  const yunfan = byName('云帆');
  if (yunfan) {
    out.push(parcelFor(yunfan, next(yunfan), 'suppliedNotStarted', {
      name: '云帆智能终端二期地块（演示数据）',
      contractSignedOn: '2024-01-20',
      agreedStartOn: '2024-06-30',
      agreedCompletionOn: '2026-06-30',
      standard: { investmentIntensity: 350, plotRatio: 1.5, taxPerMu: 20, energyPerValue: 0.3, emissionPerValue: null },
      actualStartOn: null,
      developedAreaSqm: null,
      investmentYuan: null,
    }));
  }
  return out;
}
