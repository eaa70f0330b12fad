import { describe, expect, it } from 'vitest';
import { INDICATOR_FORMULAS, type EvaluationInput } from '@yuanqu/contracts';
import { enterprise, schemeOf } from '../../test/evaluation';
import { evaluate } from './evaluation';
import { classFloors, explainResult } from './explain';

// A group larger than any spread of its values fits on the stack (`Math.min(...values)` and
// `push(...results)` throw beyond about 120,000), explained in one pass rather than O(n²).
const N = 200_000;
const scheme = schemeOf([{ key: 'taxPerMu', name: '亩均税收', formula: INDICATOR_FORMULAS.taxPerMu, weight: 100, direction: 'higher', method: { kind: 'minMax', floor: 0.2 }, missing: 'zero' }]);
const id = (taxPaid: number) => `e${String(taxPaid).padStart(6, '0')}`;
// 亩均税收 = taxPaid on 1 亩: 1, 2, …, 200,000.
const inputs: EvaluationInput[] = Array.from({ length: N }, (_, i) => enterprise(id(i + 1), 1, { taxPaid: i + 1 }));
const run = evaluate(scheme, inputs);
const result = (taxPaid: number) => run.results.find((r) => r.enterpriseId === id(taxPaid))!;

describe('a province-sized group (200,000 members)', () => {
  it('scores min–max from the floor to the full weight and classes by rank shares', () => {
    expect(result(N)).toMatchObject({ total: 100, rank: 1, class: 'A' });
    expect(result(1)).toMatchObject({ total: 20, rank: N, class: 'D' });
    const counts = { A: 0, B: 0, C: 0, D: 0 } as Record<string, number>;
    for (const r of run.results) counts[r.class!]! += 1;
    // 20 % of 200,000 = 40,000 A; 40 % B; 35 % C; 5 % = 10,000 D.
    expect(counts).toEqual({ A: 40_000, B: 80_000, C: 70_000, D: 10_000 });
  });

  it('explains every member, the last one with the lowest C total to reach', () => {
    const floors = classFloors(run.results).get('aboveScale');
    const why = (taxPaid: number) => explainResult(scheme, floors, result(taxPaid));
    const all = run.results.map((r) => explainResult(scheme, floors, r));
    expect(all.filter((e) => e.nextClass === null)).toHaveLength(40_000);
    expect(why(N).nextClass).toBeNull();
    // C ends at rank 190,000: taxPaid 10,001, scoring 100 × (0.2 + 0.8 × 10,000 ÷ 199,999) = 24.00002 (to 6 decimals).
    const last = why(1).nextClass!;
    expect(last.class).toBe('C');
    expect(last.total).toBe(24.00002);
    expect(last.gap).toBeCloseTo(4.00002, 9);
  });
});
