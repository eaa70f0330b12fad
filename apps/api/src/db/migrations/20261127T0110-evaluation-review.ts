import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * 亩产效益 review and publication: who submitted, reviewed and published a run; staff
 * adjustments (加分/减分, 一票否决, T) with reason and evidence; the years an enterprise has stood
 * in the same class; and the enterprises' objections (异议) with the committee's answers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'review_note', 'published_by', 'published_at']) {
    await db.schema.alterTable('evaluation_run').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('evaluation_result').addColumn('consecutive', 'integer').execute();

  await db.schema
    .createTable('evaluation_adjustment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('evaluation_run.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_adjustment_run_idx').on('evaluation_adjustment').columns(['run_id', 'enterprise_id']).execute();

  await db.schema
    .createTable('evaluation_objection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('evaluation_run.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_objection_run_idx').on('evaluation_objection').columns(['run_id', 'enterprise_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_objection').execute();
  await db.schema.dropTable('evaluation_adjustment').execute();
  await db.schema.alterTable('evaluation_result').dropColumn('consecutive').execute();
  for (const column of ['published_at', 'published_by', 'review_note', 'reviewed_at', 'reviewed_by', 'submitted_at', 'submitted_by']) {
    await db.schema.alterTable('evaluation_run').dropColumn(column).execute();
  }
}
