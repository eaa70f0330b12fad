import {
  FIGURE_BY_KEY,
  type BenchmarkRule,
  type ClassPolicy,
  type ClassRule,
  type DenominatorTerm,
  type GroupMembership,
  type IndicatorFormula,
  type MissingRule,
  type ScoringMethod,
} from '@yuanqu/contracts';
import type { Translate } from '../../utils/zod-errors';

/** A schemes' number as written: no trailing zeros, no grouping (weights, factors, shares, thresholds). */
export const plain = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** A formula term's name: a figure's, or 用地面积（亩）. */
export function termLabel(term: DenominatorTerm, t: Translate): string {
  return term === 'landMu' ? t('schemes.landMu') : t(`figures.${term}`);
}

/** "实缴税金 ÷ 用地面积（亩）"; several denominator terms are summed: "工业增加值 ÷ (化学需氧量排放 + 氨氮排放)". */
export function formulaText(formula: IndicatorFormula, t: Translate): string {
  const terms = formula.denominator.map((term) => termLabel(term, t));
  const below = terms.length === 1 ? terms[0] : `(${terms.join(' + ')})`;
  return `${termLabel(formula.numerator, t)} ÷ ${below}`;
}

function unitOf(term: DenominatorTerm, t: Translate): string {
  return term === 'landMu' ? t('schemes.units.mu') : t(`schemes.units.${FIGURE_BY_KEY.get(term)!.unit}`);
}

/** The unit an indicator's value (and a fixed benchmark) is in, from the stored units: 元/亩, 元/千克标准煤. */
export function valueUnit(formula: IndicatorFormula, t: Translate): string {
  return `${unitOf(formula.numerator, t)}/${unitOf(formula.denominator[0]!, t)}`;
}

/** "同年本组平均值", "上年本组中位数的 1.2 倍", "固定值 26.01". */
export function benchmarkText(rule: BenchmarkRule, t: Translate): string {
  if (rule.kind === 'fixed') return t('schemes.benchmark.fixed', { value: plain(rule.value) });
  const base = t(`schemes.benchmark.${rule.kind}`, { year: t(`schemes.benchmark.${rule.year}`) });
  return rule.factor === 1 ? base : t('schemes.benchmark.times', { base, factor: plain(rule.factor) });
}

/** The scoring method and its benchmark in words: "与同年本组平均值之比 × 权重，不封顶". */
export function methodText(method: ScoringMethod, t: Translate): string {
  if (method.kind === 'minMax') return t('schemes.methodText.minMax', { floor: plain(method.floor * 100) });
  const benchmark = benchmarkText(method.benchmark, t);
  if (method.kind === 'inverseRatio') return t('schemes.methodText.inverseRatio', { benchmark });
  const cap = method.cap === null ? t('schemes.methodText.noCap') : t('schemes.methodText.cap', { cap: plain(method.cap) });
  return t('schemes.methodText.ratio', { benchmark, cap });
}

export function missingText(rule: MissingRule, t: Translate): string {
  return t(`schemes.missing.${rule}`);
}

/** Who belongs to a group: "规上工业企业", "规下工业企业，用地 3 亩及以上". */
export function membershipText(m: GroupMembership, t: Translate): string {
  return m.kind === 'belowScale' ? t('schemes.membership.belowScaleText', { mu: plain(m.minLandMu) }) : t(`schemes.membership.${m.kind}Text`);
}

/** "按组内排名：A 前 20%，B 其后 40%，C 其后 35%，D 最后 5%" or "按总分：A ≥ 120，B ≥ 100，C ≥ 50，其余为 D". */
export function classRuleText(rule: ClassRule, t: Translate): string {
  if (rule.kind === 'rankShares') return t('schemes.classRule.sharesText', { ...rule.shares });
  return t('schemes.classRule.thresholdsText', { A: plain(rule.thresholds.A), B: plain(rule.thresholds.B), C: plain(rule.thresholds.C) });
}

/** The years in a row in the class a policy needs: "连续 1 年", "连续 2–3 年", "连续 3 年及以上". */
export function consecutiveText(range: NonNullable<ClassPolicy['consecutive']>, t: Translate): string {
  if (range.max === null) return t('schemes.policies.yearsOrMore', { min: range.min });
  return range.max === range.min ? t('schemes.policies.yearsExactly', { n: range.min }) : t('schemes.policies.yearsBetween', { min: range.min, max: range.max });
}
