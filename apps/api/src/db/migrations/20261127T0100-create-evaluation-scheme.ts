import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

const mean = { kind: 'scopeMean', factor: 1, year: 'sameYear' };
const ratio = (key: string, name: string, weight: number, numerator: string, denominator: string[], missing = 'zero') => ({
  key,
  name,
  formula: { numerator, denominator },
  weight,
  direction: 'higher',
  method: { kind: 'ratio', benchmark: mean, cap: null },
  missing,
});
const item = (code: string, label: string) => ({ code, label });
const policy = (cls: string, lever: string, text: string, value: number | null = null, unit: string | null = null) => ({ class: cls, lever, text, value, unit });

/**
 * The reference scheme as it stood when schemes became data (DEFAULT_SCHEME of
 * packages/contracts, methodology §1), copied here so this migration stays what it was.
 */
const REFERENCE = {
  code: 'reference',
  version: 1,
  name: '亩产效益综合评价参考方案（待按本地细则校准）',
  reference: true,
  groups: [
    {
      key: 'aboveScale',
      name: '规上工业企业',
      membership: { kind: 'aboveScale' },
      indicators: [
        ratio('taxPerMu', '亩均税收', 30, 'taxPaid', ['landMu']),
        ratio('valueAddedPerMu', '亩均增加值', 20, 'valueAdded', ['landMu']),
        ratio('valueAddedPerEnergy', '单位能耗增加值', 20, 'valueAdded', ['energyKgce']),
        ratio('valueAddedPerEmission', '单位排放增加值', 10, 'valueAdded', ['codKg', 'ammoniaKg', 'so2Kg', 'noxKg'], 'groupAverage'),
        ratio('laborProductivity', '全员劳动生产率', 10, 'valueAdded', ['employeesAvg']),
        ratio('rdIntensity', 'R&D 经费支出占主营业务收入比重', 10, 'rdExpense', ['mainRevenue']),
      ],
    },
    {
      key: 'belowScale',
      name: '规下工业企业（用地 3 亩及以上）',
      membership: { kind: 'belowScale', minLandMu: 3 },
      indicators: [ratio('taxPerMu', '亩均税收', 50, 'taxPaid', ['landMu']), ratio('taxPerKwh', '单位电耗税收', 50, 'taxPaid', ['electricityKwh'])],
    },
  ],
  adjustmentItems: [
    { ...item('safetyProduction', '安全生产'), kind: 'bonus', maxPoints: null },
    { ...item('energySaving', '节能降碳'), kind: 'bonus', maxPoints: null },
    { ...item('innovation', '科技创新'), kind: 'bonus', maxPoints: null },
    { ...item('landLeasedOut', '土地出租'), kind: 'penalty', maxPoints: null },
  ],
  vetoItems: [item('safetyAccident', '重大安全生产事故'), item('environmentalAccident', '重大环境污染事故'), item('taxCreditViolation', '严重税收或信用违法')],
  exemptReasons: [
    item('utility', '电力、热力、燃气、水生产和供应，垃圾、污水处理'),
    item('newInProduction', '投产未满 2 年'),
    item('majorProject', '重大项目建设期'),
    item('other', '其他（管理员注明原因）'),
  ],
  classRule: { kind: 'rankShares', shares: { A: 20, B: 40, C: 35, D: 5 } },
  policies: [
    policy('A', 'land', '优先保障用地指标'),
    policy('A', 'electricity', '优先保障用能指标'),
    policy('A', 'funding', '优先推荐各类扶持'),
    policy('A', 'credit', '信贷优先保障'),
    policy('B', 'credit', '信贷积极支持'),
    policy('C', 'credit', '信贷相对控制'),
    policy('D', 'credit', '信贷严格限制'),
    policy('D', 'land', '不得参与新增工业用地竞买'),
    policy('D', 'funding', '不得参与政府评奖评优'),
    policy('D', 'water', '条件具备时实行差别化用水价格（标准由市县发展改革部门确定）'),
    policy('D', 'gas', '条件具备时实行差别化用气价格（标准由市县发展改革部门确定）'),
    { ...policy('D', 'electricity', '差别电价加价（连续 1 年）', 0.05, '元/kWh'), consecutive: { min: 1, max: 1 } },
    { ...policy('D', 'electricity', '差别电价加价（连续 2 年）', 0.1, '元/kWh'), consecutive: { min: 2, max: 2 } },
    { ...policy('D', 'electricity', '差别电价加价（连续 3 年及以上）', 0.15, '元/kWh'), consecutive: { min: 3, max: null } },
  ],
};

/**
 * 亩产效益 schemes as versioned data the committee edits: one row per version of a scheme, the
 * scheme itself as JSON, frozen once a run used it, with the version it was copied from. The
 * reference scheme is the first row. Runs record which version they used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_scheme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('frozen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('based_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('evaluation_scheme_code_version_uq', ['code', 'scheme_version'])
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('evaluation_scheme')
    .values({ id: randomUUID(), code: REFERENCE.code, scheme_version: 1, name: REFERENCE.name, body: JSON.stringify(REFERENCE), frozen: 0, based_on: null, created_by: 'system', created_at: now, updated_at: now, version: 1 })
    .execute();
  // No foreign key: SQLite cannot drop a column a foreign key names, and runs keep their own copy of the scheme anyway.
  await db.schema.alterTable('evaluation_run').addColumn('scheme_id', 'text').execute();
  await db.schema.createIndex('evaluation_run_scheme_idx').on('evaluation_run').column('scheme_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evaluation_run_scheme_idx').execute();
  await db.schema.alterTable('evaluation_run').dropColumn('scheme_id').execute();
  await db.schema.dropTable('evaluation_scheme').execute();
}
