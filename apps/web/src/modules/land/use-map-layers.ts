import { computed, onMounted, ref, shallowRef } from 'vue';
import type { MapLayerCollection } from '@yuanqu/contracts';
import { errorMessage } from '../../api/errors';
import { listMapLayers } from '../../api/land';
import { approximateShorelineSources, LAYER_TOGGLES, layerOverlays, layersByKind, type LayerToggle } from './map-layers';

/** The land map's reference layers: loaded once, every one switched on at first. */
export function useMapLayers() {
  const collection = shallowRef<MapLayerCollection>({ type: 'FeatureCollection', features: [] });
  const visible = ref<LayerToggle[]>([...LAYER_TOGGLES]);
  const failure = ref('');
  const byKind = computed(() => layersByKind(collection.value));

  onMounted(async () => {
    try {
      collection.value = await listMapLayers();
    } catch (error) {
      failure.value = errorMessage(error);
    }
  });

  return {
    visible,
    failure,
    overlays: computed(() => layerOverlays(byKind.value, visible.value)),
    approximateSources: computed(() => approximateShorelineSources(collection.value)),
    hasShoreline: computed(() => byKind.value.shorelineMain.features.length + byKind.value.shorelineTributary.features.length > 0),
  };
}
