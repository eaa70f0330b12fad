import path from 'node:path';
import { writeFiguresWorkbook } from './figures-workbook';
import { getJson } from './load';
import { runMeasured, type Measured } from './proc';
import { rawRead } from './raw-read';

/** Single-request latency of one URL: `n` sequential requests after a few warm-up ones. */
export interface Latency {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  bytes: number;
}

export async function latency(url: string, cookie: string, n = 30): Promise<Latency> {
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = Buffer.byteLength((await getJson(url, cookie)).text);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await getJson(url, cookie);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Math.round(times[times.length - 1]!), bytes };
}

/** Every enterprise's USCC in the database, through the list API (200 a page), sorted. */
export async function allUsccs(base: string, cookie: string): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const { body } = await getJson<{ items: { uscc: string }[]; total: number }>(`${base}/api/v1/enterprises?page=${page}&pageSize=200&sort=uscc`, cookie);
    out.push(...body.items.map((e) => e.uscc));
    if (out.length >= body.total || body.items.length === 0) return out.sort();
  }
}

export interface FiguresImport {
  file: string;
  rows: number;
  bytes: number;
  read: Measured;
  readMs: number;
  readsMs: number[];
  imp: Measured;
}

/**
 * A clerk's bulk load: 1-2月 and 1-3月 of the current year for every generated enterprise
 * (100,000 rows for 50,000), read raw with exceljs (median of 3), then imported with `yuanqu import figures`.
 */
export async function figuresImport(node: string, cli: string, bench: string, env: NodeJS.ProcessEnv, cwd: string, work: string, usccs: string[]): Promise<FiguresImport> {
  const file = path.join(work, `figures-${usccs.length}.xlsx`);
  const written = await writeFiguresWorkbook(file, usccs, new Date().getUTCFullYear());
  const { read, out, allMs } = await rawRead(node, bench, file);
  const imp = await runMeasured(node, [cli, 'import', 'figures', file], { env, cwd });
  return { file, rows: written.rows, bytes: written.bytes, read, readMs: out.ms, readsMs: allMs, imp };
}
