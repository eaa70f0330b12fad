import { describe, expect, it } from 'vitest';
import { adjustmentOf, renormalisationOf, type ResultRow } from './evaluation-results';

const indicator = (key: string, weight: number, score: number, handling: ResultRow['indicators'][number]['handling'] = 'scored') => ({ key, weight, value: null, benchmark: null, score, handling });

describe('a result’s adjustments and renormalisation', () => {
  it('is 1 and 0 for a result scored on every indicator without 加减分', () => {
    const row = { total: 85.5, indicators: [indicator('a', 60, 50.5), indicator('b', 40, 35)] };
    expect(renormalisationOf(row)).toBe(1);
    expect(adjustmentOf(row)).toBe(0);
  });

  it('scales the kept scores by total ÷ kept weight when one is excluded: 100 ÷ 80 = 1.25', () => {
    // 60 + 20 kept, 20 excluded: (48 + 16) × 1.25 = 80, plus 3 points of 加分 = 83.
    const row = { total: 83, indicators: [indicator('a', 60, 48), indicator('b', 20, 16), indicator('c', 20, 0, 'excluded')] };
    expect(renormalisationOf(row)).toBe(1.25);
    expect(adjustmentOf(row)).toBe(3);
  });

  it('reads 减分 as negative, and nothing for T', () => {
    expect(adjustmentOf({ total: 70.123457, indicators: [indicator('a', 100, 72.123457)] })).toBe(-2);
    expect(adjustmentOf({ total: null, indicators: [] })).toBe(0);
  });
});
