// `npm run bench:evaluation`: the 亩产效益 run at province scale — 50,000 industrial enterprises
// from `yuanqu generate --industrial --land` — end to end through POST /api/v1/evaluation/runs
// (gather, compute, store; target ≤ 3 s) on SQLite and PostgreSQL, next to the raw limit measured
// in the same run (a plain read of the rows the gather reads + a plain insert of as many result
// rows), and the engine's compute-only rate. Results go to stdout and (unless BENCH_QUICK=1) to
// docs/benchmarks.md between the `evaluation` markers.
//
//   BENCH_QUICK=1          5,000 enterprises, 2 repetitions
//   BENCH_DATABASE_URL     PostgreSQL bench database, dropped and recreated (default DEFAULT_PG_URL)
//   BENCH_SKIP_PG=1        SQLite only
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { DEFAULT_SCHEME } from '@yuanqu/contracts';
import { buildApp } from '../apps/api/src/app';
import { cliContext } from '../apps/api/src/cli/context';
import { runGenerate } from '../apps/api/src/cli/generate';
import { loadConfig, type Config } from '../apps/api/src/config';
import { migrateToLatest, openDatabase, type Db } from '../apps/api/src/db/database';
import { isPostgres } from '../apps/api/src/db/dialect';
import { systemClock } from '../apps/api/src/lib/clock';
import { systemContext } from '../apps/api/src/modules/audit/audit.context';
import { createUser } from '../apps/api/src/modules/auth/user.service';
import { evaluate } from '../apps/api/src/modules/evaluation/evaluation';
import { createRun } from '../apps/api/src/modules/evaluation/evaluation.service';
import { gatherInputs } from '../apps/api/src/modules/evaluation/gather';
import { schemeForRun } from '../apps/api/src/modules/evaluation/scheme.service';
import { rawInsert, rawRead, resultRowsOf } from './evaluation-raw';
import { DEFAULT_PG_URL, recreateBenchDatabase, redact, serverVersion } from './postgres';
import { cpuModel, num, renderSection, updateDocs, type DbSection } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
const SIZE = { parks: QUICK ? 10 : 100, enterprises: QUICK ? 5_000 : 50_000, years: 2, industrial: true, land: true };
const REPS = QUICK ? 2 : 5;
const TARGET_MS = 3_000;
// `generate` writes whole years before the current one: evaluate the last, against the one before.
const YEAR = new Date().getUTCFullYear() - 1;
const USERNAME = 'evalbench';
const PASSWORD = `Eb-${randomBytes(12).toString('base64url')}-7q`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${num(x)} ms`;

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** A signed-in 经济发展 clerk, as the web app sends requests. */
async function clerk(app: FastifyInstance): Promise<(method: 'GET' | 'POST', url: string, body?: object) => Promise<{ status: number; json: unknown }>> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: USERNAME, password: PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const cookie = login.cookies.find((c) => c.name.endsWith('yuanqu_sid'))!;
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  return async (method, url, body) => {
    const res = await app.inject({ method, url, payload: body, headers: { cookie: `${cookie.name}=${cookie.value}`, ...(method === 'POST' ? { 'x-csrf-token': csrf } : {}) } });
    return { status: res.statusCode, json: res.json() };
  };
}

/**
 * Removes a repetition's run. The product never deletes runs: on PostgreSQL the deleted rows are
 * vacuumed away so the next repetition writes into a table as it would be in use, not one holding
 * 50,000 dead rows (SQLite reuses the freed pages itself).
 */
async function deleteRun(db: Db, id: string): Promise<void> {
  await db.deleteFrom('evaluationResult').where('runId', '=', id).execute();
  await db.deleteFrom('evaluationRun').where('id', '=', id).execute();
  if (isPostgres(db)) await sql`vacuum evaluation_result`.execute(db);
}

/** The time from the start of a service-path run to the first report of each stage, and to its end (gathering starts at 0). */
async function stages(db: Db, config: Config): Promise<Record<string, number>> {
  const marks: Record<string, number> = {};
  const start = performance.now();
  const run = await createRun({ db, config, progress: (p) => (marks[p.stage] ??= performance.now() - start) }, cliContext, YEAR, await schemeForRun(db, undefined));
  marks.end = performance.now() - start;
  await deleteRun(db, run.id);
  return marks;
}

async function describeDataset(db: Db): Promise<string> {
  const gathered = await gatherInputs(db, { unitPaths: null }, YEAR, DEFAULT_SCHEME);
  const run = evaluate(DEFAULT_SCHEME, gathered.map((g) => g.input));
  const count = (pred: (r: (typeof run.results)[number]) => boolean) => num(run.results.filter(pred).length);
  const [parcels, leases] = await Promise.all([db.selectFrom('parcel').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), db.selectFrom('parcelLease').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return (
    `${num(run.results.length)} industrial enterprises evaluated for ${YEAR}: 规上 ranked ${count((r) => r.groupKey === 'aboveScale' && r.status === 'ranked')}, ` +
    `规下 ≥ 3 亩 ranked ${count((r) => r.groupKey === 'belowScale' && r.status === 'ranked')}, T ${count((r) => r.status === 'exempt')} (utilities and firms under two years), ` +
    `out of scope ${count((r) => r.status === 'outOfScope')} (规下 under 3 亩 or without land); ${num(Number(parcels.n))} parcels, ${num(Number(leases.n))} leases`
  );
}

/** The engine alone on gathered inputs: evaluate() only, and the indicator scores it computes. */
async function computeOnly(db: Db): Promise<{ ms: number; scores: number }> {
  const inputs = (await gatherInputs(db, { unitPaths: null }, YEAR, DEFAULT_SCHEME)).map((g) => g.input);
  const times: number[] = [];
  let scores = 0;
  for (let i = 0; i < REPS; i++) {
    const [run, t] = await timed(() => evaluate(DEFAULT_SCHEME, inputs));
    times.push(t);
    scores = run.results.reduce((s, r) => s + r.indicators.length, 0);
  }
  return { ms: median(times), scores };
}

async function measureDatabase(title: string, url: string): Promise<DbSection> {
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'silent' });
  await migrateToLatest(config.database);
  const [, generateMs] = await timed(() => runGenerate(config, SIZE, systemClock));
  const sqlite = config.database.dialect === 'sqlite';
  const handle = openDatabase(config.database);
  const app = await buildApp({ config, db: handle.db, clock: systemClock });
  try {
    await app.ready();
    await createUser({ db: handle.db, config }, systemContext(systemClock), { username: USERNAME, displayName: '亩产效益基准', password: PASSWORD, role: 'staff', departments: ['economy'], enterpriseId: null, unitIds: null, mustChangePassword: false });
    const call = await clerk(app);
    const dataset = await describeDataset(handle.db);
    // One run to warm up (JIT, statement caches); its rows are the payload of the raw insert.
    const warm = await call('POST', '/api/v1/evaluation/runs', { year: YEAR });
    const warmId = (warm.json as { id: string }).id;
    const payload = await resultRowsOf(handle.db, warmId);
    await deleteRun(handle.db, warmId);
    const runs: number[] = [];
    const reads: number[] = [];
    const inserts: number[] = [];
    const cpus: number[] = [];
    let enterprises = 0;
    for (let i = 0; i < REPS; i++) {
      reads.push(await rawRead(handle.db, YEAR, DEFAULT_SCHEME));
      inserts.push(await rawInsert(handle.db, payload));
      const token = randomUUID();
      const cpu = process.cpuUsage();
      const [res, t] = await timed(() => call('POST', '/api/v1/evaluation/runs', { year: YEAR, progressToken: token }));
      if (res.status !== 201) throw new Error(`run failed: ${res.status} ${JSON.stringify(res.json)}`);
      runs.push(t);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      const run = res.json as { id: string; enterprises: number };
      enterprises = run.enterprises;
      const progress = (await call('GET', `/api/v1/evaluation/runs/progress/${token}`)).json as { stage: string; done: number; total: number };
      if (progress.stage !== 'done' || progress.total !== run.enterprises) throw new Error(`progress after the run: ${JSON.stringify(progress)}`);
      await deleteRun(handle.db, run.id);
    }
    const marks = await stages(handle.db, config);
    const compute = await computeOnly(handle.db);
    const [runMs, readMs, insertMs] = [median(runs), median(reads), median(inserts)];
    return {
      title,
      setup: [
        `Dataset: \`yuanqu generate --parks ${SIZE.parks} --enterprises ${SIZE.enterprises} --years 2 --industrial --land\` into a fresh database (${num(generateMs / 1000, 1)} s): ${dataset}; approved monthly reports of ${YEAR - 1} and ${YEAR}.`,
        `Run: \`POST /api/v1/evaluation/runs {year: ${YEAR}, progressToken}\` as a 经济发展 clerk (app.inject, in process), the reference scheme; each repetition's run deleted (and on PostgreSQL vacuumed away) before the next. ${REPS} repetitions after one warm-up, median.`,
        'Raw limit: one plain query each for the enterprises, the figures the reference scheme reads from their 1-12月 reports, parcels and leases (no chunks, no logic), plus the warm-up run’s result rows inserted again as they are (already serialised) in one transaction.',
      ],
      rows: [
        { metric: `run end to end, ${num(enterprises)} enterprises (median of ${REPS}; fastest–slowest)`, measured: `${ms(runMs)} (${num(Math.min(...runs))}–${num(Math.max(...runs))})`, target: `≤ ${num(TARGET_MS)} ms`, pass: runMs <= TARGET_MS },
        { metric: `CPU time of the API process during the run (median; ${sqlite ? 'all of the work: about the run on an idle core' : 'PostgreSQL’s own work not included'})`, measured: ms(median(cpus)), target: '—' },
        { metric: 'stages of one run (service path): gathering · computing · storing', measured: `${ms(marks.computing!)} · ${ms(marks.storing! - marks.computing!)} · ${ms(marks.end! - marks.storing!)}`, target: '—' },
        { metric: 'raw read of the same rows (median)', measured: ms(readMs), target: '—' },
        { metric: `raw insert of ${num(payload.length)} result rows (median)`, measured: ms(insertMs), target: '—' },
        { metric: 'run ÷ (raw read + raw insert)', measured: `${num(runMs / (readMs + insertMs), 1)}×`, target: '—' },
        { metric: `compute only: evaluate() on the gathered inputs (median of ${REPS})`, measured: `${ms(compute.ms)} · ${num(compute.scores)} indicator scores · ${num((compute.scores / compute.ms) * 1000)} scores/s`, target: 'report' },
      ],
      notes: [],
    };
  } finally {
    await app.close();
    await handle.close();
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yuanqu-bench-evaluation-'));
  const sections: DbSection[] = [];
  const load = [os.loadavg()[0]!];
  try {
    sections.push(await measureDatabase('SQLite (WAL, synchronous=FULL, as the product opens it)', `file:${path.join(work, 'evaluation.db')}`));
    const pgUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
    const skipped = process.env.BENCH_SKIP_PG === '1' ? 'BENCH_SKIP_PG=1' : recreateBenchDatabase(pgUrl);
    sections.push(skipped ? { title: 'PostgreSQL', skipped, setup: [], rows: [], notes: [] } : await measureDatabase(`PostgreSQL ${serverVersion(pgUrl)} (${redact(pgUrl)})`, pgUrl));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  load.push(os.loadavg()[0]!);
  const markdown = [
    `## 亩产效益: a run at province scale${QUICK ? ' (quick mode: reduced size, not comparable)' : ''}`,
    '',
    '- Rerun: `npm run bench:evaluation` at the repository root (`BENCH_QUICK=1` for a smoke run, `BENCH_SKIP_PG=1` for SQLite only).',
    `- Date: ${new Date().toISOString().slice(0, 10)}; machine: ${cpuModel()}, ${os.cpus().length} cores, ${num(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.versions.node}; 1-minute load average ${num(load[0]!, 2)} at the start, ${num(load[1]!, 2)} at the end (other work on the same cores inflates every figure)`,
    '',
    ...sections.map(renderSection),
  ].join('\n');
  console.log(markdown);
  if (!QUICK) updateDocs(path.join(ROOT, 'docs/benchmarks.md'), markdown, 'evaluation');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
