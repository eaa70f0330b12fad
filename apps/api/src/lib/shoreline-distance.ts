import proj4 from 'proj4';
import type { LineGeometry, ParcelGeometry } from '@yuanqu/contracts';

type Xy = [number, number];

/**
 * A segment is taken as straight in longitude/latitude, as the map draws it. Projected, that
 * line bows away from the straight chord by about L²·tan φ / 8R (1 m for a 10 km east-west
 * segment at 30°N), so longer segments are split every 0.005° (≈ 500 m; the bow stays under
 * 3 mm) before they are projected.
 */
const STEP_DEG = 0.005;

function densify(path: number[][]): number[][] {
  const out: number[][] = path.length ? [path[0]!] : [];
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1]!;
    const [x1, y1] = path[i]!;
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1! - x0!), Math.abs(y1! - y0!)) / STEP_DEG));
    for (let k = 1; k <= n; k++) out.push([x0! + ((x1! - x0!) * k) / n, y0! + ((y1! - y0!) * k) / n]);
  }
  return out;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Squared distance between two boxes (0 when they overlap). */
function boxGap2(a: Box, b: Box): number {
  const dx = Math.max(0, a.minX - b.maxX, b.minX - a.maxX);
  const dy = Math.max(0, a.minY - b.maxY, b.minY - a.maxY);
  return dx * dx + dy * dy;
}

/**
 * Segments of one shoreline layer in a plane in metres: a transverse Mercator on GRS80 (the
 * CGCS2000 ellipsoid) whose central meridian runs through the middle of the layer, so the scale
 * error is (Δλ·cos φ)²/2 — 1.2e-4 one degree of longitude away at 30°N, and negligible for the few
 * kilometres the Yangtze rules ask about. Gauss-Krüger 117°E is the same projection on a fixed
 * meridian; centring it on the layer keeps a shoreline from any zone equally accurate.
 */
class Segments {
  readonly project: (lon: number, lat: number) => Xy;
  /** ax, ay, bx, by of segment i at 4i … 4i+3. */
  readonly xy: Float64Array;
  readonly count: number;
  /** The bounding box of each segment. */
  readonly boxes: Box[];
  /** The first segment of each line. */
  readonly lineStarts = new Set<number>();

  constructor(lines: LineGeometry[]) {
    const paths = lines.flatMap((g) => (g.type === 'LineString' ? [g.coordinates] : g.coordinates));
    let [west, east] = [Infinity, -Infinity];
    for (const path of paths) for (const [lon] of path) [west, east] = [Math.min(west, lon!), Math.max(east, lon!)];
    const lon0 = Number.isFinite(west) ? (west + east) / 2 : 0;
    const converter = proj4('+proj=longlat +ellps=GRS80 +no_defs', `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs`);
    this.project = (lon, lat) => converter.forward([lon, lat]) as Xy;
    const out: number[] = [];
    for (const path of paths) {
      this.lineStarts.add(out.length / 4);
      const pts = densify(path).map(([lon, lat]) => this.project(lon!, lat!));
      for (let i = 0; i + 1 < pts.length; i++) out.push(pts[i]![0], pts[i]![1], pts[i + 1]![0], pts[i + 1]![1]);
    }
    this.xy = Float64Array.from(out);
    this.count = out.length / 4;
    this.boxes = Array.from({ length: this.count }, (_, i) => {
      const [ax, ay, bx, by] = [out[4 * i]!, out[4 * i + 1]!, out[4 * i + 2]!, out[4 * i + 3]!];
      return { minX: Math.min(ax, bx), minY: Math.min(ay, by), maxX: Math.max(ax, bx), maxY: Math.max(ay, by) };
    });
  }

  /** Squared distance from (px, py) to segment i. */
  dist2(i: number, px: number, py: number): number {
    const s = this.xy;
    return pointSegmentDist2(px, py, s[4 * i]!, s[4 * i + 1]!, s[4 * i + 2]!, s[4 * i + 3]!);
  }
}

function pointSegmentDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/** For r collinear with p–q: whether it lies between them. */
function onSegment(p: Xy, q: Xy, r: Xy): boolean {
  return Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
}

/** True when two closed segments share a point (crossing, touching or overlapping). */
function segmentsMeet(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const o1 = orient(a[0], a[1], b[0], b[1], c[0], c[1]);
  const o2 = orient(a[0], a[1], b[0], b[1], d[0], d[1]);
  const o3 = orient(c[0], c[1], d[0], d[1], a[0], a[1]);
  const o4 = orient(c[0], c[1], d[0], d[1], b[0], b[1]);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** Even-odd rule over every ring, so a point in a hole is outside. */
function insideRings(rings: Xy[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** How the distance functions find segments: by a tree, or by looking at all of them. */
interface SegmentSearch {
  readonly segments: Segments;
  /**
   * Squared distance from (x, y) to the nearest segment, at most `within` (the caller's best so
   * far: a bound that lets the tree skip most of itself).
   */
  nearest2(x: number, y: number, within?: number): number;
  /**
   * Calls `visit` with the segments whose bounding box lies nearer the box than `bound()` (squared);
   * `visit` may lower the bound as it finds closer segments.
   */
  near(box: Box, bound: () => number, visit: (i: number) => void): void;
}

interface Node extends Box {
  /** Child nodes, or null for a leaf. */
  children: Node[] | null;
  /** The segments of a leaf. */
  items: number[];
}

const NODE_SIZE = 16;

/** Squared distance from a point to a box (0 inside it). */
function boxDist2(n: Box, x: number, y: number): number {
  const dx = x < n.minX ? n.minX - x : x > n.maxX ? x - n.maxX : 0;
  const dy = y < n.minY ? n.minY - y : y > n.maxY ? y - n.maxY : 0;
  return dx * dx + dy * dy;
}

/** Sort-Tile-Recursive packing: vertical slices by x centre, runs of NODE_SIZE by y centre within each. */
function strGroups(nodes: Node[]): Node[][] {
  const pages = Math.ceil(nodes.length / NODE_SIZE);
  const perSlice = Math.ceil(Math.sqrt(pages)) * NODE_SIZE;
  const byX = [...nodes].sort((a, b) => a.minX + a.maxX - (b.minX + b.maxX));
  const groups: Node[][] = [];
  for (let s = 0; s < byX.length; s += perSlice) {
    const slice = byX.slice(s, s + perSlice).sort((a, b) => a.minY + a.maxY - (b.minY + b.maxY));
    for (let i = 0; i < slice.length; i += NODE_SIZE) groups.push(slice.slice(i, i + NODE_SIZE));
  }
  return groups;
}

function parentOf(children: Node[]): Node {
  return {
    minX: Math.min(...children.map((c) => c.minX)),
    minY: Math.min(...children.map((c) => c.minY)),
    maxX: Math.max(...children.map((c) => c.maxX)),
    maxY: Math.max(...children.map((c) => c.maxY)),
    children,
    items: [],
  };
}

/**
 * An R-tree over the segments: leaves of consecutive segments, Sort-Tile-Recursive packing above
 * them. Nearest-segment search is depth-first, nearest box first, pruned by the best so far.
 */
class SegmentTree implements SegmentSearch {
  private readonly root: Node;
  /** Children's box distances by depth, reused: the search runs for every vertex of every parcel and should not allocate. */
  private readonly scratch: Float64Array[] = [];

  constructor(readonly segments: Segments) {
    // Leaves are runs of consecutive segments along the line, which lie close together; sorting
    // single segments into tiles instead scatters a meandering line's neighbours across wide boxes.
    const runs: Node[][] = [];
    segments.boxes.forEach((box, i) => {
      const last = runs[runs.length - 1];
      const node = { ...box, children: null, items: [i] };
      if (!last || last.length === NODE_SIZE || segments.lineStarts.has(i)) runs.push([node]);
      else last.push(node);
    });
    let level: Node[] = runs.map((run) => ({ ...parentOf(run), children: null, items: run.flatMap((n) => n.items) }));
    while (level.length > 1) level = strGroups(level).map(parentOf);
    this.root = level[0]!;
  }

  nearest2(x: number, y: number, within = Infinity): number {
    return this.nearestIn(this.root, x, y, within, 0);
  }

  private nearestIn(node: Node, x: number, y: number, best: number, depth: number): number {
    if (!node.children) {
      for (const i of node.items) best = Math.min(best, this.segments.dist2(i, x, y));
      return best;
    }
    const kids = node.children;
    const d = (this.scratch[depth] ??= new Float64Array(NODE_SIZE));
    for (let k = 0; k < kids.length; k++) d[k] = boxDist2(kids[k]!, x, y);
    // Nearest box first, until every remaining box is farther than the best segment found.
    for (;;) {
      let pick = -1;
      let min = best;
      for (let k = 0; k < kids.length; k++) {
        if (d[k]! < min) [pick, min] = [k, d[k]!];
      }
      if (pick < 0) return best;
      d[pick] = Infinity;
      best = this.nearestIn(kids[pick]!, x, y, best, depth + 1);
    }
  }

  near(box: Box, bound: () => number, visit: (i: number) => void): void {
    const stack = [this.root];
    while (stack.length) {
      const n = stack.pop()!;
      if (boxGap2(n, box) >= bound()) continue;
      if (n.children) stack.push(...n.children);
      else for (const i of n.items) if (boxGap2(this.segments.boxes[i]!, box) < bound()) visit(i);
    }
  }
}

/** Every segment, every time: the reference the tree is tested and benchmarked against. */
class SegmentScan implements SegmentSearch {
  constructor(readonly segments: Segments) {}

  nearest2(x: number, y: number, within = Infinity): number {
    let best = within;
    for (let i = 0; i < this.segments.count; i++) best = Math.min(best, this.segments.dist2(i, x, y));
    return best;
  }

  near(box: Box, bound: () => number, visit: (i: number) => void): void {
    for (let i = 0; i < this.segments.count; i++) if (boxGap2(this.segments.boxes[i]!, box) < bound()) visit(i);
  }
}

/** Distance from one polygon (its rings in the plane) to the segments, m. */
function polygonDistance(search: SegmentSearch, rings: Xy[][]): number {
  const s = search.segments.xy;
  let best2 = Infinity;
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const ring of rings) {
    for (const [x, y] of ring) {
      best2 = search.nearest2(x, y, best2);
      [box.minX, box.minY, box.maxX, box.maxY] = [Math.min(box.minX, x), Math.min(box.minY, y), Math.max(box.maxX, x), Math.max(box.maxY, y)];
    }
  }
  // Only a segment nearer the outline's box than the nearest vertex can come closer (or meet it);
  // meeting sets the bound to 0, which ends the search.
  search.near(box, () => best2, (i) => {
    const a: Xy = [s[4 * i]!, s[4 * i + 1]!];
    const b: Xy = [s[4 * i + 2]!, s[4 * i + 3]!];
    if (insideRings(rings, a[0], a[1])) best2 = 0;
    for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length && best2 > 0; k++) {
        const [p, q] = [ring[k]!, ring[k + 1]!];
        if (segmentsMeet(a, b, p, q)) best2 = 0;
        else best2 = Math.min(best2, pointSegmentDist2(a[0], a[1], p[0], p[1], q[0], q[1]), pointSegmentDist2(b[0], b[1], p[0], p[1], q[0], q[1]));
      }
    }
  });
  return Math.sqrt(best2);
}

/** Distances in metres from points and parcels to one shoreline layer. */
export interface ShorelineDistance {
  /** How many straight segments the layer has. */
  readonly segmentCount: number;
  /** Metres from a longitude/latitude to the nearest point of the shoreline. */
  fromPoint(lon: number, lat: number): number;
  /**
   * Metres from a parcel to the shoreline: 0 when the outline touches, crosses or contains part
   * of the line; otherwise the least of each vertex's distance to the line and each shoreline
   * vertex's distance to the outline's edges (the closest pair may be an edge's interior).
   */
  fromGeometry(g: ParcelGeometry): number;
}

function distanceOver(search: SegmentSearch): ShorelineDistance {
  const { project } = search.segments;
  return {
    segmentCount: search.segments.count,
    fromPoint: (lon, lat) => Math.sqrt(search.nearest2(...project(lon, lat))),
    fromGeometry(g) {
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      return Math.min(...polygons.map((rings) => polygonDistance(search, rings.map((ring) => densify(ring).map(([lon, lat]) => project(lon!, lat!))))));
    },
  };
}

/** Indexes a shoreline layer (its lines in an STR-tree, in metres); null when it has no segment. */
export function indexShoreline(lines: LineGeometry[]): ShorelineDistance | null {
  const segments = new Segments(lines);
  return segments.count ? distanceOver(new SegmentTree(segments)) : null;
}

/** The same answers by checking every segment for every vertex: the baseline for tests and the benchmark. */
export function scanShoreline(lines: LineGeometry[]): ShorelineDistance | null {
  const segments = new Segments(lines);
  return segments.count ? distanceOver(new SegmentScan(segments)) : null;
}
