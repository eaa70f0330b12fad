import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import type { Config } from '../config';
import { openDatabase } from '../db/database';

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.error) throw new Error(`${cmd} is needed for PostgreSQL backups: ${r.error.message}`);
  return r.status ?? 1;
}

/** Online backup: SQLite's backup API copies a consistent snapshot while the server keeps writing. */
export async function runBackup(config: Config, file: string): Promise<number> {
  if (config.database.dialect === 'postgres') return run('pg_dump', ['--format=custom', `--file=${file}`, config.database.url]);
  const { handle, close } = openDatabase(config.database);
  try {
    await handle.sqlite!.backup(file);
  } finally {
    await close();
  }
  const check = new SQLite(file, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true }) === 'ok';
  check.close();
  console.log(ok ? `backup written to ${file} (integrity ok)` : `backup ${file} failed its integrity check`);
  return ok ? 0 : 1;
}

/** Restores into DATABASE_URL; the server must be stopped. The backup is checked before it replaces anything. */
export async function runRestore(config: Config, file: string): Promise<number> {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  if (config.database.dialect === 'postgres') return run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.database.url}`, file]);
  const check = new SQLite(file, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true }) === 'ok';
  check.close();
  if (!ok) throw new Error(`${file} is not an intact SQLite database; nothing restored`);
  const target = config.database.file;
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(file, `${target}.restoring`);
  fs.renameSync(`${target}.restoring`, target);
  console.log(`restored ${target} from ${file}`);
  return 0;
}
