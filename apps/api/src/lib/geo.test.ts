import { describe, expect, it } from 'vitest';
import type { ParcelGeometry } from '@yuanqu/contracts';
import { geometryAreaSqm, geometryProblem } from './geo';

const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings }) as ParcelGeometry;

/** A square of `side` metres at (lon, lat), built from the ellipsoid's radii there. */
function square(lon: number, lat: number, side: number): number[][] {
  const a = 6378137;
  const e2 = (1 / 298.257222101) * (2 - 1 / 298.257222101);
  const s = Math.sin((lat * Math.PI) / 180);
  const n = a / Math.sqrt(1 - e2 * s * s);
  const m = (a * (1 - e2)) / (1 - e2 * s * s) ** 1.5;
  const dLon = (side / (n * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
  const dLat = (side / m) * (180 / Math.PI);
  return [[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]];
}

describe('parcel geometry', () => {
  it('agrees with the exact ellipsoidal area of a 0.01° cell in Jiujiang to 0.01 %', () => {
    // Area between two parallels over Δλ on the ellipsoid (authalic form), independent of the code under test.
    const a = 6378137;
    const f = 1 / 298.257222101;
    const e = Math.sqrt(f * (2 - f));
    const S = (deg: number) => {
      const s = Math.sin((deg * Math.PI) / 180);
      return s / (1 - e * e * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
    };
    const exact = ((a * a * (1 - e * e)) / 2) * ((0.01 * Math.PI) / 180) * (S(29.73) - S(29.72));
    const cell = [[116.05, 29.72], [116.06, 29.72], [116.06, 29.73], [116.05, 29.73], [116.05, 29.72]];
    expect(Math.abs(geometryAreaSqm(polygon(cell)) / exact - 1)).toBeLessThan(1e-4);
  });

  it('measures a 200 m square in Jiujiang as 40,000 ㎡ (60 亩)', () => {
    const area = geometryAreaSqm(polygon(square(116.05, 29.72, 200)));
    expect(area).toBeGreaterThan(39_990);
    expect(area).toBeLessThan(40_010);
  });

  it('takes holes out and adds the parts of a multipolygon', () => {
    const outer = square(116.05, 29.72, 200);
    const hole = square(116.0505, 29.7205, 50).reverse();
    expect(geometryAreaSqm(polygon(outer, hole))).toBeCloseTo(40_000 - 2_500, -1);
    const two = { type: 'MultiPolygon', coordinates: [[outer], [square(116.07, 29.72, 100)]] } as ParcelGeometry;
    expect(geometryAreaSqm(two)).toBeCloseTo(50_000, -1);
  });

  it('refuses projected metres, open rings and self-intersecting outlines', () => {
    expect(geometryProblem(polygon([[39_500_000, 3_290_000], [39_500_100, 3_290_000], [39_500_100, 3_290_100], [39_500_000, 3_290_000]]))).toBe('notLonLat');
    const open = square(116.05, 29.72, 100).slice(0, 4);
    expect(geometryProblem(polygon([...open, [116.05, 29.7205]]))).toBe('openRing');
    const bowtie = [[116.05, 29.72], [116.051, 29.721], [116.051, 29.72], [116.05, 29.721], [116.05, 29.72]];
    expect(geometryProblem(polygon(bowtie))).toBe('selfIntersecting');
    expect(geometryProblem(polygon(square(116.05, 29.72, 100)))).toBeNull();
  });
});
