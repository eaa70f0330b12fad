import { describe, expect, it } from 'vitest';
import { renormalisationOf, type ResultRow } from './evaluation-results';

const indicator = (key: string, weight: number, score: number, handling: ResultRow['indicators'][number]['handling'] = 'scored') => ({ key, weight, value: null, benchmark: null, score, handling });

describe('a result’s renormalisation', () => {
  it('is 1 for a result scored on every indicator', () => {
    expect(renormalisationOf({ indicators: [indicator('a', 60, 50.5), indicator('b', 40, 35)] })).toBe(1);
  });

  it('scales the kept scores by total ÷ kept weight when one is excluded: 100 ÷ 80 = 1.25', () => {
    expect(renormalisationOf({ indicators: [indicator('a', 60, 48), indicator('b', 20, 16), indicator('c', 20, 0, 'excluded')] })).toBe(1.25);
  });

  it('is 1 when every indicator is excluded (nothing to scale)', () => {
    expect(renormalisationOf({ indicators: [indicator('a', 50, 0, 'excluded')] })).toBe(1);
  });
});
