import { describe, expect, it } from 'vitest';
import type { MapLayerCollection, MapLayerKind } from '@yuanqu/contracts';
import enUS from '../../locales/en-US';
import zhCN from '../../locales/zh-CN';
import { approximateShorelineSources, factoryPoints, LAYER_TOGGLES, layerOverlays, layersByKind, shorelineRows } from './map-layers';

const feature = (kind: MapLayerKind, name: string, approximate: boolean, source: string | null = null) => ({
  type: 'Feature' as const,
  id: name,
  geometry: { type: 'LineString' as const, coordinates: [[116.0, 29.73], [116.1, 29.75]] as [number, number][] },
  properties: { kind, name, unitId: null, approximate, source, version: 1, updatedAt: '2026-03-02T00:00:00.000Z' },
});
const collection: MapLayerCollection = {
  type: 'FeatureCollection',
  features: [
    feature('park', '1号园', true, '示意'),
    feature('shorelineMain', '长江干流南岸线（示意）', true, '示意，非测绘成果'),
    feature('shorelineTributary', '支流岸线（示意）', true, '示意，非测绘成果'),
    feature('shorelineTributary', '赣江岸线', false, '水利局'),
  ],
};

describe('map layers', () => {
  it('draws 1 km buffers around both shorelines and the 3 km buffer around the mainstream only, under the lines', () => {
    const overlays = layerOverlays(layersByKind(collection), LAYER_TOGGLES);
    const buffers = overlays.filter((o) => o.bufferM !== undefined).map((o) => [o.key, o.bufferM, (o.collection as MapLayerCollection).features.map((f) => f.properties.name)]);
    expect(buffers).toEqual([
      ['main3Km', 3_000, ['长江干流南岸线（示意）']],
      ['main1Km', 1_000, ['长江干流南岸线（示意）']],
      ['tributary1Km', 1_000, ['支流岸线（示意）', '赣江岸线']],
    ]);
    const keys = overlays.map((o) => o.key);
    expect(keys.indexOf('park')).toBeLessThan(keys.indexOf('main3Km'));
    expect(keys.indexOf('tributary1Km')).toBeLessThan(keys.indexOf('shorelineMain'));
  });

  it('hides what the switcher turns off and keeps the features it already has', () => {
    const layers = layersByKind(collection);
    const all = layerOverlays(layers, LAYER_TOGGLES);
    const some = layerOverlays(layers, ['shorelineMain', 'buffer1Km']);
    expect(some.filter((o) => o.visible).map((o) => o.key)).toEqual(['main1Km', 'tributary1Km', 'shorelineMain']);
    some.forEach((o, i) => expect(o.collection).toBe(all[i]!.collection));
  });

  it('puts the standard factory buildings that have a place on the map as labelled points, on top', () => {
    const points = factoryPoints([
      { id: 'a', code: 'SF-2024-01', location: [116.0605, 29.7035] },
      { id: 'b', code: 'SF-2024-02', location: null },
    ]);
    expect(points).toEqual({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'factory-a', geometry: { type: 'Point', coordinates: [116.0605, 29.7035] }, properties: { name: 'SF-2024-01' } }] });
    const overlays = layerOverlays(layersByKind(collection), LAYER_TOGGLES, points);
    expect(overlays.at(-1)).toMatchObject({ key: 'factory', collection: points, visible: true, pointRadius: 5 });
  });

  it('names the sources of approximate shorelines once each, for the legend', () => {
    expect(approximateShorelineSources(collection)).toEqual(['示意，非测绘成果']);
    expect(approximateShorelineSources({ type: 'FeatureCollection', features: [collection.features[3]!] })).toEqual([]);
  });

  it('labels every layer in both languages', () => {
    for (const k of LAYER_TOGGLES) {
      expect(zhCN.land.layers[k]).toBeTruthy();
      expect(enUS.land.layers[k]).toBeTruthy();
    }
  });
});

describe('the parcel’s distance to the Yangtze', () => {
  it('shows metres with separators and the tightest buffer, and says when no shoreline is loaded', () => {
    const rows = shorelineRows({
      mainstream: { distanceM: 820.4, within1Km: true, within3Km: true, approximate: true },
      tributary: { distanceM: null, within1Km: false, approximate: false },
    });
    expect(rows).toEqual([
      { key: 'mainstream', metres: '820', buffer: 'within1Km', approximate: true },
      { key: 'tributary', metres: null, buffer: null, approximate: false },
    ]);
    const far = shorelineRows({ mainstream: { distanceM: 2_447.6, within1Km: false, within3Km: true, approximate: false }, tributary: { distanceM: 4_944, within1Km: false, approximate: false } });
    expect(far.map((r) => [r.metres, r.buffer])).toEqual([['2,448', 'within3Km'], ['4,944', null]]);
  });
});
