import type { ParcelGeometry } from '@yuanqu/contracts';

/** CGCS2000 ellipsoid (GB/T 2589 uses the same for area work): semi-major axis and flattening. */
const A = 6_378_137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

type Ring = number[][];

function polygonsOf(g: ParcelGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * Area of a ring in ㎡: projected to a local plane at its mean latitude with the ellipsoid's radii
 * of curvature there (meridian M, prime vertical N), then the shoelace formula. For parcels (a few
 * km across) this is within 0.01 % of the geodesic area.
 */
function ringArea(ring: Ring, lat0: number): number {
  const s = Math.sin(lat0 * RAD);
  const w = 1 - E2 * s * s;
  const m = (A * (1 - E2)) / w ** 1.5;
  const n = A / Math.sqrt(w);
  const kx = n * Math.cos(lat0 * RAD) * RAD;
  const ky = m * RAD;
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1! * kx * (y2! * ky) - x2! * kx * (y1! * ky);
  }
  return Math.abs(sum) / 2;
}

/** The outline's area on the ellipsoid, ㎡: outer rings minus holes. */
export function geometryAreaSqm(g: ParcelGeometry): number {
  let total = 0;
  for (const polygon of polygonsOf(g)) {
    const lats = polygon[0]!.map((p) => p[1]!);
    const lat0 = lats.reduce((a, b) => a + b, 0) / lats.length;
    polygon.forEach((ring, i) => (total += (i === 0 ? 1 : -1) * ringArea(ring, lat0)));
  }
  return total;
}

function segmentsCross(a: number[], b: number[], c: number[], d: number[]): boolean {
  const orient = (p: number[], q: number[], r: number[]) => Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

function selfIntersects(ring: Ring): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

export type GeometryProblem = 'notLonLat' | 'openRing' | 'selfIntersecting' | 'empty';

/**
 * Why an outline cannot be stored, or null: coordinates must be longitude/latitude inside China
 * (metres from a projected file mean the CRS was guessed wrong), rings closed and not crossing.
 */
export function geometryProblem(g: ParcelGeometry): GeometryProblem | null {
  for (const polygon of polygonsOf(g)) {
    for (const ring of polygon) {
      if (ring.some(([x, y]) => !(x! >= 73 && x! <= 136 && y! >= 3 && y! <= 54))) return 'notLonLat';
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) return 'openRing';
      if (selfIntersects(ring)) return 'selfIntersecting';
    }
  }
  return geometryAreaSqm(g) > 0 ? null : 'empty';
}
