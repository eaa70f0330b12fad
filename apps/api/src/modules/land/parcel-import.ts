import { LAND_USES, PARCEL_STATUSES, TENURES, type ImportProblem, type LandUse, type ParcelGeometry, type ParcelStatus, type Tenure } from '@yuanqu/contracts';
import { guessCrs, toLonLat, type Crs } from '../../lib/crs';
import { geometryAreaSqm, geometryProblem } from '../../lib/geo';
import { readShapefile } from '../../lib/shapefile';

/** The property names a parcel file may use for each field (English keys, Chinese names, 国土 codes). */
const KEYS = {
  code: ['code', '地块编码', '编码', 'DKBM'],
  name: ['name', '地块名称', '名称', 'DKMC'],
  area: ['area', 'registeredAreaSqm', '登记面积', '面积', 'MJ'],
  unit: ['unit', 'unitCode', '园区', '功能区', '所属园区'],
  // A .dbf field name holds 10 bytes, too few for 统一社会信用代码 in any encoding.
  holder: ['uscc', 'holder', '统一社会信用代码', '用地单位代码', '信用代码', 'TYSHXYDM'],
  status: ['status', '状态'],
  tenure: ['tenure', '供地方式'],
  landUse: ['landUse', '用途', '土地用途'],
  priceYuan: ['priceYuan', 'price', '土地价款', '价款'],
  contractSignedOn: ['contractSignedOn', '合同签订日期', '签订日期'],
  agreedStartOn: ['agreedStartOn', '约定开工日期', '约定开工'],
  agreedCompletionOn: ['agreedCompletionOn', '约定竣工日期', '约定竣工'],
} as const;

const CONTRACT_DATES = ['contractSignedOn', 'agreedStartOn', 'agreedCompletionOn'] as const;

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
  priceYuan: number | null;
  contractSignedOn: string | null;
  agreedStartOn: string | null;
  agreedCompletionOn: string | null;
}

type Props = Record<string, unknown>;

/** A feature as either format gives it: its number in the file, properties, and outline as stored. */
interface RawFeature {
  row: number;
  properties: Props;
  geometry: unknown;
}

/** The first non-empty property among the field's names, matched regardless of case (Shapefiles often upper-case them). */
function pick(props: Props, field: keyof typeof KEYS): { key: string; value: string } | null {
  const keys = Object.keys(props);
  for (const name of KEYS[field]) {
    const key = keys.find((k) => k.toLowerCase() === name.toLowerCase());
    const v = key === undefined ? undefined : props[key];
    if (key !== undefined && v !== undefined && v !== null && String(v).trim() !== '') return { key, value: String(v).trim() };
  }
  return null;
}

/** A date as YYYY-MM-DD, also from 2023/5/10 or 20230510 as spreadsheets write them; null when it is no date. */
function dateOf(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(iso) ? iso : null;
}

function enumOf<T extends string>(text: string | undefined, labels: Record<string, T>, keys: readonly T[]): T | null | undefined {
  if (text === undefined) return undefined;
  return labels[text] ?? (keys.includes(text as T) ? (text as T) : null);
}

/**
 * The outline in longitude/latitude, from the system `crs` names or, when the file does not say,
 * the one its coordinates fit; or why not.
 */
export function outlineOf(g: unknown, declared: Crs | null): { geometry: ParcelGeometry } | { reason: string } {
  const geo = g as { type?: string; coordinates?: unknown };
  if (!geo || (geo.type !== 'Polygon' && geo.type !== 'MultiPolygon') || !Array.isArray(geo.coordinates)) return { reason: '只支持面（Polygon / MultiPolygon）' };
  const polygons = (geo.type === 'Polygon' ? [geo.coordinates] : geo.coordinates) as number[][][][];
  const complete = polygons.every((polygon) => Array.isArray(polygon) && polygon.length > 0 && polygon.every((ring) => Array.isArray(ring) && ring.length >= 4));
  const all = complete ? polygons.flat(2) : [];
  if (!complete || all.some((p) => !Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number')) return { reason: '坐标不完整' };
  const crs = declared ?? guessCrs(all);
  if (!crs) return { reason: '无法识别坐标系（支持 CGCS2000 经纬度或 3 度带高斯-克吕格 117°E）' };
  const converted = polygons.map((polygon) => polygon.map((ring) => toLonLat(ring, crs)));
  const geometry = (geo.type === 'Polygon' ? { type: 'Polygon', coordinates: converted[0] } : { type: 'MultiPolygon', coordinates: converted }) as ParcelGeometry;
  const problem = geometryProblem(geometry);
  return problem ? { reason: GEOMETRY_REASONS[problem] } : { geometry };
}

/** Reads every feature of a GeoJSON FeatureCollection, collecting each problem by feature and property. */
function readParcelFeatures(text: string): { features: ParcelFeature[]; problems: ImportProblem[] } {
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    return { features: [], problems: [{ row: 0, column: '文件', value: '', reason: '不是有效的 GeoJSON（JSON 格式错误）' }] };
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) return { features: [], problems: [{ row: 0, column: '文件', value: '', reason: '应为 GeoJSON FeatureCollection' }] };
  const raw = doc.features.map((f, i) => {
    const feature = (f ?? {}) as { properties?: Props | null; geometry?: unknown };
    return { row: i + 1, properties: feature.properties ?? {}, geometry: feature.geometry };
  });
  return parcelFeaturesOf(raw, null);
}

/**
 * Reads a parcel file, GeoJSON or a zipped Shapefile (told apart by the zip's "PK" signature, not
 * by the file's name), into the same features and problems.
 */
export function readParcelFile(file: Buffer): { features: ParcelFeature[]; problems: ImportProblem[] } {
  if (file.length < 2 || file.toString('latin1', 0, 2) !== 'PK') return readParcelFeatures(file.toString('utf8'));
  const layer = readShapefile(file);
  const read = parcelFeaturesOf(layer.features, layer.crs);
  return { features: read.features, problems: [...layer.problems, ...read.problems] };
}

/** Maps each feature's properties and outline to a parcel, collecting each problem by feature and property. */
function parcelFeaturesOf(raw: RawFeature[], crs: Crs | null): { features: ParcelFeature[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const features: ParcelFeature[] = [];
  raw.forEach(({ row, properties: props, geometry }) => {
    const problem = (column: string, value: string, reason: string) => problems.push({ row, column, value, reason });
    const code = pick(props, 'code');
    if (!code || !/^[A-Za-z0-9\-_]{2,40}$/.test(code.value)) problem(code?.key ?? 'code', code?.value ?? '', '地块编码必填，2-40 位字母、数字、- 或 _');
    const unit = pick(props, 'unit');
    if (!unit) problem('unit', '', '所属园区或功能区必填');
    const outline = outlineOf(geometry, crs);
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
    const price = pick(props, 'priceYuan');
    const priceYuan = price ? Number(price.value.replace(/,/g, '')) : null;
    if (price && !(Number.isSafeInteger(priceYuan) && priceYuan! >= 0)) problem(price.key, price.value, '土地价款应为不小于 0 的整数（元）');
    const dates = Object.fromEntries(
      CONTRACT_DATES.map((field) => {
        const given = pick(props, field);
        const date = given ? dateOf(given.value) : null;
        if (given && !date) problem(given.key, given.value, '日期应为 YYYY-MM-DD');
        return [field, date];
      }),
    ) as Record<(typeof CONTRACT_DATES)[number], string | null>;
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
      priceYuan,
      ...dates,
    });
  });
  return { features, problems };
}
