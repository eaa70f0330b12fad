// usage: tsx perf5-imp.mts enterprises|figures FILE DB
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
const orig = SQLite.prototype.prepare;
const times = new Map<string, { n: number; ms: number }>();
SQLite.prototype.prepare = function (this: SQLite.Database, text: string) {
  const st = orig.call(this, text) as SQLite.Statement;
  const key = text.replace(/\(\?(, \?)*\)(, \(\?(, \?)*\))*/g, '(…)').slice(0, 140);
  for (const m of ['all', 'get', 'run'] as const) {
    const f = (st as any)[m].bind(st);
    (st as any)[m] = (...a: unknown[]) => { const t = performance.now(); try { return f(...a); } finally { const e = times.get(key) ?? { n: 0, ms: 0 }; e.n++; e.ms += performance.now() - t; times.set(key, e); } };
  }
  return st;
} as any;
const [kind, file, db] = process.argv.slice(2);
const { loadConfig } = await import('./src/config.ts');
const { withDatabase, cliContext } = await import('./src/cli/context.ts');
const { importEnterprises } = await import('./src/modules/enterprise/enterprise-import.service.ts');
const { importFigures } = await import('./src/modules/statistics/figure-import.service.ts');
const config = loadConfig({ ...process.env, DATABASE_URL: `file:${db}`, LOG_LEVEL: 'silent' });
const t0 = performance.now();
await withDatabase(config, async ({ db }) => {
  const input = { file: fs.readFileSync(file!), idempotencyKey: null };
  const r = kind === 'enterprises' ? await importEnterprises({ db, config } as any, cliContext, input) : await importFigures({ db } as any, cliContext, { ...input, acknowledgeWarnings: false });
  console.log(r);
});
const tot = performance.now() - t0;
console.log('total ms', tot.toFixed(0));
for (const [k, v] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(v.ms.toFixed(0).padStart(6), String(v.n).padStart(6), k);
