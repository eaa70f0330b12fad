import { deflated, zip, type ZipEntry } from './zip';

/**
 * A test-only Shapefile writer: real .shp/.shx/.dbf/.prj/.cpg bytes laid out as the ESRI Shapefile
 * Technical Description (1998) and dBASE III say, zipped with the hand-written zip writer.
 */

export type Ring = number[][];
/** A record's shape: its rings, or null for a null shape. A point layer writes the first position. */
export type Shape = Ring[] | null;
export type DbfRow = Record<string, string | number | boolean | null>;

export interface DbfField {
  name: string;
  type: 'C' | 'N' | 'F' | 'D' | 'L';
  length: number;
  decimals?: number;
}

let gbkCodes: Map<string, number[]> | undefined;

/**
 * Text in GBK. Node decodes GBK but cannot encode it, so the table is built once by decoding every
 * two-byte code.
 */
export function gbk(text: string): Buffer {
  if (!gbkCodes) {
    gbkCodes = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (trail !== 0x7f && ch.length === 1 && ch !== '\ufffd' && !gbkCodes.has(ch)) gbkCodes.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const pair = code < 0x80 ? [code] : gbkCodes.get(ch);
    if (!pair) throw new Error(`no GBK code for ${ch}`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}

function bbox(points: number[][]): number[] {
  if (points.length === 0) return [0, 0, 0, 0];
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** One record's content: shape type, then the shape (little-endian). PolygonZ/M carry Z and M values to ignore. */
function content(shape: Shape, type: number): Buffer {
  if (!shape) return Buffer.alloc(4);
  if (type === 1) {
    const b = Buffer.alloc(20);
    b.writeInt32LE(1, 0);
    b.writeDoubleLE(shape[0]![0]![0]!, 4);
    b.writeDoubleLE(shape[0]![0]![1]!, 12);
    return b;
  }
  const points = shape.flat();
  const n = points.length;
  const base = 44 + 4 * shape.length + 16 * n;
  const b = Buffer.alloc(base + (type === 15 ? 32 + 16 * n : type === 25 ? 16 + 8 * n : 0));
  b.writeInt32LE(type, 0);
  bbox(points).forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  b.writeInt32LE(shape.length, 36);
  b.writeInt32LE(n, 40);
  let first = 0;
  shape.forEach((ring, i) => {
    b.writeInt32LE(first, 44 + 4 * i);
    first += ring.length;
  });
  points.forEach(([x, y], i) => {
    b.writeDoubleLE(x!, 44 + 4 * shape.length + 16 * i);
    b.writeDoubleLE(y!, 52 + 4 * shape.length + 16 * i);
  });
  // Z then M for PolygonZ, M alone for PolygonM: a range, then one value per point.
  for (let p = base; p < b.length; p += 8) b.writeDoubleLE(25.5, p);
  return b;
}

function header(type: number, words: number, shapes: Shape[]): Buffer {
  const b = Buffer.alloc(100);
  b.writeInt32BE(9994, 0);
  b.writeInt32BE(words, 24);
  b.writeInt32LE(1000, 28);
  b.writeInt32LE(type, 32);
  bbox(shapes.flatMap((s) => s?.flat() ?? [])).forEach((v, i) => b.writeDoubleLE(v, 36 + 8 * i));
  return b;
}

/** The .shp (records with big-endian headers) and its index .shx; lengths in 16-bit words. */
export function shpAndShx(shapes: Shape[], type = 5): { shp: Buffer; shx: Buffer } {
  const records: Buffer[] = [];
  const index: Buffer[] = [];
  let offset = 100;
  shapes.forEach((shape, i) => {
    const c = content(shape, type);
    const head = Buffer.alloc(8);
    head.writeInt32BE(i + 1, 0);
    head.writeInt32BE(c.length / 2, 4);
    const entry = Buffer.alloc(8);
    entry.writeInt32BE(offset / 2, 0);
    entry.writeInt32BE(c.length / 2, 4);
    records.push(head, c);
    index.push(entry);
    offset += 8 + c.length;
  });
  return {
    shp: Buffer.concat([header(type, offset / 2, shapes), ...records]),
    shx: Buffer.concat([header(type, (100 + 8 * shapes.length) / 2, shapes), ...index]),
  };
}

/** Fields for every key of the rows: text as C (as wide as the widest value), numbers as N, booleans as L. */
export function fieldsOf(rows: DbfRow[], encode: (s: string) => Buffer): DbfField[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r)))].map((name) => {
    const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    if (values.length === 0) return { name, type: 'C', length: 1 };
    if (values.every((v) => typeof v === 'boolean')) return { name, type: 'L', length: 1 };
    if (values.every((v) => typeof v === 'number')) return { name, type: 'N', length: 18, decimals: values.every(Number.isInteger) ? 0 : 3 };
    return { name, type: 'C', length: Math.max(1, ...values.map((v) => encode(String(v)).length)) };
  });
}

function cell(field: DbfField, value: DbfRow[string], encode: (s: string) => Buffer): Buffer {
  const padded = (bytes: Buffer, left: boolean) => {
    if (bytes.length > field.length) throw new Error(`${field.name}: ${bytes.length} bytes do not fit in ${field.length}`);
    const fill = Buffer.alloc(field.length - bytes.length, 0x20);
    return Buffer.concat(left ? [fill, bytes] : [bytes, fill]);
  };
  if (value === null || value === undefined) return padded(Buffer.alloc(0), false);
  if (field.type === 'N' || field.type === 'F') return padded(Buffer.from(typeof value === 'number' ? value.toFixed(field.decimals ?? 0) : String(value)), true);
  if (field.type === 'D') return padded(Buffer.from(String(value).replace(/-/g, '')), false);
  if (field.type === 'L') return padded(Buffer.from(value ? 'T' : 'F'), false);
  return padded(encode(String(value)), false);
}

/** A dBASE III table: header, 32-byte field descriptors, 0x0D, records flagged ' ' (or '*' when deleted), 0x1A. */
export function dbf(rows: DbfRow[], options: { encoding?: 'gbk' | 'utf8'; fields?: DbfField[]; deleted?: number[] } = {}): Buffer {
  const encode = options.encoding === 'utf8' ? (s: string) => Buffer.from(s, 'utf8') : gbk;
  const fields = options.fields ?? fieldsOf(rows, encode);
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const head = Buffer.alloc(32);
  head.writeUInt8(0x03, 0);
  head.writeUInt8(126, 1);
  head.writeUInt8(3, 2);
  head.writeUInt8(2, 3);
  head.writeUInt32LE(rows.length, 4);
  head.writeUInt16LE(32 + 32 * fields.length + 1, 8);
  head.writeUInt16LE(recordLength, 10);
  const descriptors = fields.map((f) => {
    const d = Buffer.alloc(32);
    const name = encode(f.name);
    if (name.length > 10) throw new Error(`field name ${f.name} is longer than 10 bytes`);
    name.copy(d, 0);
    d.write(f.type, 11, 'ascii');
    d.writeUInt8(f.length, 16);
    d.writeUInt8(f.decimals ?? 0, 17);
    return d;
  });
  const records = rows.map((row, i) => Buffer.concat([Buffer.from(options.deleted?.includes(i) ? '*' : ' '), ...fields.map((f) => cell(f, row[f.name] ?? null, encode))]));
  return Buffer.concat([head, ...descriptors, Buffer.from([0x0d]), ...records, Buffer.from([0x1a])]);
}

const geographic = (datum: string, spheroid: string) => `GEOGCS["GCS_${datum}",DATUM["D_${datum}",SPHEROID[${spheroid}]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
const CGCS2000 = geographic('China_Geodetic_Coordinate_System_2000', '"CGCS2000",6378137.0,298.257222101').replace('D_China_Geodetic_Coordinate_System_2000', 'D_China_2000');

/** A Gauss-Krüger .prj as ArcGIS writes it. */
export function gkPrj(name: string, centralMeridian: number, falseEasting: number, geogcs = CGCS2000, scale = 1): string {
  return `PROJCS["${name}",${geogcs},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",${scale.toFixed(1)}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}

/** The .prj texts of the cases the import must tell apart (ArcGIS's spelling unless noted). */
export const PRJ = {
  cgcs2000: CGCS2000,
  gk117: gkPrj('CGCS2000_3_Degree_GK_CM_117E', 117, 500_000),
  gk117zone: gkPrj('CGCS2000_3_Degree_GK_Zone_39', 117, 39_500_000),
  /** EPSG 4548 as GDAL writes OGC WKT 1. */
  gk117Ogc:
    'PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 117E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",117],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","4548"]]',
  /** EPSG 4548 in WKT 2 as PROJ writes it. */
  gk117Wkt2:
    'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 117E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4490]],CONVERSION["3-degree Gauss-Kruger CM 117E",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",117,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Cadastre, engineering survey, topographic mapping (large and medium scale)."],AREA["China - between 115°30\'E and 118°30\'E."],BBOX[18.24,115.5,45.23,118.5]],ID["EPSG",4548]]',
  gk114: gkPrj('CGCS2000_3_Degree_GK_CM_114E', 114, 500_000),
  gk6Zone20: gkPrj('CGCS2000_GK_Zone_20', 117, 20_500_000),
  xian80: gkPrj('Xian_1980_3_Degree_GK_CM_117E', 117, 500_000, geographic('Xian_1980', '"Xian_1980",6378140.0,298.257')),
  beijing54: gkPrj('Beijing_1954_3_Degree_GK_CM_117E', 117, 500_000, geographic('Beijing_1954', '"Krasovsky_1940",6378245.0,298.3')),
  utm50: `PROJCS["WGS_1984_UTM_Zone_50N",${geographic('WGS_1984', '"WGS_1984",6378137.0,298.257223563')},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`,
};

export interface ShapefileSpec {
  shapes: Shape[];
  rows: DbfRow[];
  fields?: DbfField[];
  /** 5 Polygon (default), 15 PolygonZ, 25 PolygonM, 1 Point, … */
  shapeType?: number;
  encoding?: 'gbk' | 'utf8';
  /** Written as the .cpg when given. */
  cpg?: string;
  /** Written as the .prj when given. */
  prj?: string;
  /** Indexes of records marked deleted in the .dbf. */
  deleted?: number[];
  /** File name without extension; default `parcels`. */
  name?: string;
  /** A folder inside the zip, e.g. `地块/`. */
  folder?: string;
  upperCaseExtensions?: boolean;
  omit?: ('shp' | 'shx' | 'dbf')[];
  extra?: ZipEntry[];
}

/** The set zipped: .shp, .shx, .dbf, and the .prj and .cpg when given. */
export function shapefileZip(spec: ShapefileSpec): Buffer {
  const { shp, shx } = shpAndShx(spec.shapes, spec.shapeType);
  const files: [string, Buffer | string | undefined][] = [
    ['shp', shp],
    ['shx', shx],
    ['dbf', dbf(spec.rows, { encoding: spec.encoding, fields: spec.fields, deleted: spec.deleted })],
    ['prj', spec.prj],
    ['cpg', spec.cpg],
  ];
  const path = (ext: string) => `${spec.folder ?? ''}${spec.name ?? 'parcels'}.${spec.upperCaseExtensions ? ext.toUpperCase() : ext}`;
  const entries = files.filter(([ext, content]) => content !== undefined && !spec.omit?.includes(ext as 'shp')).map(([ext, content]) => deflated(path(ext), content!));
  return zip([...entries, ...(spec.extra ?? [])]);
}
