import { computed, onMounted, ref, shallowRef } from 'vue';
import type { MapLayerCollection } from '@yuanqu/contracts';
import { errorMessage } from '../../api/errors';
import { getBasemap, listFactories, listMapLayers } from '../../api/land';
import { basemapUrls, type BasemapConfig } from '../../components/map/basemap';
import { approximateShorelineSources, factoryPoints, LAYER_TOGGLES, layerOverlays, layersByKind, type LayerToggle } from './map-layers';

/** The land map's reference layers, the standard factory buildings and the optional basemap: loaded once, every layer switched on at first. */
export function useMapLayers() {
  const collection = shallowRef<MapLayerCollection>({ type: 'FeatureCollection', features: [] });
  const visible = ref<LayerToggle[]>([...LAYER_TOGGLES]);
  const failure = ref('');
  const basemap = shallowRef<BasemapConfig | null>(null);
  const factories = shallowRef<object>(factoryPoints([]));
  const byKind = computed(() => layersByKind(collection.value));

  onMounted(async () => {
    try {
      const [layers, base, buildings] = await Promise.all([listMapLayers(), getBasemap(), listFactories()]);
      [collection.value, basemap.value, factories.value] = [layers, base, factoryPoints(buildings)];
    } catch (error) {
      failure.value = errorMessage(error);
    }
  });

  return {
    visible,
    failure,
    basemap: computed(() => basemapUrls(basemap.value)),
    overlays: computed(() => layerOverlays(byKind.value, visible.value, factories.value)),
    approximateSources: computed(() => approximateShorelineSources(collection.value)),
    hasShoreline: computed(() => byKind.value.shorelineMain.features.length + byKind.value.shorelineTributary.features.length > 0),
  };
}
