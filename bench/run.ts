// `npm run bench`: province-scale figures for the enterprise list and the Excel import, on SQLite
// and then PostgreSQL, each next to the raw limit measured in the same run, and the shoreline
// distance service against its no-index baseline (shoreline.ts). Everything it creates lives in a
// temporary directory (and the PostgreSQL database yuanqu_bench); results go to stdout and, for a
// full run, to docs/benchmarks.md.
//
//   BENCH_QUICK=1          5,000 enterprises, 10,000 import rows, 3 s load runs (smoke test)
//   BENCH_DATABASE_URL     PostgreSQL bench database, dropped and recreated (default DEFAULT_PG_URL)
//   BENCH_SKIP_PG=1        SQLite only
//   BENCH_KEEP=1           keep the temporary directory (databases, workbook, payload)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { getJson, login, measure, type LoadPlan, type LoadResult } from './load';
import { allUsccs, figuresImport, latency } from './statistics';
import { analyze, DEFAULT_PG_URL, recreateBenchDatabase, redact, serverVersion } from './postgres';
import { answers, freePort, rssMethod, runChecked, runMeasured, startServer, type Measured } from './proc';
import { cpuModel, mb, num, pct, renderRun, renderSection, secs, updateDocs, type DbSection } from './report';
import { postgresFloor, sqliteFloor, type FloorKind } from './floor';
import { rawRead, type RawRead } from './raw-read';
import { runShorelineBench } from './shoreline';
import { writeImportWorkbook, type PlaceUnit, type Variant } from './workbook';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = fileURLToPath(new URL('.', import.meta.url));
const CLI = path.join(ROOT, 'apps/api/bin/yuanqu.js');
const NODE = process.execPath;

const QUICK = process.env.BENCH_QUICK === '1';
const SIZE = { parks: 200, enterprises: QUICK ? 5_000 : 50_000, importRows: QUICK ? 10_000 : 100_000 };
const PLAN: LoadPlan = { connections: 50, durationS: QUICK ? 3 : 10, warmupS: 2 };
const LIST_PATH = '/api/v1/enterprises?page=1&pageSize=50&industryChain=digital&sort=name';
/** What Chromium sends: the list is measured as the web app asks for it. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
/** Years of monthly figures `generate` writes (the years before the current one). */
const YEARS = 5;
const LAST_YEAR = new Date().getUTCFullYear() - 1;
const SUMMARIES = [
  { name: 'base total', path: `/api/v1/statistics/summary?period=${LAST_YEAR}-12` },
  { name: 'monthly series, 2 years', path: `/api/v1/statistics/series?figure=mainRevenue&frequency=month&from=${LAST_YEAR - 1}&to=${LAST_YEAR}` },
];
const TARGET = { listRatio: 0.3, listP99Ms: 50, importRatio: 2, importRssMb: 300, baseMs: 200, parkMs: 300 };
const DRILL = {
  base: `/api/v1/statistics/summary?period=${LAST_YEAR}-06`,
  park: `/api/v1/statistics/summary?period=${LAST_YEAR}-06&groupBy=park`,
};

const USERNAME = 'loadtester';
// Fresh each run; meets the admin policy (length, three classes, not the username).
const PASSWORD = `Bq-${randomBytes(12).toString('base64url')}-9z`;

const t0 = Date.now();
const log = (msg: string) => console.log(`[bench +${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

interface Workbook {
  file: string;
  key: string;
  ms: number;
  bytes: number;
}

interface Shared {
  work: string;
  /** Written once per variant and reused by the next database (the generated unit names are the same). */
  workbooks: Map<Variant, Workbook>;
}

function check(m: Measured, what: string): Measured {
  if (m.code !== 0) throw new Error(`${what} exited with ${m.code}:\n${(m.stderr || m.stdout).trim().slice(0, 2000)}`);
  return m;
}

async function runHttp(env: NodeJS.ProcessEnv, shared: Shared) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(NODE, [CLI, 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, cwd: ROOT, ready: () => answers(`${base}/healthz`) });
  try {
    const cookie = await login(base, USERNAME, PASSWORD);
    const units = await getJson<{ kind: string; name: string; code: string }[]>(`${base}/api/v1/units`, cookie);
    const zones = units.body.filter((u) => u.kind === 'zone').map(({ name, code }) => ({ name, code }));
    const page = await getJson<{ items: unknown[]; total: number }>(`${base}${LIST_PATH}`, cookie);
    if (page.body.items.length !== 50) throw new Error(`the list answered ${page.body.items.length} items, expected 50`);
    const payloadFile = path.join(shared.work, 'list-page.json');
    fs.writeFileSync(payloadFile, page.text);

    log('Fastify hello world (raw limit)…');
    const hello = await startServer(NODE, ['--import', 'tsx', path.join(BENCH, 'hello-server.ts'), payloadFile], {
      cwd: BENCH,
      ready: async (out) => /listening \d+/.test(out),
    });
    let raw: LoadResult;
    let sameBody: LoadResult;
    try {
      const helloPort = /listening (\d+)/.exec(hello.output())![1];
      raw = await measure(`http://127.0.0.1:${helloPort}/`, PLAN);
      log(`  ${num(raw.reqPerSec)} req/s, p99 ${raw.p99Ms} ms`);
      sameBody = await measure(`http://127.0.0.1:${helloPort}/payload`, PLAN, BROWSER);
      log(`  same body, gzipped: ${num(sameBody.reqPerSec)} req/s, p99 ${sameBody.p99Ms} ms`);
    } finally {
      await hello.stop();
    }
    log('enterprise list…');
    const list = await measure(`${base}${LIST_PATH}`, PLAN, { cookie, ...BROWSER });
    log(`  ${num(list.reqPerSec)} req/s, p99 ${list.p99Ms} ms`);
    log('signed-in floor (auth/me)…');
    const floor = await measure(`${base}/api/v1/auth/me`, PLAN, { cookie, ...BROWSER });
    log(`  ${num(floor.reqPerSec)} req/s, p99 ${floor.p99Ms} ms`);
    log('enterprise list, no Accept-Encoding…');
    const plainList = await measure(`${base}${LIST_PATH}`, PLAN, { cookie });
    log(`  ${num(plainList.reqPerSec)} req/s, p99 ${plainList.p99Ms} ms`);
    const statistics = [];
    for (const s of SUMMARIES) {
      log(`statistics ${s.name}…`);
      const bytes = Buffer.byteLength((await getJson(`${base}${s.path}`, cookie)).text);
      const result = await measure(`${base}${s.path}`, PLAN, { cookie });
      log(`  ${num(result.reqPerSec)} req/s, p99 ${result.p99Ms} ms`);
      statistics.push({ ...s, bytes, result });
    }
    log('statistics single-request latency (base total, park drill-down)…');
    const drill = { base: await latency(`${base}${DRILL.base}`, cookie), park: await latency(`${base}${DRILL.park}`, cookie) };
    log(`  base p95 ${drill.base.p95Ms} ms, park p95 ${drill.park.p95Ms} ms`);
    const usccs = await allUsccs(base, cookie);
    const bodyBytes = Buffer.byteLength(page.text);
    return { raw, sameBody, list, plainList, floor, statistics, drill, usccs, zones, total: page.body.total, bodyBytes, gzipBytes: gzipSync(page.text).length };
  } finally {
    await server.stop();
  }
}

interface ImportAttempt {
  variant: Variant;
  wb: Workbook;
  read: Measured;
  readOut: RawRead['out'];
  readsMs: number[];
  imp: Measured;
}

/** Writes (or reuses) the workbook, reads it raw, then imports it with the product CLI. */
async function importOnce(env: NodeJS.ProcessEnv, shared: Shared, zones: PlaceUnit[], variant: Variant): Promise<ImportAttempt> {
  // Labels name the units, codes carry the run's generated tag: rewrite only when what the file names changed.
  const field = variant === 'labels' ? 'name' : 'code';
  const units = [...zones].sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0));
  const key = units.map((z) => z[field]).join('|');
  let wb = shared.workbooks.get(variant);
  if (wb?.key !== key) {
    const file = path.join(shared.work, `import-${SIZE.importRows}-${variant}.xlsx`);
    log(`writing a ${num(SIZE.importRows)}-row workbook (${variant}, streaming writer)…`);
    const w = await writeImportWorkbook(file, SIZE.importRows, units, variant);
    wb = { file, key, ...w };
    shared.workbooks.set(variant, wb);
    log(`  ${num(w.bytes / 1024 / 1024, 1)} MB in ${secs(w.ms)}`);
  }
  log('exceljs streaming read of every row (raw limit, median of 3)…');
  const { read, out: readOut, allMs: readsMs } = await rawRead(NODE, BENCH, wb.file);
  if (readOut.rows !== SIZE.importRows + 1) throw new Error(`the reader saw ${readOut.rows} rows, expected ${SIZE.importRows + 1}`);
  log(`  ${readsMs.map(secs).join(', ')}; median peak RSS ${mb(read.peakRssMb)}, ${num(readOut.garbled)} cells garbled by exceljs`);
  log(`yuanqu import enterprises (${variant})…`);
  const imp = await runMeasured(NODE, [CLI, 'import', 'enterprises', wb.file], { env, cwd: ROOT });
  log(imp.code === 0 ? `  ${secs(imp.wallMs)}, peak RSS ${mb(imp.peakRssMb)}: ${imp.stdout.trim()}` : `  FAILED (exit ${imp.code}) after ${secs(imp.wallMs)}`);
  return { variant, wb, read, readOut, readsMs, imp };
}

/**
 * Imports the file a clerk would write. If exceljs garbles it (see xlsx-read.ts) the import refuses
 * it, which is reported; the same rows with ASCII codes in the enumerated columns are then imported
 * so the import still gets timed.
 */
async function runImport(env: NodeJS.ProcessEnv, shared: Shared, zones: PlaceUnit[]): Promise<ImportAttempt[]> {
  const first = await importOnce(env, shared, zones, 'labels');
  if (first.imp.code === 0) return [first];
  return [first, await importOnce(env, shared, zones, 'codes')];
}

function firstLines(m: Measured, n: number): string {
  return (m.stderr || m.stdout).trim().split('\n').slice(0, n).map((l) => l.trim()).join(' / ');
}

/** The database's own share of the last import of `kind` (see floor.ts), as a report row against the raw read. */
function floorRow(url: string, kind: FloorKind, readMs: number) {
  const f = url.startsWith('file:') ? sqliteFloor(url.slice('file:'.length), kind) : postgresFloor(url, kind);
  const what = kind === 'enterprise' ? 'its enterprises and their audit rows' : 'its reports';
  log(`  database floor: ${num(f.rows)} rows in ${secs(f.ms)}`);
  return { metric: `… database floor: the import's ${num(f.rows)} rows (${what}) stored again by INSERT … SELECT, one transaction: time · share of the 2 × budget`, measured: `${secs(f.ms)} · ${pct(f.ms / (TARGET.importRatio * readMs))}`, target: '—' };
}

async function benchDatabase(title: string, url: string, shared: Shared, extraSetup: string[], afterLoad?: () => void): Promise<DbSection> {
  const section: DbSection = { title, setup: [...extraSetup], rows: [], notes: [] };
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
  delete env.PORT;
  try {
    log(`${title}: generate --parks ${SIZE.parks} --enterprises ${num(SIZE.enterprises)}…`);
    const args = ['generate', '--parks', String(SIZE.parks), '--enterprises', String(SIZE.enterprises), '--years', String(YEARS)];
    const gen = check(await runMeasured(NODE, [CLI, ...args], { env, cwd: ROOT }), 'generate');
    log(`  ${gen.stdout.trim()}`);
    afterLoad?.();
    await runChecked(NODE, [CLI, 'user', 'create', '--username', USERNAME, '--password', PASSWORD, '--role', 'admin'], { env, cwd: ROOT });

    const http = await runHttp(env, shared);
    const ratio = http.list.reqPerSec / http.raw.reqPerSec;
    section.setup.push(
      `Dataset: \`yuanqu ${args.join(' ')}\` into a fresh database (${secs(gen.wallMs)} wall): ${num(SIZE.enterprises * YEARS * 11)} monthly reports.`,
      `List: \`GET ${LIST_PATH}\` as an admin (session cookie) with Chromium's \`Accept-Encoding: ${BROWSER['accept-encoding']}\`: 50 of ${num(http.total)} matching enterprises, ${num(http.bodyBytes / 1024)} KB of JSON sent as ${num(http.gzipBytes / 1024, 1)} KB of gzip.`,
    );
    const flag = (r: LoadResult) => (r.failures > 0 ? ` (${num(r.failures)} failed requests)` : '');
    section.rows.push(
      { metric: 'Fastify hello world, req/s · p99 (raw limit)', measured: `${num(http.raw.reqPerSec)} · ${http.raw.p99Ms} ms${flag(http.raw)}`, target: '—' },
      { metric: `Fastify sending the same page's bytes, gzipped (${num(http.gzipBytes / 1024, 1)} KB), no database (reference): req/s · p99`, measured: `${num(http.sameBody.reqPerSec)} · ${http.sameBody.p99Ms} ms${flag(http.sameBody)}`, target: '—' },
      { metric: 'Enterprise list, req/s', measured: `${num(http.list.reqPerSec)}${flag(http.list)}`, target: '—' },
      { metric: 'Enterprise list / hello world', measured: pct(ratio), target: `≥ ${pct(TARGET.listRatio)}`, pass: ratio >= TARGET.listRatio && http.list.failures === 0 },
      { metric: 'Enterprise list p99 latency (p50)', measured: `${http.list.p99Ms} ms (${http.list.p50Ms} ms)`, target: `≤ ${TARGET.listP99Ms} ms`, pass: http.list.p99Ms <= TARGET.listP99Ms && http.list.failures === 0 },
      { metric: `Enterprise list asked without Accept-Encoding (${num(http.bodyBytes / 1024)} KB plain JSON): req/s · p99 · share of hello world (reference)`, measured: `${num(http.plainList.reqPerSec)} · ${http.plainList.p99Ms} ms · ${pct(http.plainList.reqPerSec / http.raw.reqPerSec)}${flag(http.plainList)}`, target: '—' },
      { metric: 'The cheapest signed-in route (`GET /api/v1/auth/me`: the session, access check, security headers, a small answer): req/s · p99 · share of hello world (reference)', measured: `${num(http.floor.reqPerSec)} · ${http.floor.p99Ms} ms · ${pct(http.floor.reqPerSec / http.raw.reqPerSec)}${flag(http.floor)}`, target: '—' },
      ...http.statistics.map((st) => ({
        metric: `Statistics ${st.name} (\`${st.path.replace('/api/v1/statistics/', '')}\`, ${num(st.bytes / 1024)} KB): req/s · p99 · share of hello world`,
        measured: `${num(st.result.reqPerSec)} · ${st.result.p99Ms} ms · ${pct(st.result.reqPerSec / http.raw.reqPerSec)}${flag(st.result)}`,
        target: '—',
      })),
    );
    section.notes.push(
      `The list serves ${pct(http.list.reqPerSec / http.sameBody.reqPerSec)} of the rate Fastify reaches sending the same body with no work behind it: ` +
        `the rest is the product's per-request work (the session with the change counters, access and CSRF checks, the query's validation, the security headers). ` +
        `The same page is asked for throughout, so after the first request it is answered from the page kept under the change counters (enterprise-list.ts); ` +
        `the first request after a write picks the page in the database again (docs/benchmarks.md, list, fourth pass). ` +
        `${num(http.list.reqPerSec)} req/s is one answer every ${num(1000 / http.list.reqPerSec, 1)} ms; the Node process answers one request at a time, so that is roughly its cost per request. ` +
        `The cheapest signed-in route answers ${num(http.floor.reqPerSec)} req/s: the list runs at ${pct(http.list.reqPerSec / http.floor.reqPerSec)} of what any page behind the login can.`,
    );

    const drillRow = (name: string, path: string, l: { p50Ms: number; p95Ms: number; maxMs: number; bytes: number }, target: number) => ({
      metric: `Statistics ${name} (\`${path.replace('/api/v1/statistics/', '')}\`, ${num(l.bytes / 1024)} KB), one request at a time: p95 (p50 · max)`,
      measured: `${l.p95Ms} ms (${l.p50Ms} · ${l.maxMs} ms)`,
      target: `≤ ${target} ms`,
      pass: l.p95Ms <= target,
    });
    section.rows.push(drillRow('base total of a period', DRILL.base, http.drill.base, TARGET.baseMs), drillRow('park drill-down', DRILL.park, http.drill.park, TARGET.parkMs));

    const attempts = await runImport(env, shared, http.zones);
    for (const at of attempts) {
      const what = at.variant === 'labels' ? 'labels as a clerk types them (单位名称, 新材料, 工业企业, 规上, 是/否)' : 'ASCII codes in the enumerated columns (unit code, chain/category/scale keys; 是/否 columns empty)';
      section.setup.push(
        `Import file (${at.variant}): ${num(SIZE.importRows)} valid new rows × 18 columns, ${what}, inline strings, ${num(at.wb.bytes / 1024 / 1024, 1)} MB, written with the streaming WorkbookWriter in ${secs(at.wb.ms)}.`,
      );
      section.rows.push({
        metric: `exceljs streaming read of every row, ${at.variant} file (raw limit, median of 3 runs): time (all three) · peak RSS`,
        measured: `${secs(at.readOut.ms)} (${at.readsMs.map(secs).join(', ')}) · ${mb(at.read.peakRssMb)}`,
        target: '—',
      });
      section.rows.push({ metric: `… cells exceljs's own streaming reader garbles (U+FFFD), ${at.variant} file`, measured: num(at.readOut.garbled), target: '—' });
      if (at.imp.code !== 0) {
        section.rows.push({ metric: `\`yuanqu import enterprises\`, ${at.variant} file`, measured: `refused (exit ${at.imp.code}) after ${secs(at.imp.wallMs)}, peak RSS ${mb(at.imp.peakRssMb)}`, target: 'imports', pass: false });
        section.notes.push(`Import of the ${at.variant} file refused: ${firstLines(at.imp, 4)}`);
        continue;
      }
      const ratio = at.imp.wallMs / at.readOut.ms;
      const rss = at.imp.peakRssMb;
      section.rows.push(
        { metric: `\`yuanqu import enterprises FILE\`, ${at.variant} file: wall time (whole process)`, measured: secs(at.imp.wallMs), target: '—' },
        { metric: 'Import / raw read', measured: `${num(ratio, 1)} ×`, target: `≤ ${TARGET.importRatio} ×`, pass: ratio <= TARGET.importRatio },
        floorRow(url, 'enterprise', at.readOut.ms),
        { metric: 'Import peak RSS', measured: mb(rss), target: `≤ ${TARGET.importRssMb} MB`, pass: rss !== null && rss <= TARGET.importRssMb },
      );
      section.notes.push(
        `Import (${at.variant}): ${at.imp.stdout.trim()}. Reading the workbook is at most ${pct(at.readOut.ms / at.imp.wallMs)} of the import's wall time; ` +
          `the other ${secs(at.imp.wallMs - at.readOut.ms)} go to the zip-bomb check, validation, USCC matching, inserts and the hash-chained audit rows, in one transaction.`,
      );
      if (at.readOut.garbled > 0) {
        section.notes.push(
          `exceljs's streaming reader decodes ${num(at.readOut.garbled)} text cells of the ${at.variant} file with U+FFFD (a character cut at a 64 KiB chunk boundary). ` +
            'The product does not use it: apps/api/src/lib/xlsx-reader.ts decodes UTF-8 across chunks (tested in xlsx-reader.test.ts), so these cells import intact.',
        );
      }
    }
    log(`yuanqu import figures (${num(http.usccs.length * 2)} rows)…`);
    const fig = await figuresImport(NODE, CLI, BENCH, env, ROOT, shared.work, http.usccs);
    log(fig.imp.code === 0 ? `  ${secs(fig.imp.wallMs)}, peak RSS ${mb(fig.imp.peakRssMb)}: ${fig.imp.stdout.trim()}` : `  FAILED (exit ${fig.imp.code})`);
    section.setup.push(`Figures file: ${num(fig.rows)} rows (every generated enterprise's 1-2月 and 1-3月 of this year, 8 figures each), ${num(fig.bytes / 1024 / 1024, 1)} MB.`);
    const figRatio = fig.imp.wallMs / fig.readMs;
    section.rows.push(
      { metric: 'exceljs streaming read of every row, figures file (raw limit, median of 3 runs): time (all three) · peak RSS', measured: `${secs(fig.readMs)} (${fig.readsMs.map(secs).join(', ')}) · ${mb(fig.read.peakRssMb)}`, target: '—' },
      { metric: '`yuanqu import figures FILE`: wall time (whole process)', measured: fig.imp.code === 0 ? secs(fig.imp.wallMs) : `failed (exit ${fig.imp.code})`, target: '—' },
      { metric: 'Figures import / raw read', measured: `${num(figRatio, 1)} ×`, target: `≤ ${TARGET.importRatio} ×`, pass: fig.imp.code === 0 && figRatio <= TARGET.importRatio },
      ...(fig.imp.code === 0 ? [floorRow(url, 'statReports', fig.readMs)] : []),
      { metric: 'Figures import peak RSS', measured: mb(fig.imp.peakRssMb), target: `≤ ${TARGET.importRssMb} MB`, pass: fig.imp.peakRssMb !== null && fig.imp.peakRssMb <= TARGET.importRssMb },
    );
    if (fig.imp.code !== 0) section.notes.push(`Figures import failed: ${firstLines(fig.imp, 4)}`);
  } catch (err) {
    log(`${title} failed: ${err instanceof Error ? err.message : String(err)}`);
    section.notes.push(`The run failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    section.rows.push({ metric: 'run', measured: 'failed', target: 'completes', pass: false });
  }
  return section;
}

async function main(): Promise<void> {
  log('shoreline distance (in this process, before any server starts)…');
  runShorelineBench(QUICK);
  const loadAtStart = os.loadavg()[0]!;
  log(`${QUICK ? 'QUICK' : 'full'} run: building the API…`);
  await runChecked('npm', ['run', 'build', '-w', 'apps/api'], { cwd: ROOT });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yuanqu-bench-'));
  const shared: Shared = { work, workbooks: new Map() };
  const sections: DbSection[] = [];
  const done = (s: DbSection) => {
    sections.push(s);
    console.log(`\n${renderSection(s)}`);
  };

  done(await benchDatabase('SQLite', `file:${path.join(work, 'yuanqu.db')}`, shared, ['SQLite file in a temporary directory (WAL, synchronous=FULL, as the product opens it).']));

  const pgUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
  const skip = process.env.BENCH_SKIP_PG === '1' ? 'BENCH_SKIP_PG=1' : recreateBenchDatabase(pgUrl);
  if (skip) {
    log(`PostgreSQL skipped: ${skip}`);
    done({ title: 'PostgreSQL', skipped: `${skip} (set BENCH_DATABASE_URL to a database whose name contains "bench"; \`source scripts/pg-test-db.sh\` starts the local cluster).`, setup: [], rows: [], notes: [] });
  } else {
    const setup = [`PostgreSQL ${serverVersion(pgUrl)} on this machine, database \`${redact(pgUrl)}\` dropped and recreated; \`VACUUM (ANALYZE)\` after the load (autovacuum would otherwise work through the fresh reports during the measurements).`];
    done(await benchDatabase('PostgreSQL', pgUrl, shared, setup, () => analyze(pgUrl)));
  }

  const markdown = renderRun(
    {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      quick: QUICK,
      node: process.version,
      cpu: cpuModel(),
      cores: os.cpus().length,
      memoryGb: os.totalmem() / 1024 ** 3,
      rssMethod: rssMethod(),
      load: [loadAtStart, os.loadavg()[0]!],
      plan: `autocannon, ${PLAN.connections} connections, ${PLAN.warmupS} s warm-up then ${PLAN.durationS} s measured, client in the bench process; each server is a child process on the same machine`,
    },
    sections,
  );
  const reportFile = path.join(os.tmpdir(), 'yuanqu-bench-report.md');
  fs.writeFileSync(reportFile, markdown);
  if (QUICK) {
    log(`quick mode: docs/benchmarks.md left as it is; report in ${reportFile}`);
  } else {
    updateDocs(path.join(ROOT, 'docs/benchmarks.md'), markdown);
    log('docs/benchmarks.md updated');
  }
  if (process.env.BENCH_KEEP === '1') log(`kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
