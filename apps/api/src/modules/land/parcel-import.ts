import { LAND_USES, PARCEL_STATUSES, TENURES, type ImportProblem, type LandUse, type ParcelGeometry, type ParcelStatus, type Tenure } from '@yuanqu/contracts';
import { guessCrs, toLonLat } from '../../lib/crs';
import { geometryAreaSqm, geometryProblem } from '../../lib/geo';

/** The property names a parcel file may use for each field (English keys, Chinese names, 国土 codes). */
const KEYS = {
  code: ['code', '地块编码', '编码', 'DKBM'],
  name: ['name', '地块名称', '名称', 'DKMC'],
  area: ['area', 'registeredAreaSqm', '登记面积', '面积', 'MJ'],
  unit: ['unit', 'unitCode', '园区', '功能区', '所属园区'],
  holder: ['uscc', 'holder', '统一社会信用代码', '用地单位代码'],
  status: ['status', '状态'],
  tenure: ['tenure', '供地方式'],
  landUse: ['landUse', '用途', '土地用途'],
} as const;

const STATUS_LABELS: Record<string, ParcelStatus> = { 未供: 'unsupplied', 已供未动工: 'suppliedNotStarted', 在建: 'underConstruction', 投产: 'producing', 停产: 'suspended', 收回: 'recovered' };
const TENURE_LABELS: Record<string, Tenure> = { 出让: 'transfer', 划拨: 'allocation', 租赁: 'lease' };
const USE_LABELS: Record<string, LandUse> = { 工业: 'industrial', 工业用地: 'industrial', 仓储: 'warehousing', 仓储用地: 'warehousing', 商业: 'commercial', 公共: 'public', 其他: 'other' };

const GEOMETRY_REASONS = {
  notLonLat: '坐标不在中国范围内（请确认坐标系）',
  openRing: '边界没有闭合',
  selfIntersecting: '边界自相交',
  empty: '面积为零',
} as const;

export interface ParcelFeature {
  row: number;
  code: string;
  name: string | null;
  geometry: ParcelGeometry;
  registeredAreaSqm: number;
  unit: string;
  holderUscc: string | null;
  status: ParcelStatus;
  tenure: Tenure | null;
  landUse: LandUse;
}

type Props = Record<string, unknown>;

function pick(props: Props, field: keyof typeof KEYS): { key: string; value: string } | null {
  for (const key of KEYS[field]) {
    const v = props[key];
    if (v !== undefined && v !== null && String(v).trim() !== '') return { key, value: String(v).trim() };
  }
  return null;
}

function enumOf<T extends string>(text: string | undefined, labels: Record<string, T>, keys: readonly T[]): T | null | undefined {
  if (text === undefined) return undefined;
  return labels[text] ?? (keys.includes(text as T) ? (text as T) : null);
}

/** The outline in longitude/latitude, whatever supported system the file used; or why not. */
export function outlineOf(g: unknown): { geometry: ParcelGeometry } | { reason: string } {
  const geo = g as { type?: string; coordinates?: unknown };
  if (!geo || (geo.type !== 'Polygon' && geo.type !== 'MultiPolygon') || !Array.isArray(geo.coordinates)) return { reason: '只支持面（Polygon / MultiPolygon）' };
  const polygons = (geo.type === 'Polygon' ? [geo.coordinates] : geo.coordinates) as number[][][][];
  const all = polygons.flat(2);
  if (all.length < 4 || all.some((p) => !Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number')) return { reason: '坐标不完整' };
  const crs = guessCrs(all);
  if (!crs) return { reason: '无法识别坐标系（支持 CGCS2000 经纬度或 3 度带高斯-克吕格 117°E）' };
  const converted = polygons.map((polygon) => polygon.map((ring) => toLonLat(ring, crs)));
  const geometry = (geo.type === 'Polygon' ? { type: 'Polygon', coordinates: converted[0] } : { type: 'MultiPolygon', coordinates: converted }) as ParcelGeometry;
  const problem = geometryProblem(geometry);
  return problem ? { reason: GEOMETRY_REASONS[problem] } : { geometry };
}

/** Reads every feature of a GeoJSON FeatureCollection, collecting each problem by feature and property. */
export function readParcelFeatures(text: string): { features: ParcelFeature[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    return { features: [], problems: [{ row: 0, column: '文件', value: '', reason: '不是有效的 GeoJSON（JSON 格式错误）' }] };
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) return { features: [], problems: [{ row: 0, column: '文件', value: '', reason: '应为 GeoJSON FeatureCollection' }] };
  const features: ParcelFeature[] = [];
  doc.features.forEach((f, i) => {
    const row = i + 1;
    const props = ((f as { properties?: Props }).properties ?? {}) as Props;
    const problem = (column: string, value: string, reason: string) => problems.push({ row, column, value, reason });
    const code = pick(props, 'code');
    if (!code || !/^[A-Za-z0-9\-_]{2,40}$/.test(code.value)) problem(code?.key ?? 'code', code?.value ?? '', '地块编码必填，2-40 位字母、数字、- 或 _');
    const unit = pick(props, 'unit');
    if (!unit) problem('unit', '', '所属园区或功能区必填');
    const outline = outlineOf((f as { geometry?: unknown }).geometry);
    if ('reason' in outline) problem('geometry', '', outline.reason);
    const area = pick(props, 'area');
    const areaValue = area ? Number(area.value) : null;
    if (area && !(areaValue! > 0)) problem(area.key, area.value, '面积应为正数（平方米）');
    const status = enumOf(pick(props, 'status')?.value, STATUS_LABELS, PARCEL_STATUSES);
    if (status === null) problem('status', pick(props, 'status')!.value, '状态应为 未供/已供未动工/在建/投产/停产/收回');
    const tenure = enumOf(pick(props, 'tenure')?.value, TENURE_LABELS, TENURES);
    if (tenure === null) problem('tenure', pick(props, 'tenure')!.value, '供地方式应为 出让/划拨/租赁');
    const landUse = enumOf(pick(props, 'landUse')?.value, USE_LABELS, LAND_USES);
    if (landUse === null) problem('landUse', pick(props, 'landUse')!.value, '用途应为 工业/仓储/商业/公共/其他');
    if (problems.some((p) => p.row === row) || !code || !unit || 'reason' in outline) return;
    const holderUscc = pick(props, 'holder')?.value.toUpperCase() ?? null;
    features.push({
      row,
      code: code.value,
      name: pick(props, 'name')?.value ?? null,
      geometry: outline.geometry,
      registeredAreaSqm: areaValue ?? Math.round(geometryAreaSqm(outline.geometry) * 100) / 100,
      unit: unit.value,
      holderUscc,
      status: status ?? (holderUscc ? 'producing' : 'unsupplied'),
      tenure: tenure ?? (holderUscc ? 'transfer' : null),
      landUse: landUse ?? 'industrial',
    });
  });
  return { features, problems };
}
