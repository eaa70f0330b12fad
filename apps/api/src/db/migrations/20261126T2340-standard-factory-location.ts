import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** Where a standard factory building stands (longitude/latitude), so the land map can show it. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('standard_factory').addColumn('lon', 'double precision').execute();
  await db.schema.alterTable('standard_factory').addColumn('lat', 'double precision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('standard_factory').dropColumn('lat').execute();
  await db.schema.alterTable('standard_factory').dropColumn('lon').execute();
}
