import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

const COLUMNS = ['run_id', 'enterprise_id', 'group_key', 'status', 'total', 'rank', 'class', 'inputs', 'result', 'consecutive'] as const;

/** The result table rebuilt with its rows, its enterprise column referencing `enterprise` or not. */
async function rebuild(db: Kysely<any>, referencesEnterprise: boolean): Promise<void> {
  await db.schema.createTable('evaluation_result_copy').as(db.selectFrom('evaluation_result').select(COLUMNS)).execute();
  await db.schema.dropTable('evaluation_result').execute();
  await db.schema
    .createTable('evaluation_result')
    .addColumn('run_id', 'text', (c) => c.notNull().references('evaluation_run.id'))
    .addColumn('enterprise_id', 'text', (c) => (referencesEnterprise ? c.notNull().references('enterprise.id') : c.notNull()))
    .addColumn('group_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('class', 'text')
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('consecutive', 'integer')
    .addPrimaryKeyConstraint('evaluation_result_pk', ['run_id', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('evaluation_result_enterprise_idx').on('evaluation_result').column('enterprise_id').execute();
  await db.insertInto('evaluation_result').columns(COLUMNS).expression(db.selectFrom('evaluation_result_copy').select(COLUMNS)).execute();
  await db.schema.dropTable('evaluation_result_copy').execute();
}

/**
 * A run's results no longer have the database check each enterprise id against `enterprise`:
 * on PostgreSQL that check locks every evaluated enterprise's row (FOR KEY SHARE), rewriting
 * 50,000 enterprise rows per province-scale run, a third of the time the results take to store.
 * The results are written only by the run that gathered them from `enterprise`, enterprises are
 * archived rather than deleted, and a result keeps the enterprise's name as it was.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, false);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuild(db, true);
}
