import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** The map's layers: parks, functional zones, the development axis and the Yangtze shorelines. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('map_layer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // park | zone | axis | shorelineMain | shorelineTributary
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    // GeoJSON in longitude/latitude: Polygon/MultiPolygon for parks and zones, LineString/MultiLineString otherwise.
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_lon', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lon', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    // 1 when drawn for illustration rather than surveyed; the source says where it comes from.
    .addColumn('approximate', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('map_layer_kind_idx').on('map_layer').columns(['kind', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('map_layer').execute();
}
