// The only module that imports OpenLayers; use-ol-map.ts loads it on demand so it gets its own chunk.
import 'ol/ol.css';
import Map from 'ol/Map';
import View from 'ol/View';
import { isEmpty } from 'ol/extent';
import GeoJSON from 'ol/format/GeoJSON';
import type { FeatureLike } from 'ol/Feature';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style } from 'ol/style';
import type { FeatureMap, FeatureMapOptions } from './use-ol-map';

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

/** A map of GeoJSON features on a plain background (no tile service), in Web Mercator. */
export function createFeatureMap(target: HTMLElement, options: FeatureMapOptions): FeatureMap {
  const source = new VectorSource();
  let selectedId: string | null = null;
  const styleOf = (feature: FeatureLike) => {
    const spec = options.styleOf(feature.getProperties(), feature.getId() === selectedId);
    return new Style({ fill: new Fill({ color: spec.fill }), stroke: new Stroke({ color: spec.stroke, width: spec.width }) });
  };
  const layer = new VectorLayer({ source, style: styleOf });
  const map = new Map({ target, layers: [layer], view: new View({ center: [0, 0], zoom: 2 }) });

  map.on('singleclick', (event) => {
    const hit = map.forEachFeatureAtPixel(event.pixel, (feature) => feature.getId());
    if (hit !== undefined) options.onSelect(String(hit));
  });
  map.on('pointermove', (event) => {
    target.style.cursor = map.hasFeatureAtPixel(event.pixel) ? 'pointer' : '';
  });

  return {
    setFeatures(collection) {
      source.clear();
      source.addFeatures(format.readFeatures(collection));
      const extent = source.getExtent();
      if (extent && !isEmpty(extent)) map.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 18 });
    },
    select(id) {
      selectedId = id;
      layer.changed();
    },
    resize: () => map.updateSize(),
    dispose: () => map.setTarget(undefined),
  };
}
