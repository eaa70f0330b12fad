import { INDICATOR_FORMULAS, type EvaluationInput, type EvaluationScheme, type Indicator, type IndicatorKey, type MissingRule } from '@yuanqu/contracts';

/** Test inputs: an above-scale enterprise with no T flag, veto or adjustment unless given. */
export function enterprise(enterpriseId: string, landMu: number | null, figures: EvaluationInput['figures'], extra: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    enterpriseId,
    aboveScale: true,
    groupKey: null,
    landMu,
    previousLandMu: null,
    figures,
    previousFigures: {},
    exempt: null,
    vetoes: [],
    adjustments: [],
    ...extra,
  };
}

/** A ratio indicator against k × the group's mean of the same year. */
export function ratioIndicator(key: IndicatorKey, weight: number, missing: MissingRule = 'zero'): Indicator {
  return {
    key,
    name: key,
    formula: INDICATOR_FORMULAS[key],
    weight,
    direction: 'higher',
    method: { kind: 'ratio', benchmark: { kind: 'scopeMean', factor: 1, year: 'sameYear' }, cap: null },
    missing,
  };
}

/** A one-group (规上) scheme with the default class rule and the default items. */
export function schemeOf(indicators: Indicator[], rest: Partial<EvaluationScheme> = {}): EvaluationScheme {
  return {
    code: 'test',
    version: 1,
    name: 'test',
    reference: false,
    groups: [{ key: 'aboveScale', name: '规上', membership: { kind: 'aboveScale' }, indicators }],
    adjustmentItems: [
      { code: 'innovation', label: '科技创新', kind: 'bonus', maxPoints: 3 },
      { code: 'landLeasedOut', label: '土地出租', kind: 'penalty', maxPoints: null },
    ],
    vetoItems: [{ code: 'safetyAccident', label: '重大安全生产事故' }],
    exemptReasons: [{ code: 'utility', label: '公用事业' }],
    classRule: { kind: 'rankShares', shares: { A: 20, B: 40, C: 35, D: 5 } },
    policies: [],
    ...rest,
  };
}
