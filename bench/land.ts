// `npm run bench:land` (after `npm run build`): the land module at 20,000 parcels, on SQLite and
// PostgreSQL — the idle-land job (target ≤ 2 s) next to the raw read of what it reads, in the same
// run — and the land page with all of them in headless Chromium (time to first render, a click, a
// zoom). Results go to stdout and (unless BENCH_QUICK=1) to docs/benchmarks.md between the `land` markers.
//
//   BENCH_QUICK=1          2,000 parcels
//   BENCH_DATABASE_URL     PostgreSQL bench database, dropped and recreated (default DEFAULT_PG_URL)
//   BENCH_SKIP_PG=1        SQLite only
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../apps/api/src/config';
import { migrateToLatest, openDatabase, type Db } from '../apps/api/src/db/database';
import { systemClock } from '../apps/api/src/lib/clock';
import { systemContext } from '../apps/api/src/modules/audit/audit.context';
import { createUser } from '../apps/api/src/modules/auth/user.service';
import { runIdleJob } from '../apps/api/src/modules/land/idle-case.job';
import { seedLand } from './land-data';
import { measureLandMap, type MapTimes } from './land-map';
import { DEFAULT_PG_URL, recreateBenchDatabase, redact } from './postgres';
import { cpuModel, num, renderSection, updateDocs, type DbSection } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
const PARCELS = QUICK ? 2_000 : 20_000;
const AS_OF = '2026-11-26';
const TARGET_JOB_MS = 2_000;
const USERNAME = 'landbench';
// Fresh each run; meets the admin policy (length, three classes, not the username).
const PASSWORD = `Lb-${randomBytes(12).toString('base64url')}-7q`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** The raw limit: reading, with no logic, the rows the job reads (candidate parcels, their status history, the cases). */
async function rawRead(db: Db): Promise<number> {
  const [, ms] = await timed(async () => {
    await db.selectFrom('parcel').select(['id', 'code', 'name', 'status', 'agreedStartOn', 'actualStartOn', 'registeredAreaSqm', 'developedAreaSqm', 'investmentYuan', 'priceYuan', 'standard', 'governmentDelay', 'holderEnterpriseId', 'unitId']).where('status', 'in', ['suppliedNotStarted', 'suspended']).execute();
    await db.selectFrom('parcelStatus').select(['parcelId', 'status', 'since']).execute();
    await db.selectFrom('idleCase').select(['id', 'parcelId', 'kind', 'idleSince', 'stage', 'version']).execute();
  });
  return ms;
}

function mapRows(m: MapTimes): DbSection['rows'] {
  return [
    { metric: `land page: parcels request (${num(m.apiBytes / 1_048_576, 1)} MB of GeoJSON)`, measured: `${num(m.apiMs)} ms`, target: '—' },
    { metric: `land page: first complete render of all ${num(m.parcels)} parcels (from navigation)`, measured: `${num(m.firstRenderMs)} ms`, target: 'report' },
    { metric: 'land page: a click on a parcel in the map until its card shows', measured: m.clickToCardMs === null ? 'no parcel hit' : `${num(m.clickToCardMs)} ms`, target: 'interactive' },
    { metric: 'land page: one zoom step until redrawn', measured: `${num(m.zoomRedrawMs)} ms`, target: 'interactive' },
  ];
}

async function measureDatabase(title: string, url: string, withMap: boolean): Promise<DbSection> {
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'silent' });
  await migrateToLatest(config.database);
  const handle = openDatabase(config.database);
  let open = true;
  try {
    const [, seedMs] = await timed(() => seedLand(handle.db, PARCELS));
    if (config.database.dialect === 'postgres') await sql`analyze`.execute(handle.db);
    const ctx = systemContext(systemClock);
    const [first, firstMs] = await timed(() => runIdleJob(handle.db, ctx, AS_OF));
    const again: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < 5; i++) {
      raw.push(await rawRead(handle.db));
      const [r, ms] = await timed(() => runIdleJob(handle.db, ctx, AS_OF));
      if (r.opened !== 0) throw new Error(`the job opened ${r.opened} cases on a second run`);
      again.push(ms);
    }
    const rawMs = median(raw);
    const againMs = median(again);
    let map: MapTimes | null = null;
    if (withMap) {
      await createUser({ db: handle.db, config }, ctx, { username: USERNAME, displayName: 'bench', password: PASSWORD, role: 'admin', departments: [], enterpriseId: null, unitIds: null, mustChangePassword: false });
      await handle.close();
      open = false;
      map = await measureLandMap(url, USERNAME, PASSWORD, PARCELS);
    }
    return {
      title,
      setup: [`${num(PARCELS)} parcels (60 m squares on a grid, 15 % 已供未动工 with agreed starts 2021–2026, 5 % 停产, 5 % of the unstarted with a government-caused delay), seeded in ${num(seedMs / 1000, 1)} s`, `as of ${AS_OF}`],
      rows: [
        { metric: `idle-land job, first run (opens ${num(first.opened)} cases)`, measured: `${num(firstMs)} ms`, target: `≤ ${num(TARGET_JOB_MS)} ms`, pass: firstMs <= TARGET_JOB_MS },
        { metric: 'idle-land job, a later run (nothing new; median of 5)', measured: `${num(againMs)} ms`, target: `≤ ${num(TARGET_JOB_MS)} ms`, pass: againMs <= TARGET_JOB_MS },
        { metric: 'raw read of the same rows (median of 5)', measured: `${num(rawMs)} ms`, target: '—' },
        { metric: 'later run ÷ raw read', measured: `${num(againMs / rawMs, 1)}×`, target: '—' },
        ...(map ? mapRows(map) : []),
      ],
      notes: [],
    };
  } finally {
    if (open) await handle.close();
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yuanqu-bench-land-'));
  const sections: DbSection[] = [];
  try {
    sections.push(await measureDatabase('SQLite (and the land page in headless Chromium)', `file:${path.join(work, 'land.db')}`, true));
    const pgUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
    const skipped = process.env.BENCH_SKIP_PG === '1' ? 'BENCH_SKIP_PG=1' : recreateBenchDatabase(pgUrl);
    sections.push(skipped ? { title: 'PostgreSQL', skipped, setup: [], rows: [], notes: [] } : await measureDatabase(`PostgreSQL (${redact(pgUrl)})`, pgUrl, false));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const markdown = [
    `## Land: the idle-land job${QUICK ? ' (quick mode: reduced size, not comparable)' : ''}`,
    '',
    '- Rerun: `npm run bench:land` at the repository root (`BENCH_QUICK=1` for a smoke run, `BENCH_SKIP_PG=1` for SQLite only).',
    `- Date: ${new Date().toISOString().slice(0, 10)}; machine: ${cpuModel()}, ${os.cpus().length} cores, Node ${process.versions.node}`,
    '',
    ...sections.map(renderSection),
  ].join('\n');
  console.log(markdown);
  if (!QUICK) updateDocs(path.join(ROOT, 'docs/benchmarks.md'), markdown, 'land');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
