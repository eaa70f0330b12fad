import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLonLat } from '../../lib/crs';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';

// The demo base brings approximate layers; these tests replace and clear some of them.
let t: TestApp;
let admin: Agent;
let leader: Agent;
let units: { id: string; code: string; name: string }[];

const file = (features: unknown[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', geometry, properties });
const line = (...coordinates: number[][]) => ({ type: 'LineString', coordinates });
const square = (lon: number, lat: number, d: number) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
/** GRS80 meridian arc between two nearby latitudes, m. */
const meridianArc = (lat1: number, lat2: number) => {
  const e2 = (1 / 298.257222101) * (2 - 1 / 298.257222101);
  const s = Math.sin((((lat1 + lat2) / 2) * Math.PI) / 180);
  return ((6_378_137 * (1 - e2)) / (1 - e2 * s * s) ** 1.5) * (((lat2 - lat1) * Math.PI) / 180);
};

async function scopedLandClerk(parkCode: string) {
  const park = units.find((u) => u.code === parkCode)!;
  await admin.post('/api/v1/users', { username: 'land3', displayName: '3号园 规划土地', password: 'Tudi#Sanhao2026', role: 'staff', departments: ['land'], unitIds: [park.id] });
  const first = await t.login('land3', 'Tudi#Sanhao2026');
  await first.post('/api/v1/auth/password', { currentPassword: 'Tudi#Sanhao2026', newPassword: 'Tudi#Sanhao2027' });
  return t.login('land3', 'Tudi#Sanhao2027');
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  leader = await t.login('leader');
  units = (await admin.get('/api/v1/units')).json();
});
afterAll(() => t.close());

describe('map layers', () => {
  it('serves the demo’s 一轴两园四区 and shorelines, each flagged approximate with its source', async () => {
    const layers = (await leader.get('/api/v1/land/layers')).json();
    const byKind = (kind: string) => layers.features.filter((f: { properties: { kind: string } }) => f.properties.kind === kind).map((f: { properties: { name: string } }) => f.properties.name);
    expect(byKind('park')).toEqual(['1号园', '3号园']);
    expect(byKind('zone')).toHaveLength(5);
    expect(byKind('axis')).toEqual(['滨江东路发展轴']);
    expect(byKind('shorelineMain')).toEqual(['长江干流南岸线（示意）']);
    expect(byKind('shorelineTributary')).toEqual(['支流岸线（示意）']);
    for (const f of layers.features) expect(f.properties).toMatchObject({ approximate: true, source: expect.stringContaining('示意，非测绘成果'), version: 1 });
    const zones = (await leader.get('/api/v1/land/layers?kind=zone')).json().features;
    expect(zones.map((f: { properties: { unitId: string } }) => units.find((u) => u.id === f.properties.unitId)!.code).sort()).toEqual(['XY-CD-P1-DIG', 'XY-CD-P1-LOG', 'XY-CD-P1-PET', 'XY-CD-P3-LOG', 'XY-CD-P3-MFG']);
  });

  it('shows staff scoped to one park only that park’s areas, with the axis and shorelines', async () => {
    const clerk = await scopedLandClerk('XY-CD-P3');
    const names = (await clerk.get('/api/v1/land/layers')).json().features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['3号园', '高端制造功能区', '商贸物流功能区（3号园）', '滨江东路发展轴', '长江干流南岸线（示意）']));
    expect(names).not.toContain('1号园');
    expect(names).not.toContain('石油化工功能区');
    const res = await clerk.upload('/api/v1/land/layers/axis/import', file([feature(line([116.0, 29.73], [116.1, 29.74]))]), 'axis.geojson');
    expect(res.statusCode).toBe(403);
  });
});

describe('distance to the shoreline', () => {
  it('measures a point and the demo’s petrochemical parcels against the demo shoreline', async () => {
    const point = (await leader.get('/api/v1/land/distance?lon=116.045&lat=29.725')).json();
    expect(point.parcelId).toBeNull();
    expect(point.mainstream.distanceM).toBeGreaterThan(1_000);
    expect(point.mainstream.distanceM).toBeLessThan(meridianArc(29.725, 29.735));
    expect(point.mainstream).toMatchObject({ within1Km: false, within3Km: true, approximate: true });
    const pet = (await leader.get('/api/v1/land/parcels?q=XY-CD-P1-PET')).json().features;
    expect(pet.length).toBe(3);
    for (const p of pet) {
      expect(p.properties.shorelineDistance.mainstream).toMatchObject({ within1Km: true, within3Km: true, approximate: true });
      const byId = (await leader.get(`/api/v1/land/distance?parcelId=${p.id}`)).json();
      expect(byId).toEqual({ parcelId: p.id, ...p.properties.shorelineDistance });
    }
    const detail = (await leader.get(`/api/v1/land/parcels/${pet[0].id}`)).json();
    expect(detail.shorelineDistance).toEqual(pet[0].properties.shorelineDistance);
  });

  it('measures from the newly imported shoreline as soon as it replaces the old one', async () => {
    const before = (await leader.get('/api/v1/land/distance?lon=116.05&lat=29.74')).json();
    const res = await admin.upload(
      '/api/v1/land/layers/shorelineMain/import',
      file([feature(line([116.0, 29.75], [116.1, 29.75]), { 名称: '长江干流岸线', 来源: '市水利局岸线划定成果（测试）' })]),
      'main.geojson',
    );
    expect(res.json()).toEqual({ kind: 'shorelineMain', features: 1, replaced: 1, version: 2 });
    const after = (await leader.get('/api/v1/land/distance?lon=116.05&lat=29.74')).json();
    expect(after.mainstream.distanceM).not.toBe(before.mainstream.distanceM);
    expect(Math.abs(after.mainstream.distanceM - meridianArc(29.74, 29.75))).toBeLessThan(0.2);
    expect(after.mainstream).toMatchObject({ within1Km: false, within3Km: true, approximate: false });
    expect(after.tributary.approximate).toBe(true);
    const layer = (await leader.get('/api/v1/land/layers?kind=shorelineMain')).json().features;
    expect(layer.map((f: { properties: object }) => f.properties)).toEqual([expect.objectContaining({ name: '长江干流岸线', source: '市水利局岸线划定成果（测试）', approximate: false, version: 2 })]);
    const audit = (await admin.get('/api/v1/audit?action=mapLayer.import')).json().items;
    expect(audit[0]).toMatchObject({ actorName: 'admin', entityId: 'shorelineMain', detail: expect.objectContaining({ features: 1, replaced: 1, version: 2 }) });
  });

  it('places a Gauss-Krüger tributary on the right spot and reports no tributary once it is cleared', async () => {
    // An east-west line at northing 3,291,000 across the 117°E meridian, where Gauss-Krüger has no
    // scale error: a point on the meridian at northing 3,290,100 is 900 m from it.
    const res = await admin.upload('/api/v1/land/layers/shorelineTributary/import', file([feature(line([39_499_000, 3_291_000], [39_501_000, 3_291_000]))]), 'trib.geojson');
    expect(res.json()).toMatchObject({ features: 1, replaced: 1 });
    const [start] = (await leader.get('/api/v1/land/layers?kind=shorelineTributary')).json().features[0].geometry.coordinates;
    expect(start[0]).toBeCloseTo(116.9897, 4);
    expect(start[1]).toBeCloseTo(29.7373, 3);
    const [[lon, lat]] = toLonLat([[500_000, 3_290_100]], 'gk117') as [[number, number]];
    const near = (await leader.get(`/api/v1/land/distance?lon=${lon}&lat=${lat}`)).json().tributary;
    expect(near).toMatchObject({ within1Km: true, approximate: false });
    expect(Math.abs(near.distanceM - 900)).toBeLessThan(0.5);
    expect((await admin.request('DELETE', '/api/v1/land/layers/shorelineTributary')).json()).toEqual({ kind: 'shorelineTributary', deleted: 1 });
    const gone = (await leader.get(`/api/v1/land/distance?lon=${lon}&lat=${lat}`)).json().tributary;
    expect(gone).toEqual({ distanceM: null, within1Km: false, approximate: false });
  });

  it('asks for a parcel or a whole point, and hides parcels outside the viewer’s scope', async () => {
    expect((await leader.get('/api/v1/land/distance?lon=116.05')).statusCode).toBe(400);
    expect((await leader.get('/api/v1/land/distance?lon=116.05&lat=29.7&parcelId=x')).statusCode).toBe(400);
    expect((await leader.get('/api/v1/land/distance')).statusCode).toBe(400);
    expect((await leader.get('/api/v1/land/distance?parcelId=nope')).statusCode).toBe(404);
    const pet = (await leader.get('/api/v1/land/parcels?q=XY-CD-P1-PET-01')).json().features[0];
    const clerk = await t.login('land3', 'Tudi#Sanhao2027');
    expect((await clerk.get(`/api/v1/land/distance?parcelId=${pet.id}`)).statusCode).toBe(404);
  });
});

describe('layer import', () => {
  it('lists every bad feature by number and writes none of the file', async () => {
    const before = (await leader.get('/api/v1/land/layers?kind=zone')).json();
    const bowtie = { type: 'Polygon', coordinates: [[[116.05, 29.72], [116.051, 29.721], [116.051, 29.72], [116.05, 29.721], [116.05, 29.72]]] };
    const res = await admin.upload(
      '/api/v1/land/layers/zone/import',
      file([
        feature(square(116.05, 29.72, 0.01), { name: '高端制造功能区', unit: 'XY-CD-P3-MFG' }),
        feature(line([116.0, 29.7], [116.1, 29.7])),
        feature(bowtie),
        feature(square(116.07, 29.72, 0.01), { unit: '1号园' }),
        feature(square(116.09, 29.72, 0.01), { 示意: '可能' }),
      ]),
      'zones.geojson',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [2, 'geometry'],
      [3, 'geometry'],
      [4, 'unit'],
      [5, '示意'],
    ]);
    expect((await leader.get('/api/v1/land/layers?kind=zone')).json()).toEqual(before);
  });

  it('refuses a line where a park is expected, a one-point line and an empty file', async () => {
    const park = await admin.upload('/api/v1/land/layers/park/import', file([feature(line([116.0, 29.7], [116.1, 29.7]))]), 'p.geojson');
    expect(park.json().error.details.problems).toEqual([{ row: 1, column: 'geometry', value: '', reason: '只支持面（Polygon / MultiPolygon）' }]);
    const short = await admin.upload('/api/v1/land/layers/axis/import', file([feature(line([116.0, 29.7]))]), 'a.geojson');
    expect(short.json().error.details.problems[0]).toMatchObject({ row: 1, column: 'geometry' });
    expect((await admin.upload('/api/v1/land/layers/axis/import', file([]), 'a.geojson')).statusCode).toBe(422);
  });

  it('names a zone after its unit when the file gives no name', async () => {
    const res = await admin.upload('/api/v1/land/layers/zone/import', file([feature(square(116.06, 29.70, 0.02), { 功能区: '高端制造功能区' })]), 'z.geojson');
    expect(res.json()).toMatchObject({ features: 1, replaced: 5, version: 2 });
    const [zone] = (await leader.get('/api/v1/land/layers?kind=zone')).json().features;
    expect(zone.properties).toMatchObject({ name: '高端制造功能区', unitId: units.find((u) => u.code === 'XY-CD-P3-MFG')!.id, approximate: false, source: null });
  });
});
