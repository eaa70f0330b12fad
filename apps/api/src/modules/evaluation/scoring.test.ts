import type { Indicator } from '@yuanqu/contracts';
import { describe, expect, it } from 'vitest';
import { benchmarkOf, indicatorValue, mean, median, scoreValue } from './scoring';

const base: Indicator = {
  key: 'taxPerMu',
  name: '亩均税收',
  formula: { numerator: 'taxPaid', denominator: ['landMu'] },
  weight: 30,
  direction: 'higher',
  method: { kind: 'ratio', benchmark: { kind: 'fixed', value: 10 }, cap: null },
  missing: 'zero',
};
const at = (benchmark: number | null, min: number | null = null, max: number | null = null) => ({ benchmark, min, max });

describe('indicator values', () => {
  it('divides the numerator by the sum of the denominator terms', () => {
    expect(indicatorValue(base.formula, { taxPaid: 600 }, 20)).toBe(30);
    expect(indicatorValue({ numerator: 'valueAdded', denominator: ['codKg', 'so2Kg'] }, { valueAdded: 900, codKg: 100, so2Kg: 200 }, null)).toBe(3);
  });

  it('is missing when a term is unreported or the denominator is not positive', () => {
    expect(indicatorValue(base.formula, { taxPaid: null }, 20)).toBeNull();
    expect(indicatorValue(base.formula, { taxPaid: 600 }, null)).toBeNull();
    expect(indicatorValue(base.formula, { taxPaid: 600 }, 0)).toBeNull();
    expect(indicatorValue({ numerator: 'valueAdded', denominator: ['codKg', 'so2Kg'] }, { valueAdded: 900, codKg: 100 }, null)).toBeNull();
  });
});

describe('benchmark rules', () => {
  const same = [1, 2, 3, 10];
  const previous = [4, 6, 11];
  it('fixed is the number itself', () => {
    expect(benchmarkOf({ kind: 'fixed', value: 26.01 }, same, previous)).toBe(26.01);
  });
  it('scope mean and median of the same year, times k', () => {
    expect(benchmarkOf({ kind: 'scopeMean', factor: 1, year: 'sameYear' }, same, previous)).toBe(4);
    expect(benchmarkOf({ kind: 'scopeMedian', factor: 1, year: 'sameYear' }, same, previous)).toBe(2.5);
    expect(benchmarkOf({ kind: 'scopeMean', factor: 1.5, year: 'sameYear' }, same, previous)).toBe(6);
  });
  it('of the previous year, times k (2 × last year’s average, as several cities do)', () => {
    expect(benchmarkOf({ kind: 'scopeMean', factor: 2, year: 'previousYear' }, same, previous)).toBe(14);
    expect(benchmarkOf({ kind: 'scopeMedian', factor: 2, year: 'previousYear' }, same, previous)).toBe(12);
  });
  it('is null without values', () => {
    expect(benchmarkOf({ kind: 'scopeMean', factor: 1, year: 'previousYear' }, same, [])).toBeNull();
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('scoring methods', () => {
  it('ratio: value ÷ benchmark × weight, floored at 0, no cap by default', () => {
    expect(scoreValue(base, 5, at(10))).toEqual({ score: 15, capped: false });
    expect(scoreValue(base, 30, at(10))).toEqual({ score: 90, capped: false });
    expect(scoreValue(base, -4, at(10))).toEqual({ score: 0, capped: false });
  });

  it('ratio with a cap of 2 × the weight', () => {
    const capped: Indicator = { ...base, method: { kind: 'ratio', benchmark: { kind: 'fixed', value: 10 }, cap: 2 } };
    expect(scoreValue(capped, 30, at(10))).toEqual({ score: 60, capped: true });
    expect(scoreValue(capped, 20, at(10))).toEqual({ score: 60, capped: false });
    expect(scoreValue(capped, 15, at(10))).toEqual({ score: 45, capped: false });
  });

  it('min–max with the default floor 0.2 (旌德: 20 + 80 × position, in % of the weight)', () => {
    const minMax: Indicator = { ...base, weight: 20, method: { kind: 'minMax', floor: 0.2 } };
    expect(scoreValue(minMax, 2, at(null, 2, 12))!.score).toBe(4);
    expect(scoreValue(minMax, 12, at(null, 2, 12))!.score).toBe(20);
    // 20 × (0.2 + 0.8 × 0.5) = 12
    expect(scoreValue(minMax, 7, at(null, 2, 12))!.score).toBeCloseTo(12, 12);
    expect(scoreValue(minMax, 7, at(null, 7, 7))!.score).toBe(20);
    const lower: Indicator = { ...minMax, direction: 'lower' };
    expect(scoreValue(lower, 2, at(null, 2, 12))!.score).toBe(20);
    expect(scoreValue(lower, 12, at(null, 2, 12))!.score).toBe(4);
  });

  it('inverse ratio: (2 − value ÷ benchmark) × weight ÷ 2 — the full weight at 0, half at the benchmark, 0 from twice it', () => {
    const inverse: Indicator = { ...base, weight: 10, direction: 'lower', method: { kind: 'inverseRatio', benchmark: { kind: 'fixed', value: 4 } } };
    expect(scoreValue(inverse, 0, at(4))!.score).toBe(10);
    expect(scoreValue(inverse, 2, at(4))!.score).toBe(7.5);
    expect(scoreValue(inverse, 4, at(4))!.score).toBe(5);
    expect(scoreValue(inverse, 6, at(4))!.score).toBe(2.5);
    expect(scoreValue(inverse, 8, at(4))!.score).toBe(0);
    expect(scoreValue(inverse, 12, at(4))!.score).toBe(0);
  });

  it('gives no score without a basis', () => {
    expect(scoreValue(base, 5, at(null))).toBeNull();
    expect(scoreValue({ ...base, method: { kind: 'minMax', floor: 0.2 } }, 5, at(null))).toBeNull();
  });
});
