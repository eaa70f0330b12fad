import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('parcel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    // GeoJSON Polygon/MultiPolygon in longitude/latitude; the bounding box beside it for map queries.
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_lon', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lon', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('registered_area_sqm', 'double precision', (c) => c.notNull())
    .addColumn('computed_area_sqm', 'double precision', (c) => c.notNull())
    .addColumn('land_use', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('holder_enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('tenure', 'text')
    .addColumn('price_yuan', 'bigint')
    .addColumn('contract_signed_on', 'text')
    .addColumn('agreed_start_on', 'text')
    .addColumn('agreed_completion_on', 'text')
    .addColumn('standard', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actual_start_on', 'text')
    .addColumn('developed_area_sqm', 'double precision')
    .addColumn('investment_yuan', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('parcel_holder_idx').on('parcel').column('holder_enterprise_id').execute();
  await db.schema.createIndex('parcel_unit_idx').on('parcel').column('unit_id').execute();

  await db.schema
    .createTable('parcel_lease')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcel.id'))
    .addColumn('lessee_enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('area_sqm', 'double precision', (c) => c.notNull())
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('parcel_lease_parcel_idx').on('parcel_lease').column('parcel_id').execute();
  await db.schema.createIndex('parcel_lease_lessee_idx').on('parcel_lease').column('lessee_enterprise_id').execute();

  // Every status a parcel has had, from when: the idle-land rules read this history.
  await db.schema
    .createTable('parcel_status')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcel.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('parcel_status_parcel_idx').on('parcel_status').columns(['parcel_id', 'since']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('parcel_status').execute();
  await db.schema.dropTable('parcel_lease').execute();
  await db.schema.dropTable('parcel').execute();
}
