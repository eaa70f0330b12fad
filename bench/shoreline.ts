// The shoreline distance service at scale: 20,000 parcels against a 5,000-vertex shoreline, through
// the R-tree and, in the same run, by checking every segment for every parcel (the baseline).
// Pure computation in this process, no database. Part of `npm run bench`; on its own:
//
//   npm run shoreline -w bench     (BENCH_QUICK=1: 2,000 parcels, docs/benchmarks.md left alone)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LineGeometry, ParcelGeometry } from '@yuanqu/contracts';
import { indexShoreline, scanShoreline } from '../apps/api/src/lib/shoreline-distance';
import { cpuModel, num, renderSection, secs, updateDocs, type DbSection } from './report';

const TARGET_MS = 5_000;
const VERTICES = 5_000;

/** A small deterministic generator (mulberry32), so every run measures the same geometry. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A meandering bank from 115.7°E to 116.5°E (≈ 77 km, a vertex every ≈ 15 m), rising WSW→ENE. */
const bankLat = (lon: number) => 29.7 + 0.06 * (lon - 115.7) + 0.01 * Math.sin(lon * 40) + 0.002 * Math.sin(lon * 400);

function shoreline(): LineGeometry {
  const coordinates = Array.from({ length: VERTICES }, (_, i) => {
    const lon = 115.7 + (0.8 * i) / (VERTICES - 1);
    return [lon, bankLat(lon)] as [number, number];
  });
  return { type: 'LineString', coordinates };
}

/** Rectangles of 50–400 m a side from just across the bank to 11 km inland: a few straddle it. */
function parcels(n: number): ParcelGeometry[] {
  const next = random(20_261_127);
  return Array.from({ length: n }, () => {
    const lon = 115.71 + 0.78 * next();
    const lat = bankLat(lon) - 0.1 * next() ** 2 + 0.001;
    const [w, h] = [(50 + 350 * next()) / 96_800, (50 + 350 * next()) / 110_860];
    return { type: 'Polygon', coordinates: [[[lon, lat], [lon + w, lat], [lon + w, lat - h], [lon, lat - h], [lon, lat]]] };
  });
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

/** Runs the measurement and returns it as a report section. */
export function shorelineSection(quick: boolean): DbSection {
  const count = quick ? 2_000 : 20_000;
  const line = shoreline();
  const outlines = parcels(count);
  const build = timed(() => indexShoreline([line])!);
  const index = build.value;
  // The first pass warms the JIT; the figure is the median of three.
  const runs = [0, 1, 2].map(() => timed(() => outlines.map((g) => index.fromGeometry(g))));
  const indexed = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
  // Like the index's figure, the baseline's includes projecting the shoreline.
  const naive = timed(() => {
    const scan = scanShoreline([line])!;
    return outlines.map((g) => scan.fromGeometry(g));
  });
  const worst = Math.max(...runs[0]!.value.map((d, i) => Math.abs(d - naive.value[i]!)));
  const within = (m: number) => runs[0]!.value.filter((d) => d <= m).length;
  const total = build.ms + indexed;
  return {
    title: `Shoreline distance (${num(count)} parcels, ${num(index.segmentCount)} segments)`,
    setup: [
      `A ${num(VERTICES)}-vertex shoreline meandering WSW→ENE over 77 km near Jiujiang; ${num(count)} rectangular parcels (50–400 m a side, 5 vertices) from across the bank to 11 km inland, generated from a fixed seed.`,
      `\`indexShoreline\` / \`scanShoreline\` (apps/api/src/lib/shoreline-distance.ts) in this process, with the same projection (transverse Mercator on the layer's meridian, GRS80) and polygon rule: segments in an R-tree (leaves of 16 consecutive segments, STR-packed above), or every segment checked against every vertex and every segment's box against the outline (the exact test only for the near ones).`,
      `${num(within(0))} parcels touch or cross the shoreline (the exact crossing test runs for them), ${num(within(1_000))} lie within 1 km, ${num(within(3_000))} within 3 km.`,
    ],
    rows: [
      { metric: 'Index build (projection + R-tree)', measured: `${num(build.ms, 1)} ms`, target: '—' },
      { metric: `Distance for ${num(count)} parcels through the index (median of 3)`, measured: `${num(indexed, 0)} ms (${num((indexed * 1000) / count, 1)} µs a parcel)`, target: '—' },
      { metric: 'Index build + distances', measured: secs(total), target: `≤ ${secs(TARGET_MS)}${quick ? ' (full size)' : ''}`, pass: total <= TARGET_MS },
      { metric: 'Projection + every segment for every parcel, no index (baseline, same run)', measured: secs(naive.ms), target: '—' },
      { metric: 'Index build + distances / baseline', measured: `${num((total / naive.ms) * 100, 2)} % (${num(naive.ms / total, 0)} × faster)`, target: '—' },
      { metric: 'Largest difference between the two answers', measured: `${worst.toExponential(1)} m`, target: '0', pass: worst < 1e-6 },
    ],
    notes: [],
  };
}

/** Measures, prints the section and, for a full run, writes it into its block of docs/benchmarks.md. */
export function runShorelineBench(quick: boolean): void {
  const section = shorelineSection(quick);
  const markdown = [
    `## Shoreline distance${quick ? ' (quick mode: reduced size, not comparable)' : ''}`,
    '',
    `- Rerun: \`npm run shoreline -w bench\` (also part of \`npm run bench\`).`,
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${cpuModel()}, ${os.cpus().length} cores, Node ${process.version}; 1-minute load average ${num(os.loadavg()[0]!, 2)}.`,
    '',
    renderSection(section),
  ].join('\n');
  console.log(markdown);
  if (!quick) updateDocs(path.join(fileURLToPath(new URL('..', import.meta.url)), 'docs/benchmarks.md'), markdown, 'shoreline');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runShorelineBench(process.env.BENCH_QUICK === '1');
