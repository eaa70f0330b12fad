import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

// The figures as they stood when this migration shipped (later figures get their own migration).
const SUMMED = [
  'main_revenue', 'operating_revenue', 'gross_output', 'value_added', 'total_profit', 'tax_paid',
  'employees_end', 'employees_avg', 'rd_expense', 'tech_investment', 'fixed_investment',
  'energy_kgce', 'electricity_kwh', 'cod_kg', 'ammonia_kg', 'so2_kg', 'nox_kg', 'cloud_adopted',
];

/**
 * Counted figures pre-added per period, unit (every ancestor of the enterprise's unit, so a park's
 * row holds its zones' firms), industry and scale in that period: each figure's sum and the number
 * of firms that reported it. Statistics read a handful of these rows instead of every report.
 */
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('stat_rollup')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('industry_chain', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('reporters', 'integer', (c) => c.notNull().defaultTo(0));
  for (const column of SUMMED) {
    table = table.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0)).addColumn(`${column}_n`, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await table
    .addColumn('cnc_rate', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('cnc_rate_n', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stat_rollup_pk', ['period', 'unit_id', 'industry_chain', 'scale'])
    .execute();
  await db.schema.createIndex('stat_rollup_unit_period_idx').on('stat_rollup').columns(['unit_id', 'period']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_rollup').execute();
}
