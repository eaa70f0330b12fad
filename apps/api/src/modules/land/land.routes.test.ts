import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';

// The test clock stands at 2026-03-02.
let t: TestApp;
let admin: Agent;
let leader: Agent;
let zoneId: string;
let hongli: string;
let jieni: string;
/** What the demo base already gives each of them, before this file adds parcels. */
let base: { hongli: number; jieni: number };

/** A square of about `side` metres at (lon, lat) in Jiujiang (29.72°N). */
function square(lon: number, lat: number, side: number) {
  const dLon = side / (111_319.49 * Math.cos((29.72 * Math.PI) / 180));
  const dLat = side / 110_861;
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] };
}

const parcel = (over: Record<string, unknown> = {}) => ({
  code: 'CD-P3-001', name: '高端制造区1号地块', geometry: square(116.05, 29.72, 200), registeredAreaSqm: 40_000, landUse: 'industrial',
  unitId: zoneId, holderEnterpriseId: hongli, tenure: 'transfer', priceYuan: 12_000_000, contractSignedOn: '2023-05-10',
  agreedStartOn: '2023-11-10', agreedCompletionOn: '2025-11-10',
  standard: { investmentIntensity: 300, plotRatio: 1.2, taxPerMu: 20, energyPerValue: 0.5, emissionPerValue: null },
  status: 'underConstruction', actualStartOn: '2023-12-01', developedAreaSqm: 15_000, investmentYuan: 60_000_000,
  leases: [{ lesseeEnterpriseId: jieni, areaSqm: 10_000, from: '2024-01-01', to: null }],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  leader = await t.login('leader');
  const units = (await admin.get('/api/v1/units')).json() as { id: string; code: string }[];
  zoneId = units.find((u) => u.code === 'XY-CD-P3-MFG')!.id;
  hongli = await enterpriseId(t, '鸿利达');
  jieni = await enterpriseId(t, '杰尼');
  const area = async (id: string) => (await admin.get(`/api/v1/land/enterprises/${id}/area?asOf=2026-03-01`)).json().totalSqm as number;
  base = { hongli: await area(hongli), jieni: await area(jieni) };
});
afterAll(() => t.close());

describe('parcels', () => {
  let id: string;

  it('records a parcel with its outline measured on the ellipsoid beside the registered area', async () => {
    const res = await admin.post('/api/v1/land/parcels', parcel());
    expect(res.statusCode).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({ areaMu: 60, areaMismatch: false, holderName: '九江鸿利达新材料有限公司', unitName: '高端制造功能区', statusHistory: [{ status: 'underConstruction', since: '2026-03-02', actor: 'admin' }] });
    expect(p.leases).toEqual([{ lesseeEnterpriseId: jieni, lesseeName: '九江杰尼新材料有限公司', areaSqm: 10_000, from: '2024-01-01', to: null }]);
    expect(p.computedAreaSqm).toBeGreaterThan(39_800);
    expect(p.computedAreaSqm).toBeLessThan(40_200);
    const off = (await admin.post('/api/v1/land/parcels', parcel({ code: 'CD-P3-002', registeredAreaSqm: 50_000, leases: [] }))).json();
    expect(off.areaMismatch).toBe(true);
  });

  it('refuses an outline in projected metres, a crossing outline, an unknown holder and a reused code', async () => {
    const metres = { type: 'Polygon', coordinates: [[[39_500_000, 3_290_000], [39_500_200, 3_290_000], [39_500_200, 3_290_200], [39_500_000, 3_290_000]]] };
    expect((await admin.post('/api/v1/land/parcels', parcel({ code: 'X-1', geometry: metres }))).json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'geometry', reason: 'notLonLat' } });
    const bowtie = { type: 'Polygon', coordinates: [[[116.05, 29.72], [116.051, 29.721], [116.051, 29.72], [116.05, 29.721], [116.05, 29.72]]] };
    expect((await admin.post('/api/v1/land/parcels', parcel({ code: 'X-2', geometry: bowtie }))).json().error.details.reason).toBe('selfIntersecting');
    expect((await admin.post('/api/v1/land/parcels', parcel({ code: 'X-3', holderEnterpriseId: 'nope' }))).json().error.details.field).toBe('holderEnterpriseId');
    expect((await admin.post('/api/v1/land/parcels', parcel())).statusCode).toBe(409);
  });

  it('gives the map only what it draws and lists, with the list’s filters', async () => {
    const full = (await leader.get('/api/v1/land/parcels')).json();
    const map = (await leader.get('/api/v1/land/parcels/map')).json();
    expect(map.features.map((f: { id: string }) => f.id)).toEqual(full.features.map((f: { id: string }) => f.id));
    const mine = map.features.find((f: { id: string }) => f.id === id);
    expect(Object.keys(mine.properties).sort()).toEqual(['areaMu', 'code', 'holderEnterpriseId', 'holderName', 'id', 'name', 'status', 'unitName']);
    expect(mine).toMatchObject({ geometry: { type: 'Polygon' }, properties: { code: 'CD-P3-001', areaMu: 60, holderName: '九江鸿利达新材料有限公司', unitName: '高端制造功能区', status: 'underConstruction' } });
    const filtered = (await leader.get('/api/v1/land/parcels/map?status=underConstruction&q=CD-P3-00')).json();
    expect(filtered.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['CD-P3-001', 'CD-P3-002']);
  });

  it('counts an enterprise’s land as own + leased in − leased out, on a given day', async () => {
    const own = (await admin.get(`/api/v1/land/enterprises/${hongli}/area?asOf=2026-03-01`)).json();
    expect(own).toMatchObject({ ownSqm: base.hongli + 90_000, leasedInSqm: 0, leasedOutSqm: 10_000, totalSqm: base.hongli + 80_000 });
    expect(own.totalMu).toBeCloseTo(((base.hongli + 80_000) * 15) / 10_000, 2);
    const lessee = (await admin.get(`/api/v1/land/enterprises/${jieni}/area?asOf=2026-03-01`)).json();
    expect(lessee).toMatchObject({ leasedInSqm: 10_000, totalSqm: base.jieni + 10_000 });
    expect((await admin.get(`/api/v1/land/enterprises/${jieni}/area?asOf=2023-06-01`)).json().totalSqm).toBe(base.jieni);
    const user = await t.login('hongli');
    expect((await user.get(`/api/v1/land/enterprises/${hongli}/area`)).json().totalSqm).toBe(base.hongli + 80_000);
    expect((await user.get(`/api/v1/land/enterprises/${jieni}/area`)).statusCode).toBe(404);
  });

  it('dates each status change and refuses a stale edit', async () => {
    const res = await admin.patch(`/api/v1/land/parcels/${id}`, { version: 1, status: 'producing', statusSince: '2026-01-15' });
    expect(res.json().statusHistory.map((s: { status: string; since: string }) => [s.status, s.since])).toEqual([
      ['producing', '2026-01-15'],
      ['underConstruction', '2026-03-02'],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)));
    const stale = await admin.patch(`/api/v1/land/parcels/${id}`, { version: 1, name: '改名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.status).toBe('producing');
  });

  it('serves the parcels as GeoJSON to the committee, filtered', async () => {
    const mine = (await leader.get('/api/v1/land/parcels?q=CD-P3-00')).json();
    expect(mine.type).toBe('FeatureCollection');
    expect(mine.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['CD-P3-001', 'CD-P3-002']);
    expect(mine.features[0].geometry.type).toBe('Polygon');
    const producing = (await leader.get('/api/v1/land/parcels?status=producing')).json().features as { properties: { status: string; code: string } }[];
    expect(producing.every((f) => f.properties.status === 'producing')).toBe(true);
    expect(producing.map((f) => f.properties.code)).toContain('CD-P3-001');
    const held = (await leader.get(`/api/v1/land/parcels?holderEnterpriseId=${hongli}`)).json().features as { properties: { holderName: string } }[];
    expect(held.length).toBe(3);
    expect(held.every((f) => f.properties.holderName === '九江鸿利达新材料有限公司')).toBe(true);
  });

  it('lets the committee widen the area tolerance', async () => {
    const settings = (await admin.get('/api/v1/land/settings')).json();
    expect(settings.areaTolerance).toBe(0.05);
    expect((await admin.request('PUT', '/api/v1/land/settings', { ...settings, areaTolerance: 0.3 })).statusCode).toBe(200);
    expect((await admin.request('PUT', '/api/v1/land/settings', { ...settings, areaTolerance: 0.2 })).statusCode).toBe(409);
    const p = (await leader.get('/api/v1/land/parcels?q=CD-P3-002')).json().features[0].properties;
    expect(p.areaMismatch).toBe(false);
  });
});

describe('idle land', () => {
  it('finds the demo’s unstarted parcel idle with its fee after one full year, and for recovery after two', async () => {
    const soon = (await leader.get('/api/v1/land/idle-check?asOf=2025-06-29')).json();
    expect(soon.items.map((i: { name: string }) => i.name)).not.toContain('云帆智能终端二期地块（演示数据）');
    const fee = (await leader.get('/api/v1/land/idle-check?asOf=2026-03-02')).json().items;
    const yunfan = fee.find((i: { name: string }) => i.name === '云帆智能终端二期地块（演示数据）');
    expect(yunfan).toMatchObject({ kind: 'idleFee', idleSince: '2025-06-30', fullYears: 1, rule: 'notStarted', holderName: '九江云帆智能终端有限公司' });
    const price = (await leader.get(`/api/v1/land/parcels/${yunfan.parcelId}`)).json().priceYuan;
    expect(yunfan.feeYuan).toBe(Math.round(price * 0.2));
    const later = (await leader.get('/api/v1/land/idle-check?asOf=2026-07-01')).json().items;
    expect(later.find((i: { parcelId: string }) => i.parcelId === yunfan.parcelId)).toMatchObject({ kind: 'recovery', fullYears: 2, feeYuan: null });
  });

  it('turns the fee off once a government-caused delay is recorded', async () => {
    const fee = (await leader.get('/api/v1/land/idle-check?asOf=2026-03-02')).json().items;
    const yunfan = fee.find((i: { name: string }) => i.name === '云帆智能终端二期地块（演示数据）');
    const parcel = (await admin.get(`/api/v1/land/parcels/${yunfan.parcelId}`)).json();
    const delay = { cause: 'landNotDelivered', note: '三通一平未按约完成', recordedOn: '2026-02-20' };
    expect((await admin.patch(`/api/v1/land/parcels/${parcel.id}`, { version: parcel.version, governmentDelay: delay })).json().governmentDelay).toEqual(delay);
    const after = (await leader.get('/api/v1/land/idle-check?asOf=2026-03-02')).json().items.find((i: { parcelId: string }) => i.parcelId === parcel.id);
    expect(after).toMatchObject({ kind: 'governmentDelay', feeYuan: null, cause: 'landNotDelivered', options: ['extendStart', 'changeUse', 'temporaryUse', 'paidRecovery', 'landSwap'] });
  });
});

describe('parcel import (GeoJSON)', () => {
  /** A 200 m square in 3-degree Gauss-Krüger 117°E with the zone number, south-west corner (e, n). */
  const gkSquare = (e: number, n: number) => ({ type: 'Polygon', coordinates: [[[e, n], [e + 200, n], [e + 200, n + 200], [e, n + 200], [e, n]]] });
  const file = (features: unknown[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
  const feature = (geometry: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', geometry, properties });
  const count = async () => Number((await t.database.db.selectFrom('parcel').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('places a Gauss-Krüger parcel on the right spot, measured on the ellipsoid, and imports a file once', async () => {
    const { uscc } = (await admin.get(`/api/v1/enterprises/${hongli}`)).json();
    const body = file([feature(gkSquare(39_405_300, 3_289_000), { 地块编码: 'GK-001', 园区: '高端制造功能区', 统一社会信用代码: uscc, 面积: 40_000, 状态: '在建', 供地方式: '出让' })]);
    const res = await admin.upload('/api/v1/land/parcels/import', body, 'parcels.geojson');
    expect(res.json()).toMatchObject({ duplicate: false, created: 1 });
    const p = (await admin.get('/api/v1/land/parcels?q=GK-001')).json().features[0];
    const [lon, lat] = p.geometry.coordinates[0][0];
    expect(lon).toBeGreaterThan(116.0);
    expect(lon).toBeLessThan(116.05);
    expect(lat).toBeGreaterThan(29.7);
    expect(lat).toBeLessThan(29.74);
    expect(Math.abs(p.properties.computedAreaSqm - 40_000)).toBeLessThan(40);
    expect(p.properties).toMatchObject({ status: 'underConstruction', tenure: 'transfer', holderEnterpriseId: hongli, areaMismatch: false });
    const again = await admin.upload('/api/v1/land/parcels/import', body, 'parcels.geojson');
    expect(again.json()).toMatchObject({ importId: res.json().importId, duplicate: true });
  });

  it('lists every bad feature by number and property, and writes none of the file', async () => {
    const before = await count();
    const open = { type: 'Polygon', coordinates: [[[116.05, 29.72], [116.052, 29.72], [116.052, 29.722], [116.05, 29.722], [116.0501, 29.7201]]] };
    const res = await admin.upload(
      '/api/v1/land/parcels/import',
      file([
        feature(open, { code: 'BAD-1', unit: 'XY-CD-P3-MFG' }),
        feature(gkSquare(39_405_300, 3_292_000), { code: 'BAD-2', unit: '不存在的园区' }),
        feature(gkSquare(39_405_600, 3_292_000), { code: 'GK-001', unit: 'XY-CD-P3-MFG', 状态: '规划中' }),
        feature(gkSquare(12_900_000, 3_292_000), { code: 'BAD-4', unit: 'XY-CD-P3-MFG' }),
      ]),
      'bad.geojson',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [1, 'geometry'],
      [2, 'unit'],
      [3, 'status'],
      [4, 'geometry'],
    ]);
    expect(await count()).toBe(before);
  });
});

describe('standard factory buildings', () => {
  const target = async (asOfYear: number) =>
    ((await leader.get(`/api/v1/targets?asOfYear=${asOfYear}`)).json().items as { code: string; current: number; verdict: string; projection: number }[]).find((i) => i.code === 'standardFactory2025')!;

  it('measures the yearly 10万㎡ target from the buildings completed each year', async () => {
    const list = (await leader.get('/api/v1/land/factories')).json() as { completedOn: string; floorAreaSqm: number; occupancy: number }[];
    expect(list.filter((f) => f.completedOn.startsWith('2024-')).reduce((s, f) => s + f.floorAreaSqm, 0)).toBe(96_000);
    expect(list[0]!.occupancy).toBeCloseTo(0.6, 9);
    expect(await target(2024)).toMatchObject({ current: 96_000, projection: 96_000, verdict: 'atRisk' });
    expect(await target(2025)).toMatchObject({ current: 112_000, verdict: 'reached' });
  });

  it('counts a new building in its year, and refuses more occupants than floor area', async () => {
    const building = { code: 'SF-TEST-1', name: '测试标准厂房', unitId: zoneId, parcelId: null, completedOn: '2024-12-31', floors: 3, floorAreaSqm: 10_000, occupants: [{ enterpriseId: jieni, areaSqm: 4_000 }] };
    const created = await admin.post('/api/v1/land/factories', building);
    expect(created.json()).toMatchObject({ occupiedSqm: 4_000, occupancy: 0.4, version: 1 });
    expect(await target(2024)).toMatchObject({ current: 106_000, verdict: 'onTrack' });
    const over = await admin.post('/api/v1/land/factories', { ...building, code: 'SF-TEST-2', occupants: [{ enterpriseId: jieni, areaSqm: 12_000 }] });
    expect(over.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'occupants' } });
    const stale = await admin.patch(`/api/v1/land/factories/${created.json().id}`, { version: 1, floors: 4 });
    expect(stale.json().floors).toBe(4);
    expect((await admin.patch(`/api/v1/land/factories/${created.json().id}`, { version: 1, floors: 5 })).statusCode).toBe(409);
  });
});
