import { CamelCasePlugin, Kysely, Migrator, type Transaction } from 'kysely';
import type { Config } from '../config';
import { attachHandle, createDialect, type DialectHandle } from './dialect';
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

export function migrator(db: Kysely<unknown>): Migrator {
  // Migrations run on a plain Kysely (no CamelCasePlugin): they spell snake_case names themselves.
  return new Migrator({ db, provider: migrationProvider });
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(config: Config['database']): Promise<void> {
  const raw = new Kysely<unknown>({ dialect: createDialect(config).dialect });
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
  try {
    const { error } = await migrator(raw).migrateDown();
    if (error) throw new Error(`migration down failed: ${String(error)}`);
  } finally {
    await raw.destroy();
  }
}
