import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

// The enterprise list keeps the exact total of each filter until one of these tables changes.
// Triggers count the changes, so every writer is seen — the API, `yuanqu import` in another
// process, a hand-run UPDATE — and the count commits or rolls back with the write itself.
// SQLite has only row triggers (a 100,000-row import pays about 25 ms); PostgreSQL counts once
// per statement. The SQL stays in this file, not dialect.ts, so the migration cannot drift.

const TABLES = ['enterprise', 'enterprise_qualification', 'unit'] as const;
const OPS = ['insert', 'update', 'delete'] as const;

const isSqlite = (db: Kysely<any>) => sql`${0}`.compile(db).sql === '?';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_counter')
    .addColumn('table_name', 'text', (c) => c.primaryKey())
    .addColumn('changes', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('change_counter').values(TABLES.map((t) => ({ table_name: t, changes: 0 }))).execute();
  if (isSqlite(db)) {
    for (const t of TABLES) {
      for (const op of OPS) {
        await sql
          .raw(`create trigger ${t}_${op}_counted after ${op} on ${t} begin update change_counter set changes = changes + 1 where table_name = '${t}'; end`)
          .execute(db);
      }
    }
    return;
  }
  await sql
    .raw(
      `create function change_counter_bump() returns trigger language plpgsql as $$
       begin update change_counter set changes = changes + 1 where table_name = TG_TABLE_NAME; return null; end $$`,
    )
    .execute(db);
  for (const t of TABLES) {
    await sql.raw(`create trigger ${t}_counted after insert or update or delete on ${t} for each statement execute function change_counter_bump()`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const t of TABLES) for (const op of OPS) await sql.raw(`drop trigger ${t}_${op}_counted`).execute(db);
  } else {
    for (const t of TABLES) await sql.raw(`drop trigger ${t}_counted on ${t}`).execute(db);
    await sql.raw('drop function change_counter_bump()').execute(db);
  }
  await db.schema.dropTable('change_counter').execute();
}
