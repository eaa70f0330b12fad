import type { BenchmarkRule, EvaluationInput, Indicator, IndicatorFormula } from '@yuanqu/contracts';

/**
 * One indicator's value: the numerator figure ÷ the sum of the denominator terms; null (missing)
 * when a term is unreported or the denominator is not positive (no division by zero).
 */
export function indicatorValue(formula: IndicatorFormula, figures: EvaluationInput['figures'], landMu: number | null): number | null {
  const numerator = figures[formula.numerator];
  if (numerator == null) return null;
  let denominator = 0;
  for (const term of formula.denominator) {
    const part = term === 'landMu' ? landMu : figures[term];
    if (part == null) return null;
    denominator += part;
  }
  return denominator > 0 ? numerator / denominator : null;
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Median (the mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The benchmark: a fixed number, or k × the mean/median of the group's values of the same or
 * the previous year (enterprises without a value do not count); null when no one has a value.
 */
export function benchmarkOf(rule: BenchmarkRule, sameYear: readonly number[], previousYear: readonly number[]): number | null {
  if (rule.kind === 'fixed') return rule.value;
  const values = rule.year === 'sameYear' ? sameYear : previousYear;
  const centre = rule.kind === 'scopeMean' ? mean(values) : median(values);
  return centre === null ? null : rule.factor * centre;
}

/** What a method scores against, fixed for the whole group. */
export interface ScoringBasis {
  benchmark: number | null;
  min: number | null;
  max: number | null;
}

export interface IndicatorScore {
  score: number;
  /** The cap (ratio) cut the score down. */
  capped: boolean;
}

/**
 * Scores a present value with the indicator's method (methodology §1, "Scoring methods"); null
 * when the group gives no basis (a benchmark of no values). Min–max with max = min gives the
 * full weight: every member is the best.
 */
export function scoreValue(indicator: Indicator, value: number, basis: ScoringBasis): IndicatorScore | null {
  const { weight, method } = indicator;
  if (method.kind === 'minMax') {
    if (basis.min === null || basis.max === null) return null;
    if (basis.max === basis.min) return { score: weight, capped: false };
    const position = indicator.direction === 'higher' ? (value - basis.min) / (basis.max - basis.min) : (basis.max - value) / (basis.max - basis.min);
    return { score: weight * (method.floor + (1 - method.floor) * position), capped: false };
  }
  if (basis.benchmark === null || basis.benchmark <= 0) return null;
  if (method.kind === 'inverseRatio') {
    return { score: Math.max(0, ((2 - value / basis.benchmark) * weight) / 2), capped: false };
  }
  const raw = Math.max(0, (value / basis.benchmark) * weight);
  if (method.cap !== null && raw > method.cap * weight) return { score: method.cap * weight, capped: true };
  return { score: raw, capped: false };
}
