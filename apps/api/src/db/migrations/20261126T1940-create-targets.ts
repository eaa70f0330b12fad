import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

type Default = [code: string, name: string, metric: string, figure: string | null, scale: string | null, unit: string, target: number, department: string, extra?: Record<string, unknown>];

/**
 * The plan's targets for 2025 (城东工业基地产业发展规划 三(四)), measured from 2022, the year of the
 * plan's published figures. 重点企业 for the CNC rate are taken as the 规上 firms. Land-based
 * indicators are measured by the land module and carry no verdict until it is connected.
 */
const DEFAULTS: Default[] = [
  ['mainRevenue2025', '主营业务收入突破100亿元', 'sum', 'mainRevenue', null, 'yuan', 10_000_000_000, 'economy'],
  ['grossOutput2025', '工业总产值达到100亿元', 'sum', 'grossOutput', null, 'yuan', 10_000_000_000, 'economy'],
  ['newAboveScale2025', '新增规模以上工业企业5家以上', 'newAboveScale', null, null, 'count', 5, 'economy'],
  ['largeFirms2025', '引进培育亿元以上企业2家', 'newLargeFirms', 'mainRevenue', null, 'count', 2, 'investment', { threshold: 100_000_000 }],
  ['rdGrowth2025', '规上工业企业R&D经费支出年均增长35%以上', 'growth', 'rdExpense', 'above', 'percent', 0.35, 'economy'],
  ['cloudShare2025', '80%以上企业上云入网进平台', 'share', 'cloudAdopted', null, 'percent', 0.8, 'economy'],
  ['cloudShareAbove2025', '规上企业上云100%', 'share', 'cloudAdopted', 'above', 'percent', 1, 'economy'],
  ['cncRate2025', '重点企业装备数控化率达到65%以上', 'mean', 'cncRate', 'above', 'percent', 0.65, 'economy'],
  ['techInvestGrowth2025', '工业技改投资年均增长35%以上', 'growth', 'techInvestment', null, 'percent', 0.35, 'project'],
  ['standardFactory2025', '每年新增标准厂房10万平方米以上', 'external', null, null, 'sqm', 100_000, 'land'],
  ['provincialSrdi2025', '培育2家以上省级专精特新中小企业', 'qualifications', null, null, 'count', 2, 'service', { qualification: 'provincialSrdi' }],
  ['investIntensity', '工业亩均投资强度明显提升', 'external', null, null, 'yuanPerMu', 0, 'land', { trend_only: 1 }],
  ['outputIntensity', '工业产出强度明显提升', 'external', null, null, 'yuanPerMu', 0, 'land', { trend_only: 1 }],
  ['taxPerMu', '工业亩均税收明显提升', 'external', null, null, 'yuanPerMu', 0, 'land', { trend_only: 1 }],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stat_target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('figure', 'text')
    .addColumn('scale', 'text')
    .addColumn('qualification', 'text')
    .addColumn('threshold', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('baseline_year', 'integer', (c) => c.notNull())
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('trend_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('risk_ratio', 'double precision', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('stat_target')
    .values(
      DEFAULTS.map(([code, name, metric, figure, scale, unit, target, department, extra], i) => ({
        id: randomUUID(),
        code,
        name,
        metric,
        figure,
        scale,
        qualification: null,
        threshold: null,
        unit,
        target_value: target,
        baseline_year: 2022,
        target_year: 2025,
        trend_only: 0,
        risk_ratio: 0.9,
        department,
        source: '城东工业基地产业发展规划 三(四)',
        sort_order: i,
        status: 'active',
        version: 1,
        created_at: now,
        updated_at: now,
        ...extra,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_target').execute();
}
