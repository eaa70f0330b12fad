import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

// The enterprise list filters by industry chain and sorts by name (then id): with this index a page
// is read in order, stopping after pageSize rows, and the total is counted from the index alone
// instead of one table read per matching row. It serves every lookup the single-column
// industry_chain index did, so that one goes.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enterprise_industry_chain_status_name_id_idx').on('enterprise').columns(['industry_chain', 'status', 'name', 'id']).execute();
  await db.schema.dropIndex('enterprise_industry_chain_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enterprise_industry_chain_idx').on('enterprise').column('industry_chain').execute();
  await db.schema.dropIndex('enterprise_industry_chain_status_name_id_idx').execute();
}
