/**
 * A reference layer drawn under the map's features (areas, roads, shorelines), from GeoJSON in
 * longitude/latitude, in one style; not clickable.
 */
export interface OverlayLayer {
  key: string;
  /** A GeoJSON FeatureCollection in lon/lat; the same object keeps the features already read. */
  collection: object;
  visible: boolean;
  stroke: string;
  /** Stroke width in pixels (ignored when `bufferM` is set). */
  width: number;
  /**
   * Draws the buffer of this many metres around the lines instead of the lines: a stroke
   * 2 × bufferM wide on the ground, with round caps and joins.
   */
  bufferM?: number;
  fill?: string;
  dash?: number[];
  /**
   * Writes each feature's `name` property: in the middle, just inside the top edge (bold, for
   * areas that contain named areas) or just above it (for areas full of features).
   */
  label?: 'centre' | 'insideTop' | 'aboveTop';
  /** Point features drawn as dots of this radius (pixels) in the stroke colour, labelled below. */
  pointRadius?: number;
}

/**
 * The pixel width of a stroke that covers `bufferM` metres on either side of a line, given the
 * metres one pixel spans on the ground there (the view resolution × the projection's point
 * resolution factor at that latitude; Web Mercator stretches by 1/cos φ).
 */
export function bufferWidthPx(bufferM: number, metresPerPixel: number): number {
  return (2 * bufferM) / metresPerPixel;
}
