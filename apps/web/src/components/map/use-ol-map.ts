import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import type { OverlayLayer } from './overlay';

/** How one feature is drawn; colours as CSS strings. */
export interface FeatureStyle {
  fill: string;
  stroke: string;
  width: number;
}

export interface FeatureMapOptions {
  /** The style of a feature from its GeoJSON properties, and whether it is the selected one. */
  styleOf: (properties: Record<string, unknown>, selected: boolean) => FeatureStyle;
  /** A click on a feature, with the feature's id. */
  onSelect: (id: string) => void;
}

/** What the page may do with the map once OpenLayers has loaded. */
export interface FeatureMap {
  /** Replaces the features (a GeoJSON FeatureCollection in lon/lat) and fits the view to them. */
  setFeatures(collection: object): void;
  /** Shows these reference layers under the features, bottom first; hidden ones are kept for later. */
  setOverlays(overlays: OverlayLayer[]): void;
  /** Shows these XYZ tile URL templates under everything, bottom first (none: a plain background). */
  setBasemap(urls: string[]): void;
  select(id: string | null): void;
  resize(): void;
  dispose(): void;
}

/**
 * Owns one OpenLayers map: loads the library on first mount (its own chunk, fetched only by pages
 * with a map), shows `features` over the `overlays` and follows `selectedId`, tracks the
 * container's size, and disposes on unmount.
 */
export function useOlMap(
  el: Ref<HTMLElement | null>,
  features: Ref<object | null>,
  selectedId: Ref<string | null>,
  options: FeatureMapOptions,
  overlays?: Ref<OverlayLayer[]>,
  basemap?: Ref<string[]>,
): void {
  let map: FeatureMap | undefined;
  let observer: ResizeObserver | undefined;
  let unmounted = false;

  onMounted(async () => {
    const { createFeatureMap } = await import('./ol-map');
    // The page may have been left while the chunk was loading.
    if (unmounted || !el.value) return;
    map = createFeatureMap(el.value, options);
    map.select(selectedId.value);
    if (basemap) map.setBasemap(basemap.value);
    if (overlays) map.setOverlays(overlays.value);
    if (features.value) map.setFeatures(features.value);
    observer = new ResizeObserver(() => map?.resize());
    observer.observe(el.value);
  });

  watch(features, (next) => next && map?.setFeatures(next));
  watch(selectedId, (id) => map?.select(id));
  if (overlays) watch(overlays, (next) => map?.setOverlays(next));
  if (basemap) watch(basemap, (next) => map?.setBasemap(next));

  onBeforeUnmount(() => {
    unmounted = true;
    observer?.disconnect();
    map?.dispose();
    map = undefined;
  });
}
