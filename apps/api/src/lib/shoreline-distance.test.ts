import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineGeometry, ParcelGeometry } from '@yuanqu/contracts';
import { indexShoreline, scanShoreline } from './shoreline-distance';

// GRS80 (CGCS2000): the meridian radius of curvature m = a(1 − e²)/(1 − e² sin²φ)^1.5, so a short
// north-south distance is m at the mid-latitude times the latitude difference in radians.
const A = 6_378_137;
const E2 = (1 / 298.257222101) * (2 - 1 / 298.257222101);
const meridianArc = (lat1: number, lat2: number) => {
  const s = Math.sin((((lat1 + lat2) / 2) * Math.PI) / 180);
  return ((A * (1 - E2)) / (1 - E2 * s * s) ** 1.5) * (((lat2 - lat1) * Math.PI) / 180);
};

const line = (...coordinates: [number, number][]): LineGeometry => ({ type: 'LineString', coordinates });
type Ring = [number, number][];
const ring = (west: number, south: number, east: number, north: number): Ring => [[west, south], [east, south], [east, north], [west, north], [west, south]];
const box = (west: number, south: number, east: number, north: number): ParcelGeometry => ({ type: 'Polygon', coordinates: [ring(west, south, east, north)] });
const index = (...lines: LineGeometry[]) => indexShoreline(lines)!;

describe('distance to a shoreline', () => {
  it('measures a point due south of an east-west shoreline as the meridian arc between them', () => {
    const d = index(line([116.045, 29.75], [116.055, 29.75])).fromPoint(116.05, 29.74);
    // 1,108.48 m; the chord of a 1 km segment strays from the parallel by about 1 cm.
    expect(meridianArc(29.74, 29.75)).toBeCloseTo(1108.48, 2);
    expect(Math.abs(d - meridianArc(29.74, 29.75))).toBeLessThan(0.05);
  });

  it('is 0 on the line and grows with the offset on either side', () => {
    const shore = index(line([116.0, 29.75], [116.1, 29.75]));
    expect(shore.fromPoint(116.05, 29.75)).toBeLessThan(0.01);
    expect(shore.fromPoint(116.05, 29.76)).toBeCloseTo(shore.fromPoint(116.05, 29.74), -1);
  });

  it('finds the nearest point of a parcel inside an edge when the shoreline bends towards it', () => {
    // A V-shaped shoreline whose tip (116.05, 29.75) is 1 km north of the middle of the parcel's
    // top edge; the parcel's corners are 1.21 km from the tip and farther from the arms.
    const shore = index(line([116.04, 29.76], [116.05, 29.75], [116.06, 29.76]));
    const parcel = box(116.045, 29.73, 116.055, 29.74);
    const corners = (parcel.coordinates[0] as number[][]).map(([lon, lat]) => shore.fromPoint(lon!, lat!));
    expect(Math.min(...corners)).toBeGreaterThan(1_200);
    expect(Math.abs(shore.fromGeometry(parcel) - meridianArc(29.74, 29.75))).toBeLessThan(0.05);
  });

  it('is 0 for a parcel the shoreline crosses, touches or runs inside', () => {
    const shore = index(line([116.0, 29.75], [116.1, 29.75]));
    expect(shore.fromGeometry(box(116.04, 29.745, 116.05, 29.755))).toBe(0);
    expect(shore.fromGeometry(box(116.04, 29.74, 116.05, 29.75))).toBeLessThan(0.01);
    expect(index(line([116.045, 29.75], [116.046, 29.751])).fromGeometry(box(116.04, 29.745, 116.05, 29.755))).toBe(0);
    expect(shore.fromGeometry(box(116.04, 29.73, 116.05, 29.74))).toBeGreaterThan(1_100);
  });

  it('treats a shoreline in a parcel’s hole as outside the parcel', () => {
    const holed: ParcelGeometry = {
      type: 'Polygon',
      coordinates: [ring(116.0, 29.7, 116.1, 29.8), ring(116.03, 29.74, 116.07, 29.76).reverse()],
    };
    const d = index(line([116.049, 29.75], [116.051, 29.75])).fromGeometry(holed);
    expect(Math.abs(d - meridianArc(29.75, 29.76))).toBeLessThan(0.1);
  });

  it('agrees with the geodesic distance (Vincenty on GRS80) within 0.1 %, near and 150 km away', () => {
    // Vincenty's inverse formula on GRS80, computed separately: 2,551.012 m and 167,682.408 m from
    // the vertex (116.0, 29.75), the nearest point of the shoreline for both.
    const shore = index(line([115.98, 29.76], [116.0, 29.75]), { type: 'MultiLineString', coordinates: [[[116.0, 29.75], [115.99, 29.77]]] });
    expect(Math.abs(shore.fromPoint(116.02, 29.735) / 2_551.012 - 1)).toBeLessThan(0.001);
    expect(Math.abs(shore.fromPoint(117.5, 29.0) / 167_682.408 - 1)).toBeLessThan(0.001);
  });

  it('takes the nearest of several lines and of a multipolygon’s parts', () => {
    const shore = index(line([116.0, 29.8], [116.1, 29.8]), line([116.0, 29.75], [116.1, 29.75]));
    const parts: ParcelGeometry = { type: 'MultiPolygon', coordinates: [[ring(116.04, 29.7, 116.05, 29.71)], [ring(116.06, 29.73, 116.07, 29.74)]] };
    expect(Math.abs(shore.fromGeometry(parts) - meridianArc(29.74, 29.75))).toBeLessThan(0.1);
    expect(indexShoreline([line([116.0, 29.75])])).toBeNull();
  });

  it('gives the same answers through the index as by checking every segment', () => {
    const lon = fc.double({ min: 116.0, max: 116.2, noNaN: true });
    const lat = fc.double({ min: 29.6, max: 29.8, noNaN: true });
    const polyline = fc.array(fc.tuple(lon, lat), { minLength: 2, maxLength: 400 });
    fc.assert(
      fc.property(fc.array(polyline, { minLength: 1, maxLength: 4 }), lon, lat, fc.double({ min: 0.0005, max: 0.02, noNaN: true }), (paths, x, y, size) => {
        const lines = paths.map((p) => line(...p));
        const [tree, scan] = [indexShoreline(lines)!, scanShoreline(lines)!];
        expect(tree.fromPoint(x, y)).toBeCloseTo(scan.fromPoint(x, y), 6);
        const parcel = box(x, y, x + size, y + size / 2);
        expect(tree.fromGeometry(parcel)).toBeCloseTo(scan.fromGeometry(parcel), 6);
      }),
      { numRuns: 200 },
    );
  });
});
