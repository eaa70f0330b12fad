import { describe, expect, it } from 'vitest';
import { guessCrs, toLonLat } from './crs';

// On the central meridian the Gauss-Krüger northing is the meridian arc: for GRS80 at 30°N it is
// 3,320,113.398 m (published tables), and the easting is the false easting itself.
const ARC_30 = 3_320_113.398;

describe('parcel coordinate systems', () => {
  it('recognises longitude/latitude and 3-degree Gauss-Krüger with and without the zone number', () => {
    expect(guessCrs([[116.05, 29.72]])).toBe('lonlat');
    expect(guessCrs([[39_500_000, ARC_30]])).toBe('gk117zone');
    expect(guessCrs([[500_000, ARC_30]])).toBe('gk117');
    expect(guessCrs([[12_900_000, 3_460_000]])).toBeNull();
  });

  it('brings a point on the 117°E meridian back to its latitude', () => {
    for (const crs of ['gk117', 'gk117zone'] as const) {
      const [[lon, lat]] = toLonLat([[crs === 'gk117' ? 500_000 : 39_500_000, ARC_30]], crs) as [[number, number]];
      expect(lon).toBeCloseTo(117, 7);
      expect(lat).toBeCloseTo(30, 7);
    }
  });

  it('keeps a 100 m side 100 m long after conversion near Jiujiang', () => {
    const [[lon1, lat1], [lon2]] = toLonLat([[400_000, 3_290_000], [400_100, 3_290_000]], 'gk117') as [[number, number], [number, number]];
    const metresPerDegree = 111_320 * Math.cos((lat1 * Math.PI) / 180);
    expect((lon2 - lon1) * metresPerDegree).toBeGreaterThan(99.5);
    expect((lon2 - lon1) * metresPerDegree).toBeLessThan(100.5);
  });
});
