import type { Crs } from './crs';

/** A WKT element: `KEYWORD[arg, …]` with quoted texts, numbers, bare words and nested elements. */
interface WktNode {
  keyword: string;
  args: (string | number | WktNode)[];
}

/** Parses WKT 1 (what ArcGIS, QGIS and GDAL write into a .prj) and the plain parts of WKT 2; null when it is not WKT. */
function parseWkt(text: string): WktNode | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const node = (): WktNode | null => {
    skip();
    const keyword = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
    if (!keyword) return null;
    i += keyword.length;
    skip();
    if (text[i] !== '[' && text[i] !== '(') return null;
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skip();
      const c = text[i];
      if (c === undefined) return null;
      if (c === '"') {
        // A quote inside a text is written twice.
        let value = '';
        for (i++; ; ) {
          const end = text.indexOf('"', i);
          if (end < 0) return null;
          value += text.slice(i, end);
          i = end + 1;
          if (text[i] !== '"') break;
          value += '"';
          i++;
        }
        args.push(value);
      } else if (/[-+\d.]/.test(c)) {
        const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i))?.[0];
        if (!n) return null;
        args.push(Number(n));
        i += n.length;
      } else {
        const start = i;
        const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
        if (!word) return null;
        i += word.length;
        skip();
        if (text[i] === '[' || text[i] === '(') {
          i = start;
          const child = node();
          if (!child) return null;
          args.push(child);
        } else args.push(word);
      }
      skip();
      if (text[i] === ',') i++;
      else if (text[i] === ']' || text[i] === ')') {
        i++;
        return { keyword: keyword.toUpperCase(), args };
      } else return null;
    }
  };
  const root = node();
  skip();
  return root && i === text.length ? root : null;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const nameOf = (n: WktNode | undefined) => (typeof n?.args[0] === 'string' ? n.args[0] : '');
const children = (n: WktNode, ...keywords: string[]) => n.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));

/** A parameter's value by any of its WKT 1 / WKT 2 names. */
function parameter(projcs: WktNode, names: string[]): number | undefined {
  const p = children(projcs, 'PARAMETER').find((c) => names.includes(squash(nameOf(c))));
  return typeof p?.args[1] === 'number' ? p.args[1] : undefined;
}

/** The common names of datums a Chinese file may come in, for a message a clerk recognises. */
const DATUM_NAMES: [RegExp, string][] = [
  [/xian1980|xian80/, '西安 1980'],
  [/newbeijing/, '新北京 54'],
  [/beijing1954|beijing54/, '北京 1954'],
  [/wgs1984|wgs84/, 'WGS 84'],
];

const ACCEPTED_CRS = '本系统只接受 CGCS2000 经纬度，或 CGCS2000 3 度带高斯-克吕格投影、中央经线 117°E（带或不带 39 带号），请在 GIS 软件中转换后再导入';

const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 1e-9;

/**
 * The coordinate system a .prj declares, when it is one the parcels may come in (CGCS2000
 * longitude/latitude, EPSG 4490; 3-degree Gauss-Krüger CM 117°E, EPSG 4548; the same with zone
 * number 39, EPSG 4527), recognised by datum and projection parameters rather than by name, since
 * each program spells the names its own way. Otherwise what it is, in words a clerk understands.
 */
export function crsOfPrj(text: string): { crs: Crs; name: string } | { problem: string; name: string } {
  const root = parseWkt(text.trim());
  if (!root) return { problem: `无法读取坐标系文件的内容。${ACCEPTED_CRS}`, name: text.trim().slice(0, 80) };
  const name = nameOf(root);
  const projected = ['PROJCS', 'PROJCRS'].includes(root.keyword);
  const geographic = projected ? children(root, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS')[0] : ['GEOGCS', 'GEOGCRS', 'GEODCRS'].includes(root.keyword) ? root : undefined;
  if (!geographic) return { problem: `坐标系「${name}」无法识别。${ACCEPTED_CRS}`, name };
  const datum = squash(nameOf(children(geographic, 'DATUM')[0]));
  if (!datum.includes('china2000') && !datum.includes('cgcs2000')) {
    const known = DATUM_NAMES.find(([pattern]) => pattern.test(datum))?.[1];
    return { problem: `坐标系「${name}」不是 CGCS2000${known ? `，而是${known}坐标系` : ''}。${ACCEPTED_CRS}`, name };
  }
  if (!projected) return { crs: 'lonlat', name };
  // WKT 1 puts the projection and its parameters in the PROJCS itself, WKT 2 in a CONVERSION.
  const conversion = children(root, 'CONVERSION')[0] ?? root;
  const projection = squash(nameOf(children(conversion, 'PROJECTION', 'METHOD')[0]));
  if (!['gausskruger', 'transversemercator'].includes(projection)) return { problem: `坐标系「${name}」不是高斯-克吕格投影。${ACCEPTED_CRS}`, name };
  const centralMeridian = parameter(conversion, ['centralmeridian', 'longitudeofnaturalorigin', 'longitudeoforigin']);
  const falseEasting = parameter(conversion, ['falseeasting']);
  if (!near(centralMeridian, 117)) return { problem: `坐标系「${name}」的中央经线是 ${centralMeridian ?? '未知'}°，不是 117°E。${ACCEPTED_CRS}`, name };
  const scale = parameter(conversion, ['scalefactor', 'scalefactoratnaturalorigin']) ?? 1;
  const standard = near(scale, 1) && near(parameter(conversion, ['falsenorthing']) ?? 0, 0) && near(parameter(conversion, ['latitudeoforigin', 'latitudeofnaturalorigin']) ?? 0, 0);
  if (!standard) return { problem: `坐标系「${name}」的投影参数（比例因子、北偏移或起始纬度）与 3 度带高斯-克吕格不符。${ACCEPTED_CRS}`, name };
  const unit = children(root, 'UNIT', 'LENGTHUNIT').at(-1);
  if (unit && !near(typeof unit.args[1] === 'number' ? unit.args[1] : undefined, 1)) return { problem: `坐标系「${name}」的长度单位不是米。${ACCEPTED_CRS}`, name };
  if (near(falseEasting, 500_000)) return { crs: 'gk117', name };
  if (near(falseEasting, 39_500_000)) return { crs: 'gk117zone', name };
  return { problem: `坐标系「${name}」的东偏移是 ${falseEasting ?? '未知'} 米，3 度带 117°E 应为 500000（不带带号）或 39500000（带 39 带号）。${ACCEPTED_CRS}`, name };
}
