import { SHORELINE_BUFFERS_M, type Factory, type MapLayerCollection, type MapLayerKind, type ShorelineDistance } from '@yuanqu/contracts';
import type { OverlayLayer } from '../../components/map/overlay';
import { formatNumber } from '../statistics/figure-units';

/** What the layer switcher turns on and off: the layer kinds and the shoreline buffers. */
export const LAYER_TOGGLES = ['park', 'zone', 'axis', 'shorelineMain', 'shorelineTributary', 'buffer1Km', 'buffer3Km', 'factory'] as const;
export type LayerToggle = (typeof LAYER_TOGGLES)[number];

const MAIN = '#1d4ed8';
const TRIBUTARY = '#0ea5e9';

/** Swatch colours of the legend, the same as the map draws. */
export const LAYER_COLORS: Record<LayerToggle, string> = {
  park: '#606266',
  zone: '#9b59b6',
  axis: '#a0522d',
  shorelineMain: MAIN,
  shorelineTributary: TRIBUTARY,
  buffer1Km: 'rgba(29, 78, 216, 0.22)',
  buffer3Km: 'rgba(29, 78, 216, 0.1)',
  factory: '#e67e22',
};

const EMPTY = { type: 'FeatureCollection', features: [] };

/** Standard factory buildings that have a location, as GeoJSON points labelled with their code. */
export function factoryPoints(factories: readonly Pick<Factory, 'id' | 'code' | 'location'>[]): object {
  return {
    type: 'FeatureCollection',
    features: factories.flatMap((f) => (f.location ? [{ type: 'Feature', id: `factory-${f.id}`, geometry: { type: 'Point', coordinates: f.location }, properties: { name: f.code } }] : [])),
  };
}

/** The layers by kind, each a FeatureCollection of its own. */
export type LayersByKind = Record<MapLayerKind, MapLayerCollection>;

export function layersByKind(c: MapLayerCollection): LayersByKind {
  const of = (kind: MapLayerKind): MapLayerCollection => ({ type: 'FeatureCollection', features: c.features.filter((f) => f.properties.kind === kind) });
  return { park: of('park'), zone: of('zone'), axis: of('axis'), shorelineMain: of('shorelineMain'), shorelineTributary: of('shorelineTributary') };
}

/**
 * The map's reference layers, bottom first: parks and zones (outlined, named), the buffers, the
 * 滨江东路 axis, the shorelines. Buffers follow methodology §6: 1 km of either shoreline, 3 km of
 * the mainstream only. The collections are passed through as they are, so switching a layer on
 * or off does not make the map read its features again.
 */
export function layerOverlays(layers: LayersByKind, visible: readonly LayerToggle[], factories: object = EMPTY): OverlayLayer[] {
  const on = (t: LayerToggle) => visible.includes(t);
  const { shorelineMain: main, shorelineTributary: tributary } = layers;
  return [
    { key: 'park', collection: layers.park, visible: on('park'), stroke: LAYER_COLORS.park, width: 2, fill: 'rgba(96, 98, 102, 0.05)', label: 'insideTop' },
    { key: 'zone', collection: layers.zone, visible: on('zone'), stroke: LAYER_COLORS.zone, width: 1.5, dash: [6, 4], fill: 'rgba(155, 89, 182, 0.06)', label: 'aboveTop' },
    { key: 'main3Km', collection: main, visible: on('buffer3Km'), stroke: LAYER_COLORS.buffer3Km, width: 0, bufferM: SHORELINE_BUFFERS_M.mainstreamFar },
    { key: 'main1Km', collection: main, visible: on('buffer1Km'), stroke: LAYER_COLORS.buffer1Km, width: 0, bufferM: SHORELINE_BUFFERS_M.near },
    { key: 'tributary1Km', collection: tributary, visible: on('buffer1Km'), stroke: 'rgba(14, 165, 233, 0.22)', width: 0, bufferM: SHORELINE_BUFFERS_M.near },
    { key: 'axis', collection: layers.axis, visible: on('axis'), stroke: LAYER_COLORS.axis, width: 4, dash: [12, 6] },
    { key: 'shorelineMain', collection: main, visible: on('shorelineMain'), stroke: MAIN, width: 3 },
    { key: 'shorelineTributary', collection: tributary, visible: on('shorelineTributary'), stroke: TRIBUTARY, width: 2 },
    { key: 'factory', collection: factories, visible: on('factory'), stroke: LAYER_COLORS.factory, width: 0, pointRadius: 5 },
  ];
}

/** The sources of the approximate shoreline features, once each: the legend says they are not survey data. */
export function approximateShorelineSources(c: MapLayerCollection): string[] {
  const approximate = c.features.filter((f) => (f.properties.kind === 'shorelineMain' || f.properties.kind === 'shorelineTributary') && f.properties.approximate);
  return [...new Set(approximate.map((f) => f.properties.source ?? ''))];
}

/** One line of the parcel card: metres to a shoreline and the tightest Yangtze buffer it lies in. */
export interface ShorelineRow {
  key: 'mainstream' | 'tributary';
  /** "2,447", or null when no such shoreline has been imported. */
  metres: string | null;
  buffer: 'within1Km' | 'within3Km' | null;
  approximate: boolean;
}

export function shorelineRows(d: ShorelineDistance): ShorelineRow[] {
  const metres = (m: number | null) => (m === null ? null : formatNumber(m, 0));
  const { mainstream: main, tributary } = d;
  return [
    { key: 'mainstream', metres: metres(main.distanceM), buffer: main.within1Km ? 'within1Km' : main.within3Km ? 'within3Km' : null, approximate: main.approximate },
    { key: 'tributary', metres: metres(tributary.distanceM), buffer: tributary.within1Km ? 'within1Km' : null, approximate: tributary.approximate },
  ];
}
