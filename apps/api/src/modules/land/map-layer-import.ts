import { AREA_LAYER_KINDS, type ImportProblem, type LineGeometry, type MapLayerKind, type ParcelGeometry } from '@yuanqu/contracts';
import { guessCrs, toLonLat } from '../../lib/crs';
import { outlineOf } from './parcel-import';

/** One feature of a layer file, checked and in longitude/latitude. */
export interface LayerFeature {
  row: number;
  name: string | null;
  /** The park or zone (code or name) an area names; null for lines. */
  unit: string | null;
  geometry: ParcelGeometry | LineGeometry;
  approximate: boolean;
  source: string | null;
}

const KEYS = {
  name: ['name', '名称', 'NAME', 'MC'],
  unit: ['unit', 'unitCode', '园区', '功能区', '所属园区'],
  approximate: ['approximate', '示意'],
  source: ['source', '来源', '数据来源'],
} as const;

const YES = ['true', '1', '是', 'yes'];
const NO = ['false', '0', '否', 'no'];

type Props = Record<string, unknown>;

function pick(props: Props, field: keyof typeof KEYS): { key: string; value: string } | null {
  for (const key of KEYS[field]) {
    const v = props[key];
    if (v !== undefined && v !== null && String(v).trim() !== '') return { key, value: String(v).trim() };
  }
  return null;
}

/** A line in longitude/latitude, whatever supported system the file used; or why not. */
function lineOf(g: unknown): { geometry: LineGeometry } | { reason: string } {
  const geo = g as { type?: string; coordinates?: unknown };
  if (!geo || (geo.type !== 'LineString' && geo.type !== 'MultiLineString') || !Array.isArray(geo.coordinates)) return { reason: '只支持线（LineString / MultiLineString）' };
  const paths = (geo.type === 'LineString' ? [geo.coordinates] : geo.coordinates) as unknown[];
  const valid = paths.every((p) => Array.isArray(p) && p.length >= 2 && p.every((q) => Array.isArray(q) && Number.isFinite(q[0]) && Number.isFinite(q[1])));
  if (paths.length === 0 || !valid) return { reason: '坐标不完整（每条线至少两个点）' };
  const lines = paths as number[][][];
  const crs = guessCrs(lines.flat());
  if (!crs) return { reason: '无法识别坐标系（支持 CGCS2000 经纬度或 3 度带高斯-克吕格 117°E）' };
  const converted = lines.map((p) => toLonLat(p, crs) as [number, number][]);
  if (converted.every((p) => p.every(([x, y]) => x === p[0]![0] && y === p[0]![1]))) return { reason: '线的长度为零' };
  return { geometry: geo.type === 'LineString' ? { type: 'LineString', coordinates: converted[0]! } : { type: 'MultiLineString', coordinates: converted } };
}

/**
 * Reads every feature of a GeoJSON FeatureCollection for one layer kind: areas for parks and
 * zones, lines for the axis and the shorelines, in longitude/latitude or 3-degree Gauss-Krüger
 * 117°E. Problems are collected by feature number and property.
 */
export function readLayerFeatures(text: string, kind: MapLayerKind): { features: LayerFeature[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    return { features: [], problems: [{ row: 0, column: '文件', value: '', reason: '不是有效的 GeoJSON（JSON 格式错误）' }] };
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) return { features: [], problems: [{ row: 0, column: '文件', value: '', reason: '应为 GeoJSON FeatureCollection' }] };
  if (doc.features.length === 0) return { features: [], problems: [{ row: 0, column: '文件', value: '', reason: '文件中没有要素（清空图层请用删除）' }] };
  const area = AREA_LAYER_KINDS.includes(kind);
  const features: LayerFeature[] = [];
  doc.features.forEach((f, i) => {
    const row = i + 1;
    const props = ((f as { properties?: Props } | null)?.properties ?? {}) as Props;
    const shape = area ? outlineOf((f as { geometry?: unknown } | null)?.geometry, null) : lineOf((f as { geometry?: unknown } | null)?.geometry);
    if ('reason' in shape) problems.push({ row, column: 'geometry', value: '', reason: shape.reason });
    const flag = pick(props, 'approximate');
    const approximate = flag === null ? false : YES.includes(flag.value.toLowerCase()) ? true : NO.includes(flag.value.toLowerCase()) ? false : null;
    if (approximate === null) problems.push({ row, column: flag!.key, value: flag!.value, reason: '应为 是/否（true/false）' });
    if ('reason' in shape || approximate === null) return;
    features.push({
      row,
      name: pick(props, 'name')?.value.slice(0, 100) ?? null,
      unit: area ? (pick(props, 'unit')?.value ?? null) : null,
      geometry: shape.geometry,
      approximate,
      source: pick(props, 'source')?.value.slice(0, 200) ?? null,
    });
  });
  return { features, problems };
}
