/** A basemap the server has configured (GET /land/basemap): 天地图 with its browser key, or none. */
export interface BasemapConfig {
  provider: 'tianditu' | null;
  key: string | null;
}

/**
 * The XYZ tile URL templates for a basemap, bottom first: 天地图's Web Mercator vector map and its
 * Chinese labels, spread over its eight hosts t0–t7. None without a key: the map needs no tiles.
 */
export function basemapUrls(config: BasemapConfig | null): string[] {
  if (config?.provider !== 'tianditu' || !config.key) return [];
  const key = encodeURIComponent(config.key);
  return ['vec_w', 'cva_w'].map((layer) => `https://t{0-7}.tianditu.gov.cn/DataServer?T=${layer}&x={x}&y={y}&l={z}&tk=${key}`);
}
