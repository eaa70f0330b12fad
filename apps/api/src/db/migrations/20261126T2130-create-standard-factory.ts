import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** Standard factory buildings (标准厂房), and the plan's ≥ 10万㎡ a year target now measured from them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('standard_factory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('parcel_id', 'text', (c) => c.references('parcel.id'))
    .addColumn('completed_on', 'text')
    .addColumn('floors', 'integer', (c) => c.notNull())
    .addColumn('floor_area_sqm', 'double precision', (c) => c.notNull())
    // JSON array of { enterpriseId, areaSqm }.
    .addColumn('occupants', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standard_factory_completed_idx').on('standard_factory').column('completed_on').execute();
  await sql`update stat_target set metric = 'factoryArea' where code = 'standardFactory2025' and metric = 'external'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update stat_target set metric = 'external' where code = 'standardFactory2025' and metric = 'factoryArea'`.execute(db);
  await db.schema.dropTable('standard_factory').execute();
}
