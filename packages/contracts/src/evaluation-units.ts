import { FIGURE_BY_KEY, type FigureKey } from './figures';
import type { IndicatorFormula } from './evaluation';

/**
 * The units 亩产效益 indicators are shown in. Values are computed and stored in base units (元,
 * kgce, kWh, kg, persons, 亩), so 亩均税收 is 元/亩; committees publish 万元/亩, 万元/吨标准煤, 万元/人
 * and percentages. The display unit is derived from the formula alone, so an indicator an admin
 * defines gets one too.
 */
export const INDICATOR_UNIT_WORDS = ['wanYuan', 'yuan', 'tce', 'kwh', 'tonne', 'person', 'mu'] as const;
export type IndicatorUnitWord = (typeof INDICATOR_UNIT_WORDS)[number];

/** The Chinese of each unit word (the web app translates them; the Excel export is in Chinese). */
export const INDICATOR_UNIT_WORDS_ZH: Readonly<Record<IndicatorUnitWord, string>> = {
  wanYuan: '万元',
  yuan: '元',
  tce: '吨标准煤',
  kwh: '千瓦时',
  tonne: '吨',
  person: '人',
  mu: '亩',
};

/** How an indicator's stored value is shown: display value = stored × `factor`, with `decimals` decimals. */
export interface IndicatorDisplay {
  /** `percent` for a share (元 of R&D per 元 of revenue), a ratio of two unit words, or none (units that do not combine). */
  unit: { kind: 'percent' } | { kind: 'ratio'; numerator: IndicatorUnitWord; denominator: IndicatorUnitWord } | { kind: 'none' };
  factor: number;
  decimals: number;
}

type Base = 'yuan' | 'kgce' | 'kwh' | 'kg' | 'person' | 'mu' | 'other';

function baseOf(term: FigureKey | 'landMu'): Base {
  if (term === 'landMu') return 'mu';
  const unit = FIGURE_BY_KEY.get(term)!.unit;
  return unit === 'flag' || unit === 'percent' ? 'other' : unit;
}

/** A base unit as a denominator: its display word and how many base units make one (1 吨标准煤 = 1000 kgce). */
const PER: Record<Exclude<Base, 'other'>, { word: IndicatorUnitWord; size: number }> = {
  yuan: { word: 'wanYuan', size: 10_000 },
  kgce: { word: 'tce', size: 1_000 },
  kwh: { word: 'kwh', size: 1 },
  kg: { word: 'tonne', size: 1_000 },
  person: { word: 'person', size: 1 },
  mu: { word: 'mu', size: 1 },
};

/**
 * The display unit of a formula: a numerator and denominator in the same base unit make a
 * percentage (R&D 经费 ÷ 主营业务收入 → %); otherwise amounts show in 万元 — but per 千瓦时 in 元,
 * where a 万元 figure would round to nothing — energy in 吨标准煤, emissions in 吨, electricity in
 * 千瓦时. So 元/亩 → 万元/亩 (× 1/10000), 元/kgce → 万元/吨标准煤 (× 1000/10000), 元/人 → 万元/人,
 * 元/kWh → 元/千瓦时 (× 1), kgce/元 → 吨标准煤/万元 (× 10000/1000). Denominator terms in different
 * units do not combine: such a value is shown as stored, without a unit.
 */
export function indicatorDisplay(formula: IndicatorFormula): IndicatorDisplay {
  const numerator = baseOf(formula.numerator);
  const terms = new Set(formula.denominator.map(baseOf));
  const denominator = terms.size === 1 ? [...terms][0]! : 'other';
  if (numerator === 'other' || denominator === 'other') return { unit: { kind: 'none' }, factor: 1, decimals: 2 };
  if (numerator === denominator) return { unit: { kind: 'percent' }, factor: 100, decimals: 2 };
  const per = PER[denominator];
  const top = numerator === 'yuan' && denominator === 'kwh' ? { word: 'yuan' as const, size: 1 } : PER[numerator];
  return { unit: { kind: 'ratio', numerator: top.word, denominator: per.word }, factor: per.size / top.size, decimals: 2 };
}

/** The unit in Chinese, as the committee's tables print it: 万元/亩, %, or '' when there is none. */
export function indicatorUnitZh(display: IndicatorDisplay): string {
  const { unit } = display;
  if (unit.kind === 'percent') return '%';
  if (unit.kind === 'none') return '';
  return `${INDICATOR_UNIT_WORDS_ZH[unit.numerator]}/${INDICATOR_UNIT_WORDS_ZH[unit.denominator]}`;
}

/** A stored value in its display unit, rounded to the shown decimals; null stays null. */
export function toDisplayValue(value: number | null, display: IndicatorDisplay): number | null {
  if (value === null) return null;
  const scaled = value * display.factor;
  const p = 10 ** display.decimals;
  return Math.round(scaled * p) / p;
}
