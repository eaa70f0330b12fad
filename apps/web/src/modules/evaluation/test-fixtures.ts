import { INDICATOR_FORMULAS, type RunGroup, type RunResult } from '@yuanqu/contracts';

/** The default 规下 group: 亩均税收 50 + 单位电耗税收 50. */
export const BELOW: RunGroup = {
  key: 'belowScale',
  name: '规下工业企业（用地 3 亩及以上）',
  ranked: 3,
  indicators: [
    { key: 'taxPerMu', name: '亩均税收', weight: 50, direction: 'higher', formula: INDICATOR_FORMULAS.taxPerMu },
    { key: 'taxPerKwh', name: '单位电耗税收', weight: 50, direction: 'higher', formula: INDICATOR_FORMULAS.taxPerKwh },
  ],
};

/** A result of the 规下 group; indicators default to both scored at the benchmark. */
export function result(over: Partial<RunResult> & Pick<RunResult, 'enterpriseId' | 'name'>): RunResult {
  return {
    groupKey: 'belowScale',
    status: 'ranked',
    total: 100,
    rank: 1,
    class: 'B',
    exemptReason: null,
    landMu: 10,
    missing: [],
    adjustment: 0,
    vetoes: [],
    consecutive: null,
    policies: [],
    indicators: [
      { key: 'taxPerMu', weight: 50, value: 200_000, benchmark: 200_000, score: 50, handling: 'scored' },
      { key: 'taxPerKwh', weight: 50, value: 0.4, benchmark: 0.4, score: 50, handling: 'scored' },
    ],
    shortfalls: [],
    nextClass: null,
    uscc: '91360403MA35R2K7X1',
    unitId: 'p1',
    unitName: '1号园',
    exemptNote: null,
    ...over,
  };
}
