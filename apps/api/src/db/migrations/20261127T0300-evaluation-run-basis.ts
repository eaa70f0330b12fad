import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * A run's basis: per group, each indicator's benchmark and the lowest total of each class (JSON).
 * Results stored with it keep only their own values; the runs before it kept each result whole.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluation_run').addColumn('basis', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluation_run').dropColumn('basis').execute();
}
