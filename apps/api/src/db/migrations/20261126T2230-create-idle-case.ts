import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** Idle-land cases (调查 → 认定 → 原因区分 → 处置方案 → 公开 → 救济/结案) and the acts recorded on them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idle_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcel.id'))
    .addColumn('holder_enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('idle_since', 'text', (c) => c.notNull())
    .addColumn('price_yuan', 'bigint')
    .addColumn('fee_yuan', 'bigint')
    .addColumn('cause', 'text')
    .addColumn('option', 'text')
    .addColumn('decision', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The job opens a case once per parcel, finding and idle start: running it again opens nothing.
  await db.schema.createIndex('idle_case_finding_uq').on('idle_case').columns(['parcel_id', 'kind', 'idle_since']).unique().execute();
  await db.schema.createIndex('idle_case_open_idx').on('idle_case').column('stage').where(sql.ref('stage'), '<>', 'closed').execute();

  await db.schema
    .createTable('idle_case_step')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('idle_case.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('document', 'text')
    .addColumn('note', 'text')
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idle_case_step_case_idx').on('idle_case_step').columns(['case_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idle_case_step').execute();
  await db.schema.dropTable('idle_case').execute();
}
