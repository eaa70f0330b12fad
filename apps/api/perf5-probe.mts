import SQLite from 'better-sqlite3';
const orig = SQLite.prototype.prepare;
const times = new Map<string, { n: number; ms: number }>();
SQLite.prototype.prepare = function (this: SQLite.Database, text: string) {
  const st = orig.call(this, text) as SQLite.Statement;
  for (const m of ['all', 'get', 'run'] as const) {
    const f = (st as any)[m].bind(st);
    (st as any)[m] = (...a: unknown[]) => { const t = performance.now(); try { return f(...a); } finally { const e = times.get(text) ?? { n: 0, ms: 0 }; e.n++; e.ms += performance.now() - t; times.set(text, e); } };
  }
  return st;
} as any;
const { loadConfig } = await import('./src/config.ts');
const { openDatabase } = await import('./src/db/database.ts');
const { buildApp } = await import('./src/app.ts');
const { SystemClock } = await import('./src/lib/clock.ts').catch(() => ({ SystemClock: undefined }));
const config = loadConfig({ ...process.env, DATABASE_URL: 'file:/tmp/perf5/base.db', LOG_LEVEL: 'silent' });
const h = openDatabase(config.database);
const clock = { now: () => new Date() };
const app = await buildApp({ config, db: h.db, clock } as any);
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'loadtester', password: 'Bq-Perf5-test-Passw0rd-9z' } });
const c = login.cookies.find((x) => x.name.endsWith('yuanqu_sid'))!;
const url = '/api/v1/enterprises?page=1&pageSize=50&industryChain=digital&sort=name';
for (let i = 0; i < 300; i++) await app.inject({ url, headers: { cookie: `${c.name}=${c.value}` } });
times.clear();
const N = 2000; const t0 = performance.now();
for (let i = 0; i < N; i++) await app.inject({ url, headers: { cookie: `${c.name}=${c.value}` } });
const tot = performance.now() - t0;
console.log('per request ms', (tot / N).toFixed(3));
for (const [k, v] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log((v.ms / N).toFixed(4), v.n / N, k.slice(0, 160));
await app.close(); await h.close();
