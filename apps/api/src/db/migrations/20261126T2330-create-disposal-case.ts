import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** Low-efficiency land disposal cases (低效用地处置, 一企一策): parcels, dated states, milestones. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disposal_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON of { indicator, year, value, benchmark } (万元/亩), or null.
    .addColumn('figure', 'text')
    .addColumn('incoming_enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('incoming_project', 'text')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('responsible_person', 'text')
    .addColumn('start_on', 'text')
    .addColumn('deadline_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disposal_case_enterprise_idx').on('disposal_case').column('enterprise_id').execute();

  await db.schema
    .createTable('disposal_case_parcel')
    .addColumn('case_id', 'text', (c) => c.notNull().references('disposal_case.id'))
    .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcel.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('disposal_case_parcel_pk', ['case_id', 'parcel_id'])
    .execute();
  await db.schema.createIndex('disposal_case_parcel_parcel_idx').on('disposal_case_parcel').column('parcel_id').execute();

  // Every state a case has been in, from when, by whom, and why (a termination says why).
  await db.schema
    .createTable('disposal_case_state')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disposal_case.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disposal_case_state_case_idx').on('disposal_case_state').columns(['case_id', 'since']).execute();

  await db.schema
    .createTable('disposal_milestone')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disposal_case.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('owner', 'text')
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disposal_milestone_case_idx').on('disposal_milestone').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disposal_milestone').execute();
  await db.schema.dropTable('disposal_case_state').execute();
  await db.schema.dropTable('disposal_case_parcel').execute();
  await db.schema.dropTable('disposal_case').execute();
}
