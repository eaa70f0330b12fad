import type { ClassLabel, ClassRule } from '@yuanqu/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeCount, rankAndClassify } from './classes';

const shares: ClassRule = { kind: 'rankShares', shares: { A: 20, B: 40, C: 35, D: 5 } };
const DEFAULT_SHARES = { A: 20, B: 40, C: 35, D: 5 };
const entries = (totals: number[]) => totals.map((total, i) => ({ enterpriseId: `e${String(i).padStart(3, '0')}`, total }));
const classes = (totals: number[], rule: ClassRule = shares) => {
  const placed = rankAndClassify(entries(totals), rule);
  return entries(totals).map((e) => placed.get(e.enterpriseId)!.class);
};
const ranks = (totals: number[]) => {
  const placed = rankAndClassify(entries(totals), shares);
  return entries(totals).map((e) => placed.get(e.enterpriseId)!.rank);
};

describe('classes by rank shares (20/40/35/5, cumulative shares rounded half up)', () => {
  it('of 20: 4 A, 8 B, 7 C, 1 D', () => {
    const got = classes(Array.from({ length: 20 }, (_, i) => 100 - i));
    expect(got.join('')).toBe('AAAABBBBBBBBCCCCCCCD');
  });

  it('of 10: A 2, B 4, C 4 and no D (A–C = round(9.5) = 10)', () => {
    expect(classes([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).join('')).toBe('AABBBBCCCC');
  });

  it('of 1: the lone enterprise is B; of 2: B and C', () => {
    expect(classes([50])).toEqual(['B']);
    expect(classes([50, 40])).toEqual(['B', 'C']);
  });

  it('equal totals share the rank of the first of them', () => {
    expect(ranks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
  });

  it('ties at the A/B boundary are both A', () => {
    // of 10, A holds 2 positions; positions 2 and 3 tie, so both take position 2's class.
    expect(classes([100, 90, 90, 80, 70, 60, 50, 40, 30, 20]).join('')).toBe('AAABBBCCCC');
  });

  it('ties at the C/D boundary are both C', () => {
    const totals = Array.from({ length: 20 }, (_, i) => 100 - i);
    totals[19] = totals[18]!;
    expect(classes(totals).slice(17)).toEqual(['C', 'C', 'C']);
  });

  it('orders equal totals by enterprise id, whatever the input order', () => {
    const a = rankAndClassify(entries([5, 5, 5]), shares);
    const b = rankAndClassify(entries([5, 5, 5]).reverse(), shares);
    expect([...a.entries()]).toEqual([...b.entries()]);
  });
});

describe('classes by score thresholds', () => {
  const rule: ClassRule = { kind: 'scoreThresholds', thresholds: { A: 90, B: 70, C: 50 } };
  it('a total at a threshold is in the class; just below is not', () => {
    expect(classes([120, 90, 89.999999, 70, 69.5, 50, 49.999999, 0], rule).join('')).toBe('AABBCCDD');
  });
});

describe('class shares match the rule for any population size', () => {
  const cumulative = (got: ClassLabel[], label: ClassLabel) => got.filter((c) => c <= label).length;

  it('without ties: the first k classes hold round(n × cumulative share) positions exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        const got = classes(Array.from({ length: n }, (_, i) => n - i));
        let share = 0;
        for (const label of ['A', 'B', 'C', 'D'] as const) {
          share += DEFAULT_SHARES[label];
          expect(cumulative(got, label)).toBe(Math.round((n * share) / 100));
          expect(cumulativeCount(n, DEFAULT_SHARES, label)).toBe(Math.round((n * share) / 100));
        }
      }),
    );
  });

  it('with ties: equal totals share a class, classes follow totals, and ties only widen the better class', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 500 }), (totals) => {
        const got = classes(totals);
        const n = totals.length;
        const order = totals.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]!);
        for (let k = 1; k < n; k++) {
          const [better, next] = [order[k - 1]!, order[k]!];
          if (totals[better] === totals[next]) expect(got[next]).toBe(got[better]);
          else expect(got[better]! <= got[next]!).toBe(true);
        }
        for (const label of ['A', 'B', 'C'] as const) {
          const inOrBetter = cumulative(got, label);
          const target = cumulativeCount(n, DEFAULT_SHARES, label);
          expect(inOrBetter).toBeGreaterThanOrEqual(target);
          // Every extra member ties with the member at the boundary position.
          if (inOrBetter > target) {
            const sorted = [...totals].sort((a, b) => b - a);
            expect(sorted[inOrBetter - 1]).toBe(sorted[target - 1]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
