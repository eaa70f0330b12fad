import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

// The figures as they stood when this migration shipped (later figures get their own migration).
const FIGURE_COLUMNS = [
  'main_revenue', 'operating_revenue', 'gross_output', 'value_added', 'total_profit', 'tax_paid',
  'employees_end', 'employees_avg', 'rd_expense', 'tech_investment', 'fixed_investment',
  'energy_kgce', 'electricity_kwh', 'cod_kg', 'ammonia_kg', 'so2_kg', 'nox_kg', 'cloud_adopted',
];

export async function up(db: Kysely<any>): Promise<void> {
  let report = db.schema
    .createTable('stat_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull());
  // Amounts in 元 and physical units are exact integers; only the CNC percentage is a float.
  for (const column of FIGURE_COLUMNS) report = report.addColumn(column, 'bigint');
  await report
    .addColumn('cnc_rate', 'double precision')
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('warnings_acknowledged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('import_batch_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // One counted (approved) report per enterprise and period; corrections supersede it.
  await db.schema
    .createIndex('stat_report_counted_idx')
    .on('stat_report')
    .columns(['enterprise_id', 'period'])
    .unique()
    .where(sql.ref('status'), '=', 'approved')
    .execute();
  await db.schema.createIndex('stat_report_period_status_idx').on('stat_report').columns(['period', 'status']).execute();
  await db.schema.createIndex('stat_report_enterprise_period_idx').on('stat_report').columns(['enterprise_id', 'period']).execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('setting').execute();
  await db.schema.dropTable('stat_report').execute();
}
