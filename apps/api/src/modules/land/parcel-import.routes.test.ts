import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, gbk, PRJ, shapefileZip, type DbfRow, type Ring, type ShapefileSpec } from '../../test/shapefile';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';

// The test clock stands at 2026-03-02.
let t: TestApp;
let admin: Agent;
let hongliUscc: string;

/** A square of `side` metres with its south-west corner at (e, n), clockwise as in a Shapefile. */
const square = (e: number, n: number, side = 200): Ring => [[e, n], [e, n + side], [e + side, n + side], [e + side, n], [e, n]];
/** GK (500000, 3290000) lies on 117°E; its latitude as proj4 gives it, checked by hand against the meridian arc. */
const ON_117 = [117, 29.72834140697844];

const row = (code: string, over: DbfRow = {}): DbfRow => ({ 地块编码: code, 地块名称: '高端制造区地块', 园区: '高端制造功能区', TYSHXYDM: hongliUscc, 面积: 40_000, 状态: '在建', 供地方式: '出让', ...over });
const upload = (spec: ShapefileSpec) => admin.upload('/api/v1/land/parcels/import', shapefileZip(spec), 'parcels.zip');
const count = async () => Number((await t.database.db.selectFrom('parcel').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const parcelByCode = async (code: string) => (await admin.get(`/api/v1/land/parcels?q=${code}`)).json().features[0];
const problemsOf = (res: { json(): { error: { details: { problems: { row: number; column: string; value: string; reason: string }[] } } } }) => res.json().error.details.problems;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  hongliUscc = (await admin.get(`/api/v1/enterprises/${await enterpriseId(t, '鸿利达')}`)).json().uscc;
});
afterAll(() => t.close());

describe('parcel import (zipped Shapefile)', () => {
  it('places a 3-degree Gauss-Krüger 117°E parcel where proj4 puts it, without the zone number', async () => {
    const contract = row('SHP-001', { 土地价款: 12_000_000, 签订日期: '2023-05-10', 约定开工: '2023-11-10', 约定竣工: '2025-11-10' });
    // The dates as a .dbf's date fields (D, stored as YYYYMMDD), not as text.
    const fields = fieldsOf([contract], gbk).map((f) => (['签订日期', '约定开工', '约定竣工'].includes(f.name) ? { ...f, type: 'D' as const, length: 8 } : f));
    const res = await upload({ shapes: [[square(500_000, 3_290_000)]], rows: [contract], fields, prj: PRJ.gk117 });
    expect(res.json()).toMatchObject({ duplicate: false, created: 1 });
    const p = await parcelByCode('SHP-001');
    const corner = (p.geometry.coordinates[0] as number[][]).find(([lon]) => Math.abs(lon! - 117) < 1e-6)!;
    expect(Math.abs(corner[0]! - ON_117[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(corner[1]! - ON_117[1]!)).toBeLessThan(1e-6);
    expect(Math.abs(p.properties.computedAreaSqm / 40_000 - 1)).toBeLessThan(0.001);
    expect(p.properties).toMatchObject({ name: '高端制造区地块', unitName: '高端制造功能区', holderName: '九江鸿利达新材料有限公司', status: 'underConstruction', areaMismatch: false });
  });

  it('places a parcel with the zone number 39 the same way, with or without a .prj, 95 km off the central meridian', async () => {
    for (const [code, prj] of [['SHP-002', PRJ.gk117zone], ['SHP-003', undefined]] as const) {
      const res = await upload({ shapes: [[square(39_405_300, 3_289_000)]], rows: [row(code)], prj });
      expect(res.json()).toMatchObject({ created: 1 });
      const [lon, lat] = ((await parcelByCode(code)).geometry.coordinates[0] as number[][]).reduce((min, p) => (p[0]! + p[1]! < min[0]! + min[1]! ? p : min));
      expect(lon).toBeCloseTo(116.0213153065434, 6);
      expect(lat).toBeCloseTo(29.715702963390235, 6);
      // Gauss-Krüger stretches lengths by about (95 km)² / 2R² here: the plane's 40,000 ㎡ is about 0.02 % more than the ground's.
      const area = (await parcelByCode(code)).properties.computedAreaSqm;
      expect(area).toBeLessThan(40_000);
      expect(area).toBeGreaterThan(40_000 * 0.999);
    }
  });

  it('opens an imported parcel with its contract, status and dated history', async () => {
    const { id } = await parcelByCode('SHP-001');
    const p = (await admin.get(`/api/v1/land/parcels/${id}`)).json();
    expect(p).toMatchObject({ code: 'SHP-001', status: 'underConstruction', registeredAreaSqm: 40_000, areaMu: 60 });
    expect(p).toMatchObject({ tenure: 'transfer', priceYuan: 12_000_000, contractSignedOn: '2023-05-10', agreedStartOn: '2023-11-10', agreedCompletionOn: '2025-11-10' });
    expect(p.statusHistory).toEqual([{ status: 'underConstruction', since: '2026-03-02', actor: 'admin' }]);
  });

  it('reports a crossing outline, an open ring and an empty ring by record number, and writes none of the file', async () => {
    const before = await count();
    const bowtie: Ring = [[500_000, 3_295_000], [500_200, 3_295_200], [500_200, 3_295_000], [500_000, 3_295_200], [500_000, 3_295_000]];
    const open: Ring = square(500_600, 3_295_000).slice(0, 4).concat([[500_601, 3_295_001]]);
    const shapes = [[square(500_300, 3_295_000)], [bowtie], [open], [square(500_900, 3_295_000), []], [square(501_200, 3_295_000)]];
    const rows = [row('SHP-010'), row('SHP-011'), row('SHP-012'), row('SHP-013'), row('SHP-014', { 约定开工: '2023-02-30', 土地价款: '一千万' })];
    const res = await upload({ shapes, rows, prj: PRJ.gk117 });
    expect(res.statusCode).toBe(422);
    expect(problemsOf(res).map((p) => [p.row, p.column, p.reason])).toEqual([
      [2, 'geometry', '边界自相交'],
      [3, 'geometry', '边界没有闭合'],
      [4, 'geometry', '坐标不完整'],
      [5, '土地价款', '土地价款应为不小于 0 的整数（元）'],
      [5, '约定开工', '日期应为 YYYY-MM-DD'],
    ]);
    expect(await count()).toBe(before);
  });

  it('reports a .prj in another coordinate system as a problem of the file, and writes nothing', async () => {
    const before = await count();
    const res = await upload({ shapes: [[square(500_000, 3_300_000)]], rows: [row('SHP-020')], prj: PRJ.xian80 });
    expect(res.statusCode).toBe(422);
    expect(problemsOf(res)).toEqual([{ row: 0, column: 'parcels.prj', value: 'Xian_1980_3_Degree_GK_CM_117E', reason: expect.stringMatching(/而是西安 1980坐标系/) }]);
    expect(await count()).toBe(before);
  });

  it('imports the same zip once: the second time changes nothing', async () => {
    const spec = { shapes: [[square(500_000, 3_300_000)]], rows: [row('SHP-030')], prj: PRJ.gk117 };
    const first = (await upload(spec)).json();
    const before = await count();
    const again = await upload(spec);
    expect(again.json()).toEqual({ importId: first.importId, duplicate: true, created: 0, updated: 0, unchanged: 1 });
    expect(await count()).toBe(before);
  });
});
