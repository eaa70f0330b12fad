import { fromLonLat, getPointResolution } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { bufferWidthPx } from './overlay';

describe('buffer strokes', () => {
  it('covers the buffer on both sides of the line at the map’s ground resolution', () => {
    // 1 km either side at 10 m a pixel: 200 px wide.
    expect(bufferWidthPx(1_000, 10)).toBe(200);
    // Web Mercator stretches by 1/cos φ: at Jiujiang (29.72°N) a view resolution of 10 m spans
    // 10 × cos 29.72° = 8.685 m on the ground, so 3 km either side needs 690.9 px, not 600.
    const ground = getPointResolution('EPSG:3857', 10, fromLonLat([116.05, 29.72]));
    expect(ground).toBeCloseTo(10 * Math.cos((29.72 * Math.PI) / 180), 3);
    expect(bufferWidthPx(3_000, ground)).toBeCloseTo(690.9, 1);
  });
});
