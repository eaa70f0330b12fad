import { INDICATOR_FORMULAS, type EvaluationScheme, type Indicator, type IndicatorKey, type MissingRule } from './evaluation';

const sameYearMean = { kind: 'scopeMean', factor: 1, year: 'sameYear' } as const;

function ratio(key: IndicatorKey, name: string, weight: number, missing: MissingRule = 'zero'): Indicator {
  return { key, name, formula: INDICATOR_FORMULAS[key], weight, direction: 'higher', method: { kind: 'ratio', benchmark: sameYearMean, cap: null }, missing };
}

/**
 * The default scheme, exactly methodology §1 (Zhejiang model, as 黄岩 publishes it): ratio to the
 * scope mean of the year, no cap; 规下 from 3 亩. A reference scheme, to be calibrated to the
 * local 细则 (参考方案，待按本地细则校准).
 */
export const DEFAULT_SCHEME: EvaluationScheme = {
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
        ratio('taxPerMu', '亩均税收', 30),
        ratio('valueAddedPerMu', '亩均增加值', 20),
        ratio('valueAddedPerEnergy', '单位能耗增加值', 20),
        ratio('valueAddedPerEmission', '单位排放增加值', 10, 'groupAverage'),
        ratio('laborProductivity', '全员劳动生产率', 10),
        ratio('rdIntensity', 'R&D 经费支出占主营业务收入比重', 10),
      ],
    },
    {
      key: 'belowScale',
      name: '规下工业企业（用地 3 亩及以上）',
      membership: { kind: 'belowScale', minLandMu: 3 },
      indicators: [ratio('taxPerMu', '亩均税收', 50), ratio('taxPerKwh', '单位电耗税收', 50)],
    },
  ],
  adjustmentItems: [
    { code: 'safetyProduction', label: '安全生产', kind: 'bonus', maxPoints: null },
    { code: 'energySaving', label: '节能降碳', kind: 'bonus', maxPoints: null },
    { code: 'innovation', label: '科技创新', kind: 'bonus', maxPoints: null },
    { code: 'landLeasedOut', label: '土地出租', kind: 'penalty', maxPoints: null },
  ],
  vetoItems: [
    { code: 'safetyAccident', label: '重大安全生产事故' },
    { code: 'environmentalAccident', label: '重大环境污染事故' },
    { code: 'taxCreditViolation', label: '严重税收或信用违法' },
  ],
  exemptReasons: [
    { code: 'utility', label: '电力、热力、燃气、水生产和供应，垃圾、污水处理' },
    { code: 'newInProduction', label: '投产未满 2 年' },
    { code: 'majorProject', label: '重大项目建设期' },
    { code: 'other', label: '其他（管理员注明原因）' },
  ],
  classRule: { kind: 'rankShares', shares: { A: 20, B: 40, C: 35, D: 5 } },
  policies: [
    { class: 'A', lever: 'land', text: '优先保障用地指标', value: null, unit: null },
    { class: 'A', lever: 'electricity', text: '优先保障用能指标', value: null, unit: null },
    { class: 'A', lever: 'funding', text: '优先推荐各类扶持', value: null, unit: null },
    { class: 'A', lever: 'credit', text: '信贷优先保障', value: null, unit: null },
    { class: 'B', lever: 'credit', text: '信贷积极支持', value: null, unit: null },
    { class: 'C', lever: 'credit', text: '信贷相对控制', value: null, unit: null },
    { class: 'D', lever: 'credit', text: '信贷严格限制', value: null, unit: null },
    { class: 'D', lever: 'land', text: '不得参与新增工业用地竞买', value: null, unit: null },
    { class: 'D', lever: 'funding', text: '不得参与政府评奖评优', value: null, unit: null },
    { class: 'D', lever: 'water', text: '条件具备时实行差别化用水价格（标准由市县发展改革部门确定）', value: null, unit: null },
    { class: 'D', lever: 'gas', text: '条件具备时实行差别化用气价格（标准由市县发展改革部门确定）', value: null, unit: null },
    { class: 'D', lever: 'electricity', text: '差别电价加价（连续 1 年）', value: 0.05, unit: '元/kWh', consecutive: { min: 1, max: 1 } },
    { class: 'D', lever: 'electricity', text: '差别电价加价（连续 2 年）', value: 0.1, unit: '元/kWh', consecutive: { min: 2, max: 2 } },
    { class: 'D', lever: 'electricity', text: '差别电价加价（连续 3 年及以上）', value: 0.15, unit: '元/kWh', consecutive: { min: 3, max: null } },
  ],
};
