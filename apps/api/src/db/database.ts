import { isDeepStrictEqual } from 'node:util';
import { CamelCasePlugin, CompiledQuery, Kysely, Migrator, type Compilable, type Transaction } from 'kysely';
import type { Config } from '../config';
import { attachHandle, createDialect, forgetColumnTypes, type DialectHandle } from './dialect';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  handle: DialectHandle;
  config: Config['database'];
  close(): Promise<void>;
}

export function openDatabase(config: Config['database']): DatabaseHandle {
  const handle = createDialect(config);
  const db = new Kysely<Database>({ dialect: handle.dialect, plugins: [new CamelCasePlugin()] });
  attachHandle(db, handle);
  return { db, handle, config, close: () => db.destroy() };
}

/**
 * A query whose SQL text never changes, built and compiled by Kysely once per database; each call
 * runs that text with its own parameter values. For the small queries every request runs, where
 * building and compiling cost more than the database's work (the session lookup: 40 of its 52 µs
 * on SQLite). The builder must bind exactly the values it is given, in order, and nothing else:
 * checked on the first compile, which throws otherwise.
 */
export function compiledOnce<P extends unknown[], R>(build: (db: Db, ...params: P) => Compilable<R>): (db: Db, ...params: P) => Promise<R[]> {
  const compiled = new WeakMap<Db, CompiledQuery<R>>();
  return async (db, ...params) => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, ...params).compile();
      if (!isDeepStrictEqual([...query.parameters], params)) throw new Error('compiledOnce: the query binds values other than its parameters');
      compiled.set(db, query);
    }
    return (await db.executeQuery(CompiledQuery.raw(query.sql, params) as CompiledQuery<R>)).rows;
  };
}

export function migrator(db: Kysely<unknown>): Migrator {
  // Migrations run on a plain Kysely (no CamelCasePlugin): they spell snake_case names themselves.
  return new Migrator({ db, provider: migrationProvider });
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(config: Config['database']): Promise<void> {
  const raw = new Kysely<unknown>({ dialect: createDialect(config).dialect });
  forgetColumnTypes();
  try {
    const { error, results } = await migrator(raw).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`migration ${failed} failed: ${String(error)}`);
    }
  } finally {
    await raw.destroy();
  }
}

/** Undoes the most recent migration (CI runs up → down → up on both databases). */
export async function migrateDownOne(config: Config['database']): Promise<void> {
  const raw = new Kysely<unknown>({ dialect: createDialect(config).dialect });
  forgetColumnTypes();
  try {
    const { error } = await migrator(raw).migrateDown();
    if (error) throw new Error(`migration down failed: ${String(error)}`);
  } finally {
    await raw.destroy();
  }
}
