import { spawnSync } from 'node:child_process';

// PostgreSQL is reached through `psql` (the client the Debian server package installs), so the
// bench needs no database driver of its own.

export const DEFAULT_PG_URL = 'postgres://yuanqu:yuanqu_test_pw@127.0.0.1:5432/yuanqu_bench';

function psql(url: string, sql: string): { ok: boolean; out: string } {
  const r = spawnSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql], {
    encoding: 'utf8',
    env: { ...process.env, PGCONNECT_TIMEOUT: '5' },
  });
  if (r.error) return { ok: false, out: r.error.message };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Drops and recreates the bench database named in `url` (through the server's `postgres`
 * database), so every run starts from nothing. Returns why PostgreSQL is skipped, or undefined.
 * Refuses a database whose name does not say it is for benchmarks: this drops it.
 */
export function recreateBenchDatabase(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/bench/i.test(name)) return `refusing to drop database "${name}": its name must contain "bench"`;
  if (!/^[A-Za-z0-9_]+$/.test(name)) return `unexpected database name "${name}"`;
  const admin = withDatabase(url, 'postgres');
  const ping = psql(admin, 'select 1');
  if (!ping.ok) return `cannot connect to ${redact(admin)}: ${ping.out.split('\n')[0]}`;
  const dropped = psql(admin, `drop database if exists ${name} with (force)`);
  if (!dropped.ok) return `cannot drop ${name}: ${dropped.out.split('\n')[0]}`;
  const owner = decodeURIComponent(new URL(url).username);
  // The role needs CREATEDB (scripts/pg-test-db.sh grants it); as root, fall back to the postgres superuser.
  let created = psql(admin, `create database ${name} encoding 'UTF8' template template0`);
  if (!created.ok && process.getuid?.() === 0) {
    const su = spawnSync('su', ['postgres', '-c', `psql -X -q -c "create database ${name} owner ${owner} encoding 'UTF8' template template0"`], { encoding: 'utf8', cwd: '/' });
    created = { ok: su.status === 0, out: `${su.stdout}${su.stderr}`.trim() };
  }
  if (!created.ok) return `cannot create ${name}: ${created.out.split('\n')[0]}`;
  return undefined;
}

/**
 * Refreshes planner statistics after the bulk load, as autovacuum would within its next naptime:
 * measured before that, the freshly loaded tables still look empty and plans are nested loops.
 */
export function analyze(url: string): void {
  // The whole database: autovacuum would otherwise work through millions of fresh reports during the load runs.
  const r = psql(url, 'vacuum (analyze)');
  if (!r.ok) throw new Error(`vacuum analyze failed: ${r.out}`);
}

export function serverVersion(url: string): string {
  const r = psql(url, 'show server_version');
  return r.ok ? r.out.split(' ')[0]! : 'unknown';
}

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
