import {
  indicatorDisplay,
  type BenchmarkRule,
  type ClassPolicy,
  type ClassRule,
  type DenominatorTerm,
  type GroupMembership,
  type Indicator,
  type IndicatorFormula,
  type MissingRule,
} from '@yuanqu/contracts';
import type { Translate } from '../../utils/zod-errors';
import { unitText } from './evaluation-display';

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

/** The unit an indicator is shown in (万元/亩, %, 元/千瓦时; '' when its terms' units do not combine), as the run pages show it. */
export function displayUnit(formula: IndicatorFormula, t: Translate): string {
  return unitText(indicatorDisplay(formula), (word) => t(`evaluationUnits.${word}`));
}

/** A fixed benchmark stored in base units (元/亩), in the indicator's display unit (万元/亩). */
export const toShown = (stored: number, formula: IndicatorFormula): number => Math.round(stored * indicatorDisplay(formula).factor * 1e6) / 1e6;
export const fromShown = (shown: number, formula: IndicatorFormula): number => shown / indicatorDisplay(formula).factor;

/** "同年本组平均值", "上年本组中位数的 1.2 倍", "固定基准（26.01 万元/亩）". */
export function benchmarkText(rule: BenchmarkRule, formula: IndicatorFormula, t: Translate): string {
  if (rule.kind === 'fixed') return t('schemes.benchmark.fixed', { value: `${plain(toShown(rule.value, formula))} ${displayUnit(formula, t)}`.trim() });
  const base = t(`schemes.benchmark.${rule.kind}`, { year: t(`schemes.benchmark.${rule.year}`) });
  return rule.factor === 1 ? base : t('schemes.benchmark.times', { base, factor: plain(rule.factor) });
}

/** The scoring method and its benchmark in words: "与同年本组平均值之比 × 权重，不封顶". */
export function methodText({ method, formula }: Pick<Indicator, 'method' | 'formula'>, t: Translate): string {
  if (method.kind === 'minMax') return t('schemes.methodText.minMax', { floor: plain(method.floor * 100) });
  const benchmark = benchmarkText(method.benchmark, formula, t);
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
