import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** A recorded government-caused delay on a parcel (JSON: cause, note, recordedOn). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('parcel').addColumn('government_delay', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('parcel').dropColumn('government_delay').execute();
}
