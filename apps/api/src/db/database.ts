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
  const compiled = compiledByShape<R>(1);
  return async (db, ...params) => (await db.executeQuery(compiled(db, '', params, () => build(db, ...params)))).rows;
}

/**
 * `compiledOnce` for a query whose text also depends on a few choices (which filters apply, the
 * sort): each shape is built and compiled once per database (the last `max` shapes kept), and
 * later calls of that shape bind their own values to its text. `shape` must name everything the
 * text depends on other than the values, and the builder must bind exactly `params`, in order:
 * checked on each shape's first compile, which throws otherwise.
 */
export function compiledByShape<R>(max = 500): (db: Db, shape: string, params: readonly unknown[], build: () => Compilable<R>) => CompiledQuery<R> {
  const texts = new WeakMap<Db, Map<string, string>>();
  return (db, shape, params, build) => {
    let byShape = texts.get(db);
    if (!byShape) texts.set(db, (byShape = new Map()));
    let text = byShape.get(shape);
    if (text === undefined) {
      const query = build().compile();
      if (!isDeepStrictEqual([...query.parameters], [...params])) throw new Error('compiledByShape: the query binds values other than its parameters');
      if (byShape.size >= max) byShape.clear();
      byShape.set(shape, (text = query.sql));
    }
    return CompiledQuery.raw(text, [...params]) as CompiledQuery<R>;
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
