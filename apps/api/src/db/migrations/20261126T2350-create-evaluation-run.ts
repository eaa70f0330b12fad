import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * 亩产效益 runs: the scheme as it was (a copy), the year, who ran it, and for every enterprise the
 * inputs it was computed from with its result — so a run never changes when source data does.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scheme_code', 'text', (c) => c.notNull())
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('enterprises', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_run_year_idx').on('evaluation_run').columns(['year', 'created_at']).execute();

  await db.schema
    .createTable('evaluation_result')
    .addColumn('run_id', 'text', (c) => c.notNull().references('evaluation_run.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('group_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('class', 'text')
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_result_pk', ['run_id', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('evaluation_result_enterprise_idx').on('evaluation_result').column('enterprise_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_result').execute();
  await db.schema.dropTable('evaluation_run').execute();
}
