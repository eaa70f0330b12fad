// The only module that imports OpenLayers; use-ol-map.ts loads it on demand so it gets its own chunk.
import 'ol/ol.css';
import OlMap from 'ol/Map';
import View from 'ol/View';
import { getCenter, isEmpty } from 'ol/extent';
import GeoJSON from 'ol/format/GeoJSON';
import type { FeatureLike } from 'ol/Feature';
import Point from 'ol/geom/Point';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import { getPointResolution } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style';
import { bufferWidthPx, type OverlayLayer } from './overlay';
import type { FeatureMap, FeatureMapOptions } from './use-ol-map';

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
/** Overlays stack under the features in the order given; the features stay on top. */
const FEATURES_Z = 1_000;

/** The style function of one overlay; a buffer's stroke width follows the zoom and the latitude. */
function overlayStyle(spec: OverlayLayer) {
  const fill = spec.fill ? new Fill({ color: spec.fill }) : undefined;
  if (spec.pointRadius !== undefined) {
    // Dots always show; their labels give way to each other until the map is zoomed in.
    const image = new CircleStyle({ radius: spec.pointRadius, fill: new Fill({ color: spec.stroke }), stroke: new Stroke({ color: '#fff', width: 1.5 }), declutterMode: 'none' });
    return (feature: FeatureLike) =>
      new Style({ image, text: new Text({ text: String(feature.get('name') ?? ''), font: '11px sans-serif', offsetY: spec.pointRadius! + 9, fill: new Fill({ color: '#303133' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) });
  }
  return (feature: FeatureLike, resolution: number) => {
    let width = spec.width;
    if (spec.bufferM !== undefined) {
      const centre = getCenter(feature.getGeometry()!.getExtent());
      width = bufferWidthPx(spec.bufferM, getPointResolution('EPSG:3857', resolution, centre));
    }
    const stroke = new Stroke({ color: spec.stroke, width, lineDash: spec.dash, lineCap: 'round', lineJoin: 'round' });
    if (!spec.label) return new Style({ fill, stroke });
    const text = new Text({ text: String(feature.get('name') ?? ''), font: '12px sans-serif', fill: new Fill({ color: '#303133' }), stroke: new Stroke({ color: '#fff', width: 3 }), overflow: true });
    if (spec.label === 'centre') return new Style({ fill, stroke, text });
    const [minX, , maxX, maxY] = feature.getGeometry()!.getExtent();
    text.setOffsetY(spec.label === 'insideTop' ? 12 : -9);
    if (spec.label === 'insideTop') text.setFont('bold 13px sans-serif');
    return [new Style({ fill, stroke }), new Style({ geometry: new Point([(minX! + maxX!) / 2, maxY!]), text })];
  };
}

/** A map of GeoJSON features on a plain background (no tile service), in Web Mercator. */
export function createFeatureMap(target: HTMLElement, options: FeatureMapOptions): FeatureMap {
  const source = new VectorSource();
  let selectedId: string | null = null;
  // A handful of distinct looks (status × selected): built once each, not once per feature per frame.
  const styles = new Map<string, Style>();
  const styleOf = (feature: FeatureLike) => {
    const spec = options.styleOf(feature.getProperties(), feature.getId() === selectedId);
    const key = `${spec.fill}|${spec.stroke}|${spec.width}`;
    let style = styles.get(key);
    if (!style) styles.set(key, (style = new Style({ fill: new Fill({ color: spec.fill }), stroke: new Stroke({ color: spec.stroke, width: spec.width }) })));
    return style;
  };
  const layer = new VectorLayer({ source, style: styleOf, zIndex: FEATURES_Z });
  const map = new OlMap({ target, layers: [layer], view: new View({ center: [0, 0], zoom: 2 }) });
  const overlays = new Map<string, { layer: VectorLayer<VectorSource>; collection: object }>();
  let tiles: TileLayer<XYZ>[] = [];
  const onFeatures = { layerFilter: (l: unknown) => l === layer };

  map.on('singleclick', (event) => {
    const hit = map.forEachFeatureAtPixel(event.pixel, (feature) => feature.getId(), onFeatures);
    if (hit !== undefined) options.onSelect(String(hit));
  });
  let featureCount = 0;
  // How many features the last complete render drew: pages and browser tests can wait for it.
  map.on('rendercomplete', () => {
    target.dataset.renderedFeatures = String(featureCount);
  });
  map.on('pointermove', (event) => {
    target.style.cursor = map.hasFeatureAtPixel(event.pixel, onFeatures) ? 'pointer' : '';
  });

  return {
    setFeatures(collection) {
      const features = format.readFeatures(collection);
      source.clear();
      source.addFeatures(features);
      featureCount = features.length;
      const extent = source.getExtent();
      if (extent && !isEmpty(extent)) map.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 18 });
    },
    setOverlays(specs) {
      specs.forEach((spec, i) => {
        let entry = overlays.get(spec.key);
        if (!entry) {
          entry = { layer: new VectorLayer({ source: new VectorSource(), declutter: spec.label !== undefined || spec.pointRadius !== undefined }), collection: {} };
          overlays.set(spec.key, entry);
          map.addLayer(entry.layer);
        }
        if (entry.collection !== spec.collection) {
          entry.layer.getSource()!.clear();
          entry.layer.getSource()!.addFeatures(format.readFeatures(spec.collection));
          entry.collection = spec.collection;
        }
        entry.layer.setStyle(overlayStyle(spec));
        entry.layer.setZIndex(i);
        entry.layer.setVisible(spec.visible);
      });
    },
    setBasemap(urls) {
      tiles.forEach((t) => map.removeLayer(t));
      tiles = urls.map((url, i) => new TileLayer({ source: new XYZ({ url, attributions: '© 天地图', crossOrigin: null }), zIndex: -10 + i }));
      tiles.forEach((t) => map.addLayer(t));
    },
    select(id) {
      selectedId = id;
      layer.changed();
    },
    resize: () => map.updateSize(),
    dispose: () => map.setTarget(undefined),
  };
}
