/**
 * Demo map layers ("一轴两园四区" and the Yangtze): the parks and functional zones drawn as
 * rectangles around their demo parcels, the 滨江东路 axis, an approximate south-bank mainstream
 * shoreline running WSW→ENE north of the parcels east of Jiujiang (the PetroChem zone within 1 km
 * of it, the others 1.5–4 km away), and an approximate tributary joining it east of 3号园. None
 * of it is surveyed: every feature is flagged approximate and says so.
 */
import type { LineGeometry, MapLayerKind, ParcelGeometry } from '@yuanqu/contracts';
import { DEMO_UNITS } from './demo-data';

export const DEMO_LAYER_SOURCE = '示意，非测绘成果（演示数据） / approximate, not survey data (demo)';

export interface DemoLayer {
  kind: MapLayerKind;
  name: string;
  /** The park or zone an area stands for. */
  unitCode: string | null;
  geometry: ParcelGeometry | LineGeometry;
}

type Lonlat = [number, number];

/** The south bank of the Yangtze's mainstream, west to east. */
const MAINSTREAM: Lonlat[] = [
  [115.96, 29.718],
  [115.99, 29.7262],
  [116.02, 29.733],
  [116.045, 29.735],
  [116.07, 29.742],
  [116.1, 29.7495],
  [116.13, 29.756],
  [116.17, 29.764],
];
/** A tributary flowing north into the mainstream east of 3号园. */
const TRIBUTARY: Lonlat[] = [
  [116.097, 29.69],
  [116.094, 29.7],
  [116.0965, 29.712],
  [116.0955, 29.724],
  [116.099, 29.736],
  [116.1, 29.7495],
];
/** 滨江东路 runs about 400 m inland of the bank, from the city to 3号园. */
const AXIS_LONS = [116.005, 116.02, 116.045, 116.07, 116.092];
const AXIS_INLAND_DEG = 0.0035;

const DEG_LAT_M = 110_860;
const degLonM = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The mainstream's latitude at a longitude (linear between its vertices). */
export function mainstreamLatAt(lon: number): number {
  const i = Math.max(1, MAINSTREAM.findIndex(([x]) => x >= lon));
  const [[x0, y0], [x1, y1]] = [MAINSTREAM[i - 1]!, MAINSTREAM[i]!];
  return y0 + ((y1 - y0) * (lon - x0)) / (x1 - x0);
}

type Box = [west: number, south: number, east: number, north: number];

function boxOf(geometries: ParcelGeometry[]): Box {
  const pts = geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2));
  return [Math.min(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[1]!))];
}

/** A box grown by `m` metres on every side, as a closed rectangle. */
function rectangle([w, s, e, n]: Box, m: number): ParcelGeometry {
  const dLat = m / DEG_LAT_M;
  const dLon = m / degLonM((s + n) / 2);
  const [x0, y0, x1, y1] = [round(w - dLon), round(s - dLat), round(e + dLon), round(n + dLat)];
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

/** Every demo layer feature, from where the demo parcels of each zone lie. */
export function demoLayers(parcels: { unitCode: string; geometry: ParcelGeometry }[]): DemoLayer[] {
  const zones = DEMO_UNITS.filter((u) => u.kind === 'zone' && parcels.some((p) => p.unitCode === u.code));
  const zoneLayers = zones.map((z) => ({
    kind: 'zone' as const,
    name: z.name,
    unitCode: z.code,
    geometry: rectangle(boxOf(parcels.filter((p) => p.unitCode === z.code).map((p) => p.geometry)), 100),
  }));
  const parks = DEMO_UNITS.filter((u) => u.kind === 'park' && zones.some((z) => z.parentCode === u.code));
  const parkLayers = parks.map((p) => ({
    kind: 'park' as const,
    name: p.name,
    unitCode: p.code,
    geometry: rectangle(boxOf(zoneLayers.filter((z) => zones.find((u) => u.code === z.unitCode)!.parentCode === p.code).map((z) => z.geometry)), 150),
  }));
  const axis: Lonlat[] = AXIS_LONS.map((lon) => [lon, round(mainstreamLatAt(lon) - AXIS_INLAND_DEG)]);
  return [
    ...parkLayers,
    ...zoneLayers,
    { kind: 'axis', name: '滨江东路发展轴', unitCode: null, geometry: { type: 'LineString', coordinates: axis } },
    { kind: 'shorelineMain', name: '长江干流南岸线（示意）', unitCode: null, geometry: { type: 'LineString', coordinates: MAINSTREAM } },
    { kind: 'shorelineTributary', name: '支流岸线（示意）', unitCode: null, geometry: { type: 'LineString', coordinates: TRIBUTARY } },
  ];
}
