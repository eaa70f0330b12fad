import { describe, expect, it } from 'vitest';
import { dbf, gbk, PRJ, shapefileZip, shpAndShx, type Ring, type ShapefileSpec } from '../test/shapefile';
import { deflated, noiseThenSpaces, spaces, zip } from '../test/zip';
import { readShapefile, type ShapefileLayer } from './shapefile';

/** A square with its south-west corner at (x, y), clockwise as a Shapefile's outer ring runs. */
const clockwise = (x: number, y: number, side: number): Ring => [[x, y], [x, y + side], [x + side, y + side], [x + side, y], [x, y]];
const anticlockwise = (x: number, y: number, side: number): Ring => [...clockwise(x, y, side)].reverse();
const E = 500_000;
const N = 3_290_000;

const read = (spec: Partial<ShapefileSpec>) => readShapefile(shapefileZip({ shapes: [[clockwise(E, N, 200)]], rows: [{ DKBM: 'A-1' }], prj: PRJ.gk117, ...spec }));
const reason = (layer: ShapefileLayer) => {
  expect(layer.features).toEqual([]);
  expect(layer.problems).toHaveLength(1);
  expect(layer.problems[0]!.row).toBe(0);
  return layer.problems[0]!.reason;
};
const turnsAnticlockwise = (ring: number[][]) => ring.slice(1).reduce((s, [x, y], i) => s + ring[i]![0]! * y! - x! * ring[i]![1]!, 0) > 0;

describe('readShapefile: shapes', () => {
  it('reads a polygon with a hole, outer ring anticlockwise and the hole clockwise as GeoJSON wants', () => {
    const layer = read({ shapes: [[clockwise(E, N, 200), anticlockwise(E + 50, N + 50, 100)]] });
    expect(layer).toMatchObject({ crs: 'gk117', problems: [] });
    const [f] = layer.features;
    expect(f).toMatchObject({ row: 1, properties: { DKBM: 'A-1' }, geometry: { type: 'Polygon' } });
    const [outer, hole] = f!.geometry.coordinates as number[][][];
    expect(outer).toHaveLength(5);
    expect(turnsAnticlockwise(outer!)).toBe(true);
    expect(turnsAnticlockwise(hole!)).toBe(false);
    expect(hole).toContainEqual([E + 50, N + 50]);
  });

  it('reads two outer rings as a multipolygon, each hole in the ring around it', () => {
    const layer = read({ shapes: [[clockwise(E, N, 100), clockwise(E + 500, N, 300), anticlockwise(E + 600, N + 100, 50)]] });
    const g = layer.features[0]!.geometry;
    expect(g.type).toBe('MultiPolygon');
    expect((g.coordinates as number[][][][]).map((polygon) => polygon.length)).toEqual([1, 2]);
    expect((g.coordinates as number[][][][])[1]![1]).toContainEqual([E + 600, N + 100]);
  });

  it('takes a lone ring written anticlockwise as an outer ring rather than losing it', () => {
    expect(read({ shapes: [[anticlockwise(E, N, 200)]] }).features[0]!.geometry).toMatchObject({ type: 'Polygon', coordinates: [expect.any(Array)] });
  });

  it('reads PolygonZ and PolygonM, ignoring Z and M', () => {
    for (const shapeType of [15, 25]) {
      const g = read({ shapeType, shapes: [[clockwise(E, N, 200)]] }).features[0]!.geometry;
      expect(g.coordinates[0]).toEqual(anticlockwise(E, N, 200));
    }
  });

  it('reports a null shape by its record number and reads the others', () => {
    const layer = read({ shapes: [[clockwise(E, N, 200)], null, [clockwise(E + 300, N, 200)]], rows: [{ DKBM: 'A-1' }, { DKBM: 'A-2' }, { DKBM: 'A-3' }] });
    expect(layer.features.map((f) => f.row)).toEqual([1, 3]);
    expect(layer.problems).toEqual([{ row: 2, column: 'geometry', value: '', reason: '该记录没有图形（空图形）' }]);
  });

  it('refuses a point layer as a whole', () => {
    expect(reason(read({ shapeType: 1 }))).toBe('只支持面图层（此文件为点图层）');
  });
});

describe('readShapefile: attributes', () => {
  const rows = [
    { 地块编码: 'CD-P3-101', 用地单位: '九江鸿利达新材料有限公司', 面积: 40_000.5, 签订日期: '2023-05-10', 已供: true },
    { 地块编码: 'CD-P3-102', 用地单位: '', 面积: null, 签订日期: null, 已供: false },
  ];
  const fields = [
    { name: '地块编码', type: 'C', length: 20 },
    { name: '用地单位', type: 'C', length: 60 },
    { name: '面积', type: 'N', length: 12, decimals: 2 },
    { name: '签订日期', type: 'D', length: 8 },
    { name: '已供', type: 'L', length: 1 },
  ] as const;
  const shapes = [[clockwise(E, N, 200)], [clockwise(E + 300, N, 200)]];
  const expected = [
    { 地块编码: 'CD-P3-101', 用地单位: '九江鸿利达新材料有限公司', 面积: 40_000.5, 签订日期: '2023-05-10', 已供: true },
    { 地块编码: 'CD-P3-102', 用地单位: null, 面积: null, 签订日期: null, 已供: false },
  ];

  it('reads Chinese field names and values in GBK, with or without a .cpg saying so', () => {
    expect(gbk('地块编码')).toEqual(Buffer.from([0xb5, 0xd8, 0xbf, 0xe9, 0xb1, 0xe0, 0xc2, 0xeb]));
    for (const cpg of [undefined, 'GBK', '936', 'GB2312']) {
      expect(read({ shapes, rows, fields: [...fields], cpg }).features.map((f) => f.properties)).toEqual(expected);
    }
  });

  it('reads UTF-8, with or without a .cpg saying so', () => {
    // A DBF field name holds 10 bytes: 3 Chinese characters in UTF-8.
    const utf8Rows = [{ DKBM: 'CD-P3-101', 单位: '九江鸿利达新材料有限公司' }];
    for (const cpg of [undefined, 'UTF-8']) {
      expect(read({ rows: utf8Rows, encoding: 'utf8', cpg }).features[0]!.properties).toEqual(utf8Rows[0]);
    }
  });

  it('keeps a 19-digit code stored as a number digit for digit', () => {
    const fieldsN = [{ name: 'DKBM', type: 'N', length: 19 } as const];
    expect(read({ rows: [{ DKBM: '3604030010001000017' }], fields: fieldsN }).features[0]!.properties.DKBM).toBe('3604030010001000017');
  });

  it('skips deleted records, keeping the others’ record numbers', () => {
    const layer = read({ shapes: [...shapes, [clockwise(E + 600, N, 200)]], rows: [...rows, { ...rows[0]!, 地块编码: 'CD-P3-103' }], fields: [...fields], deleted: [1] });
    expect(layer.features.map((f) => [f.row, f.properties.地块编码])).toEqual([
      [1, 'CD-P3-101'],
      [3, 'CD-P3-103'],
    ]);
  });
});

describe('readShapefile: coordinate systems', () => {
  const lonlat = [[clockwise(117.01, 29.72, 0.002)]];

  it('recognises CGCS2000 longitude/latitude and Gauss-Krüger 117°E with and without the zone number, as each program writes them', () => {
    expect(read({ prj: PRJ.cgcs2000, shapes: lonlat }).crs).toBe('lonlat');
    for (const prj of [PRJ.gk117, PRJ.gk117Ogc, PRJ.gk117Wkt2]) expect(read({ prj })).toMatchObject({ crs: 'gk117', problems: [] });
    expect(read({ prj: PRJ.gk117zone, shapes: [[clockwise(39_000_000 + E, N, 200)]] })).toMatchObject({ crs: 'gk117zone', problems: [] });
  });

  it('leaves the system to the coordinates when there is no .prj', () => {
    expect(read({ prj: undefined })).toMatchObject({ crs: null, problems: [] });
  });

  it.each([
    ['xian80', '坐标系「Xian_1980_3_Degree_GK_CM_117E」不是 CGCS2000，而是西安 1980坐标系'],
    ['beijing54', '坐标系「Beijing_1954_3_Degree_GK_CM_117E」不是 CGCS2000，而是北京 1954坐标系'],
    ['utm50', '坐标系「WGS_1984_UTM_Zone_50N」不是 CGCS2000，而是WGS 84坐标系'],
    ['gk114', '坐标系「CGCS2000_3_Degree_GK_CM_114E」的中央经线是 114°，不是 117°E'],
    ['gk6Zone20', '坐标系「CGCS2000_GK_Zone_20」的东偏移是 20500000 米'],
  ] as const)('names the system a %s .prj declares and what is accepted instead', (prj, start) => {
    const layer = read({ prj: PRJ[prj] });
    expect(reason(layer)).toMatch(new RegExp(`^${start.replace(/[()[\]]/g, '\\$&')}.*本系统只接受 CGCS2000`));
    expect(layer.problems[0]!.column).toBe('parcels.prj');
  });

  it('refuses a .prj it cannot read', () => {
    expect(reason(read({ prj: 'EPSG:4548' }))).toMatch(/^无法读取坐标系文件的内容/);
  });

  it('reports a .prj that the coordinates contradict', () => {
    expect(reason(read({ prj: PRJ.gk117, shapes: [[clockwise(39_000_000 + E, N, 200)]] }))).toBe(
      '坐标系文件声明为3 度带高斯-克吕格 117°E（不带带号），但坐标是3 度带高斯-克吕格 117°E（带 39 带号）。请核对 .prj 是否与数据一致，或在 GIS 软件中重新定义坐标系后再导入',
    );
    expect(reason(read({ prj: PRJ.cgcs2000 }))).toMatch(/^坐标系文件声明为CGCS2000 经纬度，但坐标是3 度带高斯-克吕格 117°E（不带带号）/);
    expect(reason(read({ prj: PRJ.gk117zone, shapes: [[clockwise(12_900_000, N, 200)]] }))).toMatch(/但坐标不在这个坐标系的范围内/);
  });
});

describe('readShapefile: the zip', () => {
  it('finds the layer in a folder, whatever the case of its names, past the copies macOS adds', () => {
    const junk = [deflated('__MACOSX/地块/._parcels.shp', 'AppleDouble'), deflated('地块/._parcels.dbf', 'AppleDouble'), deflated('地块/parcels.shp.xml', '<metadata/>')];
    const layer = read({ folder: '地块/', name: 'Parcels', upperCaseExtensions: true, extra: junk });
    expect(layer).toMatchObject({ crs: 'gk117', problems: [], features: [{ row: 1 }] });
  });

  it('needs the .dbf but not the .shx', () => {
    expect(read({ omit: ['shx'] }).features).toHaveLength(1);
    expect(reason(read({ omit: ['dbf'] }))).toBe('缺少同名的 .dbf 属性表文件（Shapefile 至少需要 .shp 和 .dbf）');
    expect(reason(read({ omit: ['shp'] }))).toMatch(/^压缩包中没有 .shp 图形文件/);
  });

  it('takes one layer at a time', () => {
    const other = deflated('roads.shp', Buffer.alloc(100));
    expect(reason(read({ extra: [other] }))).toBe('压缩包中有 2 个图层，每次只能导入一个图层');
  });

  it('reports a .shp and a .dbf that do not pair up, and a .shp that is not whole', () => {
    const twoRows = dbf([{ DKBM: 'A-1' }, { DKBM: 'A-2' }]);
    expect(reason(read({ omit: ['dbf'], extra: [deflated('parcels.dbf', twoRows)] }))).toBe('图形文件有 1 条记录，属性表有 2 条，两者应一一对应');
    const { shp } = shpAndShx([[clockwise(E, N, 200)]]);
    const withShp = (bytes: Buffer) => read({ omit: ['shp'], extra: [deflated('parcels.shp', bytes)] });
    expect(reason(withShp(Buffer.alloc(100)))).toBe('图形文件（.shp）格式错误');
    expect(reason(withShp(shp.subarray(0, shp.length - 10)))).toBe('图形文件（.shp）不完整');
    const tooManyPoints = Buffer.from(shp);
    tooManyPoints.writeInt32LE(6, 100 + 8 + 40);
    expect(reason(withShp(tooManyPoints))).toBe('图形文件（.shp）第 1 条记录已损坏');
  });

  it('refuses zip bombs and archives past the limits before reading them', () => {
    const started = performance.now();
    const bomb = spaces(300);
    const lying = { name: 'parcels.dbf', method: 8, payload: bomb.payload, crc: bomb.crc, size: 1024 };
    expect(reason(read({ omit: ['dbf'], extra: [lying] }))).toBe('压缩包内文件已损坏，或解压后大小与声明不符（疑似压缩炸弹）');
    const dense = spaces(50);
    expect(reason(read({ omit: ['dbf'], extra: [{ ...lying, ...dense }] }))).toBe('压缩包压缩比异常（疑似压缩炸弹）');
    const big = noiseThenSpaces(2, 120);
    expect(reason(read({ omit: ['dbf'], extra: [{ name: 'parcels.dbf', method: 8, ...big }] }))).toBe('压缩包解压后过大');
    expect(reason(read({ extra: Array.from({ length: 501 }, (_, i) => deflated(`other/${i}.txt`, 'x')) }))).toBe('压缩包内文件过多');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('says so when the file is not a zip at all', () => {
    expect(reason(readShapefile(Buffer.from('PK not really')))).toBe('不是有效的 zip 压缩包');
    expect(reason(readShapefile(zip([])))).toBe('不是有效的 zip 压缩包');
  });
});
