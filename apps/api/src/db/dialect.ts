import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import type { Config } from '../config';

// The only place that knows which database is behind Kysely.

// pg returns int8 (count(*), sums) as strings; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export interface DialectHandle {
  dialect: Dialect;
  /** Online backup to a file (SQLite: the backup API; PostgreSQL: pg_dump, see cli/backup). */
  sqlite?: SQLite.Database;
  pool?: pg.Pool;
}

export function createDialect(database: Config['database']): DialectHandle {
  if (database.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    return { dialect: new PostgresDialect({ pool }), pool };
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL for concurrent readers, FULL so an acknowledged commit survives power loss,
  // foreign keys because SQLite leaves them off per connection.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { dialect: new SqliteDialect({ database: sqlite }), sqlite };
}

/** A case-insensitive LIKE operator for the dialect. */
export function likeOperator(database: Config['database']): 'like' | 'ilike' {
  return database.dialect === 'postgres' ? 'ilike' : 'like';
}
