import type { ImportProblem } from '@yuanqu/contracts';
import { guessCrs, type Crs } from './crs';
import { dbfEncoding, DbfFormatError, readDbf, type DbfValue } from './dbf';
import { crsOfPrj } from './prj';
import { DEFAULT_ZIP_LIMITS, inflateEntry, zipEntries, type ZipEntry, type ZipLimits, type ZipRejection } from './zip';

type Ring = number[][];

/** One record of the layer: its number (from 1, as GIS programs count), attributes and outline as stored. */
export interface ShapeFeature {
  row: number;
  properties: Record<string, DbfValue>;
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** The layer read from a zipped Shapefile; `crs` is what its .prj declares (null without one). */
export interface ShapefileLayer {
  crs: Crs | null;
  features: ShapeFeature[];
  /** File-level problems (row 0: nothing else is read) or records without a shape. */
  problems: ImportProblem[];
}

/**
 * A parcel layer is a few MB; 100 MiB unpacked is far beyond any park's, and the parts read are
 * held in memory whole.
 */
export const SHAPEFILE_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 100 * 1024 * 1024 };

const ZIP_REJECTIONS: Record<ZipRejection, string> = {
  notZip: '不是有效的 zip 压缩包',
  zip64: '压缩包结构超出支持范围（ZIP64）',
  tooManyEntries: '压缩包内文件过多',
  encrypted: '压缩包已加密，请取消密码后再上传',
  badPath: '压缩包内文件路径异常',
  badMethod: '压缩包使用了不支持的压缩方式',
  tooLarge: '压缩包解压后过大',
  ratio: '压缩包压缩比异常（疑似压缩炸弹）',
  sizeMismatch: '压缩包内文件已损坏，或解压后大小与声明不符（疑似压缩炸弹）',
};

/** Shape types by code (ESRI Shapefile Technical Description), for the message on a layer that is not polygons. */
const LAYER_KINDS: Record<number, string> = { 0: '空图层', 1: '点图层', 3: '线图层', 8: '多点图层', 11: '点图层', 13: '线图层', 18: '多点图层', 21: '点图层', 23: '线图层', 28: '多点图层', 31: '多面体图层' };
const POLYGON_TYPES = new Set([5, 15, 25]);

/** The .shp is not a Shapefile, or is cut short; the message is for the clerk. */
class ShapeFormatError extends Error {}

const fileProblem = (column: string, value: string, reason: string): ImportProblem => ({ row: 0, column, value, reason });
const only = (problem: ImportProblem): ShapefileLayer => ({ crs: null, features: [], problems: [problem] });

function nameParts(name: string): { stem: string; ext: string } {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot > lower.lastIndexOf('/') ? { stem: lower.slice(0, dot), ext: lower.slice(dot + 1) } : { stem: lower, ext: '' };
}

/** The layer's parts, by extension; folders, and the copies macOS adds under __MACOSX/ and ._name, are ignored. */
function layerParts(entries: ZipEntry[]): Map<string, ZipEntry> | ImportProblem {
  const files = entries.filter((e) => !e.name.endsWith('/') && !e.name.split('/').includes('__MACOSX') && !e.name.split('/').at(-1)!.startsWith('._'));
  const shps = files.filter((e) => nameParts(e.name).ext === 'shp');
  if (shps.length === 0) return fileProblem('文件', '', '压缩包中没有 .shp 图形文件（Shapefile 至少需要同名的 .shp 和 .dbf）');
  if (shps.length > 1) return fileProblem('文件', shps.map((e) => e.name).join('、'), `压缩包中有 ${shps.length} 个图层，每次只能导入一个图层`);
  const { stem } = nameParts(shps[0]!.name);
  const parts = new Map<string, ZipEntry>();
  for (const e of files) {
    const p = nameParts(e.name);
    if (p.stem === stem && !parts.has(p.ext)) parts.set(p.ext, e);
  }
  if (!parts.has('dbf')) return fileProblem('文件', shps[0]!.name, '缺少同名的 .dbf 属性表文件（Shapefile 至少需要 .shp 和 .dbf）');
  return parts;
}

/** Reads every record's rings (x, y only: Z and M are ignored); null for a null shape. */
function readShp(buf: Buffer): (Ring[] | null)[] {
  if (buf.length < 100 || buf.readInt32BE(0) !== 9994) throw new ShapeFormatError('图形文件（.shp）格式错误');
  const end = buf.readInt32BE(24) * 2;
  if (end > buf.length || end < 100) throw new ShapeFormatError('图形文件（.shp）不完整');
  const layerType = buf.readInt32LE(32);
  if (!POLYGON_TYPES.has(layerType)) throw new ShapeFormatError(`只支持面图层（此文件为${LAYER_KINDS[layerType] ?? `类型 ${layerType} 的图层`}）`);
  const shapes: (Ring[] | null)[] = [];
  for (let p = 100; p < end; ) {
    const n = shapes.length + 1;
    const broken = new ShapeFormatError(`图形文件（.shp）第 ${n} 条记录已损坏`);
    if (p + 12 > end) throw broken;
    const start = p + 8;
    const stop = start + buf.readInt32BE(p + 4) * 2;
    if (stop > end || stop < start + 4) throw broken;
    p = stop;
    const type = buf.readInt32LE(start);
    if (type === 0) {
      shapes.push(null);
      continue;
    }
    if (type !== layerType) throw new ShapeFormatError(`图形文件（.shp）第 ${n} 条记录不是面`);
    if (start + 44 > stop) throw broken;
    const numParts = buf.readInt32LE(start + 36);
    const numPoints = buf.readInt32LE(start + 40);
    const points = start + 44 + 4 * numParts;
    if (numParts < 1 || numPoints < 0 || points + 16 * numPoints > stop) throw broken;
    const firsts = Array.from({ length: numParts }, (_, i) => buf.readInt32LE(start + 44 + 4 * i));
    if (firsts[0] !== 0 || firsts.some((f, i) => f > (firsts[i + 1] ?? numPoints))) throw broken;
    shapes.push(firsts.map((first, i) => Array.from({ length: (firsts[i + 1] ?? numPoints) - first }, (_, k) => [buf.readDoubleLE(points + 16 * (first + k)), buf.readDoubleLE(points + 16 * (first + k) + 8)])));
  }
  return shapes;
}

/** Twice the signed area: positive when the ring turns anticlockwise. */
function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** Whether the point lies strictly inside the ring (even-odd rule). */
function inside([x, y]: number[], ring: Ring): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) result = !result;
  }
  return result;
}

const oriented = (ring: Ring, anticlockwise: boolean) => (signedArea2(ring) > 0 === anticlockwise ? ring : [...ring].reverse());

/**
 * Groups a record's rings into polygons. In a Shapefile outer rings run clockwise and holes
 * anticlockwise; each hole goes to the smallest outer ring that contains one of its vertices, and a
 * "hole" no outer ring contains (from a writer that got the direction backwards) stands as an outer
 * ring of its own. The result follows GeoJSON (RFC 7946): outer rings anticlockwise, holes clockwise.
 */
function polygonsOf(rings: Ring[]): Ring[][] {
  const outers = rings.filter((r) => signedArea2(r) < 0);
  const polygons = outers.map((outer) => [oriented(outer, true)]);
  for (const hole of rings.filter((r) => signedArea2(r) >= 0)) {
    const containing = outers
      .map((outer, i) => ({ i, area: -signedArea2(outer) }))
      .filter(({ i }) => hole.some((point) => inside(point, outers[i]!)))
      .sort((a, b) => a.area - b.area)[0];
    if (containing) polygons[containing.i]!.push(oriented(hole, false));
    else polygons.push([oriented(hole, true)]);
  }
  return polygons;
}

const CRS_WORDS: Record<Crs, string> = {
  lonlat: 'CGCS2000 经纬度',
  gk117: '3 度带高斯-克吕格 117°E（不带带号）',
  gk117zone: '3 度带高斯-克吕格 117°E（带 39 带号）',
};

/** Why the coordinates do not fit the system the .prj declares, or null when they do. */
function crsDisagreement(features: ShapeFeature[], declared: Crs): string | null {
  const extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const [x, y] of (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2)) {
      extent[0] = Math.min(extent[0]!, x!);
      extent[1] = Math.min(extent[1]!, y!);
      extent[2] = Math.max(extent[2]!, x!);
      extent[3] = Math.max(extent[3]!, y!);
    }
  }
  if (extent[0] === Infinity) return null;
  // The accepted systems' ranges are rectangles: the corners of the extent fit when every point does.
  const found = guessCrs([extent.slice(0, 2), extent.slice(2)]);
  if (found === declared) return null;
  const seen = found ? `，但坐标是${CRS_WORDS[found]}` : '，但坐标不在这个坐标系的范围内';
  return `坐标系文件声明为${CRS_WORDS[declared]}${seen}。请核对 .prj 是否与数据一致，或在 GIS 软件中重新定义坐标系后再导入`;
}

/**
 * Reads the one polygon layer of a zipped Shapefile set: .shp and .dbf required, .prj and .cpg
 * read when present, .shx not needed (records are read in sequence), anywhere in the zip, names in
 * any case. Record n of the .shp pairs with record n of the .dbf; deleted records are skipped.
 */
export function readShapefile(zip: Buffer, limits: ZipLimits = SHAPEFILE_ZIP_LIMITS): ShapefileLayer {
  const entries = zipEntries(zip, limits);
  if (typeof entries === 'string') return only(fileProblem('文件', '', ZIP_REJECTIONS[entries]));
  const parts = layerParts(entries);
  if (!(parts instanceof Map)) return only(parts);
  const bytes = new Map<string, Buffer>();
  for (const [ext, entry] of parts) {
    if (!['shp', 'dbf', 'prj', 'cpg'].includes(ext)) continue;
    const content = inflateEntry(entry);
    if (!content) return only(fileProblem(entry.name, '', ZIP_REJECTIONS.sizeMismatch));
    bytes.set(ext, content);
  }
  const prjName = parts.get('prj')?.name ?? '';
  const declared = bytes.has('prj') ? crsOfPrj(bytes.get('prj')!.toString('utf8')) : null;
  if (declared && 'problem' in declared) return only(fileProblem(prjName, declared.name, declared.problem));
  let shapes: (Ring[] | null)[];
  try {
    shapes = readShp(bytes.get('shp')!);
  } catch (error) {
    if (error instanceof ShapeFormatError) return only(fileProblem(parts.get('shp')!.name, '', error.message));
    throw error;
  }
  const dbf = bytes.get('dbf')!;
  let records;
  try {
    records = readDbf(dbf, dbfEncoding(bytes.get('cpg')?.toString('utf8') ?? null, dbf)).records;
  } catch (error) {
    if (error instanceof DbfFormatError) return only(fileProblem(parts.get('dbf')!.name, '', '属性表文件（.dbf）格式错误或不完整'));
    throw error;
  }
  if (records.length !== shapes.length) return only(fileProblem('文件', '', `图形文件有 ${shapes.length} 条记录，属性表有 ${records.length} 条，两者应一一对应`));
  const features: ShapeFeature[] = [];
  const problems: ImportProblem[] = [];
  records.forEach((record, i) => {
    const rings = shapes[i];
    if (record.deleted) return;
    if (rings) {
      const polygons = polygonsOf(rings);
      features.push({ row: i + 1, properties: record.values, geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons } });
    } else problems.push({ row: i + 1, column: 'geometry', value: '', reason: '该记录没有图形（空图形）' });
  });
  const disagreement = declared ? crsDisagreement(features, declared.crs) : null;
  if (disagreement) return only(fileProblem(prjName, declared!.name, disagreement));
  return { crs: declared?.crs ?? null, features, problems };
}
