import { z } from 'zod';
import { FIGURE_KEYS, type FigureKey } from './figures';

/**
 * 亩产效益 evaluation schemes as versioned data (methodology §1). A scheme holds the groups, each
 * group's indicators and how they score, the 加分/减分 items, the veto items, the T (暂不评价)
 * reasons, the class rule and the policies attached to each class. The engine is in
 * `apps/api/src/modules/evaluation`; the rules as implemented are in `docs/evaluation.md`.
 */

/** The methodology's indicators (§1, "Indicators"); admins add custom ones from the figures. */
export const INDICATOR_KEYS = [
  'taxPerMu',
  'valueAddedPerMu',
  'revenuePerMu',
  'valueAddedPerEnergy',
  'valueAddedPerEmission',
  'laborProductivity',
  'rdIntensity',
  'taxPerKwh',
  'techInvestPerMu',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** A denominator term: a figure of the year, or the enterprise's land in 亩. */
export const DENOMINATOR_TERMS = [...FIGURE_KEYS, 'landMu'] as const;
export type DenominatorTerm = (typeof DENOMINATOR_TERMS)[number];

/** value = numerator figure ÷ the sum of the denominator terms. */
export const indicatorFormulaSchema = z.strictObject({
  numerator: z.enum(FIGURE_KEYS),
  denominator: z.array(z.enum(DENOMINATOR_TERMS)).min(1).max(8),
});
export type IndicatorFormula = z.infer<typeof indicatorFormulaSchema>;

const land: DenominatorTerm[] = ['landMu'];
/** The methodology's formulas. 主要污染物排放当量 is taken as the sum of COD, 氨氮, SO₂ and NOx in kg. */
export const INDICATOR_FORMULAS: Readonly<Record<IndicatorKey, IndicatorFormula>> = {
  taxPerMu: { numerator: 'taxPaid', denominator: land },
  valueAddedPerMu: { numerator: 'valueAdded', denominator: land },
  revenuePerMu: { numerator: 'operatingRevenue', denominator: land },
  valueAddedPerEnergy: { numerator: 'valueAdded', denominator: ['energyKgce'] },
  valueAddedPerEmission: { numerator: 'valueAdded', denominator: ['codKg', 'ammoniaKg', 'so2Kg', 'noxKg'] },
  laborProductivity: { numerator: 'valueAdded', denominator: ['employeesAvg'] },
  rdIntensity: { numerator: 'rdExpense', denominator: ['mainRevenue'] },
  taxPerKwh: { numerator: 'taxPaid', denominator: ['electricityKwh'] },
  techInvestPerMu: { numerator: 'techInvestment', denominator: land },
};

/**
 * The benchmark an indicator is scored against: a fixed number, or k × the mean (or median) of
 * the group's values in the same or the previous year.
 */
export const benchmarkRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), value: z.number().positive() }),
  z.strictObject({
    kind: z.enum(['scopeMean', 'scopeMedian']),
    factor: z.number().positive(),
    year: z.enum(['sameYear', 'previousYear']),
  }),
]);
export type BenchmarkRule = z.infer<typeof benchmarkRuleSchema>;

/**
 * - `ratio`: value ÷ benchmark × weight, floored at 0, capped at `cap` × weight when set;
 * - `minMax`: weight × (f + (1 − f) × position between the group's min and max), f = `floor`;
 * - `inverseRatio` (lower is better): (2 − value ÷ benchmark) × weight ÷ 2, floored at 0.
 */
export const scoringMethodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ratio'), benchmark: benchmarkRuleSchema, cap: z.number().positive().nullable() }),
  z.strictObject({ kind: z.literal('minMax'), floor: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('inverseRatio'), benchmark: benchmarkRuleSchema }),
]);
export type ScoringMethod = z.infer<typeof scoringMethodSchema>;

/** When an indicator has no value: score 0, the group's average score, or leave it out and renormalise the weights. */
export const MISSING_RULES = ['zero', 'groupAverage', 'exclude'] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

const customKey = /^[a-z][A-Za-z0-9]{1,39}$/;

export const indicatorSchema = z
  .strictObject({
    key: z.string().regex(customKey),
    name: z.string().trim().min(1).max(60),
    formula: indicatorFormulaSchema,
    weight: z.number().positive().max(1000),
    direction: z.enum(['higher', 'lower']),
    method: scoringMethodSchema,
    missing: z.enum(MISSING_RULES),
  })
  .refine((i) => (i.method.kind === 'ratio' ? i.direction === 'higher' : i.method.kind === 'inverseRatio' ? i.direction === 'lower' : true), {
    message: 'evaluation.methodDirection',
    path: ['method'],
  });
export type Indicator = z.infer<typeof indicatorSchema>;

/** Who belongs to a group: 规上; 规下 with at least `minLandMu` 亩; or enterprises an admin assigns. */
export const groupMembershipSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('aboveScale') }),
  z.strictObject({ kind: z.literal('belowScale'), minLandMu: z.number().min(0) }),
  z.strictObject({ kind: z.literal('assigned') }),
]);
export type GroupMembership = z.infer<typeof groupMembershipSchema>;

export const evaluationGroupSchema = z
  .strictObject({
    key: z.string().regex(customKey),
    name: z.string().trim().min(1).max(60),
    membership: groupMembershipSchema,
    indicators: z.array(indicatorSchema).min(1).max(30),
  })
  .refine((g) => new Set(g.indicators.map((i) => i.key)).size === g.indicators.length, { message: 'evaluation.duplicateIndicator', path: ['indicators'] });
export type EvaluationGroup = z.infer<typeof evaluationGroupSchema>;

export const CLASS_LABELS = ['A', 'B', 'C', 'D'] as const;
export type ClassLabel = (typeof CLASS_LABELS)[number];

/**
 * Classes by rank shares (whole percentages of the ranked population, summing to 100) or by
 * minimum totals (A ≥ B ≥ C; below C is D).
 */
export const classRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('rankShares'),
    shares: z
      .strictObject({ A: z.number().int().min(0), B: z.number().int().min(0), C: z.number().int().min(0), D: z.number().int().min(0) })
      .refine((s) => s.A + s.B + s.C + s.D === 100, { message: 'evaluation.sharesSum' }),
  }),
  z.strictObject({
    kind: z.literal('scoreThresholds'),
    thresholds: z.strictObject({ A: z.number(), B: z.number(), C: z.number() }).refine((t) => t.A >= t.B && t.B >= t.C, { message: 'evaluation.thresholdOrder' }),
  }),
]);
export type ClassRule = z.infer<typeof classRuleSchema>;

const itemSchema = z.strictObject({ code: z.string().regex(customKey), label: z.string().trim().min(1).max(100) });

/** A 加分 (bonus) or 减分 (penalty) item; points given per enterprise are capped at `maxPoints`. */
export const adjustmentItemSchema = itemSchema.extend({ kind: z.enum(['bonus', 'penalty']), maxPoints: z.number().positive().nullable() });
export type AdjustmentItem = z.infer<typeof adjustmentItemSchema>;

/** The differentiated-policy levers (Jiangxi 2024 plus 资金). */
export const POLICY_LEVERS = ['land', 'electricity', 'water', 'gas', 'emission', 'credit', 'technology', 'talent', 'funding'] as const;
export type PolicyLever = (typeof POLICY_LEVERS)[number];

/**
 * A policy of a class; with `consecutive` it applies only while the enterprise has stood in the
 * class for `min` to `max` years in a row (max null: or more), e.g. D's electricity surcharge.
 */
export const classPolicySchema = z.strictObject({
  class: z.enum(CLASS_LABELS),
  lever: z.enum(POLICY_LEVERS),
  text: z.string().trim().min(1).max(500),
  value: z.number().nullable(),
  unit: z.string().trim().max(20).nullable(),
  consecutive: z
    .strictObject({ min: z.number().int().min(1).max(50), max: z.number().int().min(1).max(50).nullable() })
    .refine((c) => c.max === null || c.max >= c.min, { message: 'evaluation.consecutiveOrder' })
    .nullable()
    .optional(),
});
export type ClassPolicy = z.infer<typeof classPolicySchema>;

export const evaluationSchemeSchema = z
  .strictObject({
    code: z.string().regex(customKey),
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(100),
    /** A reference scheme still to be calibrated to the local 细则 (参考方案，待按本地细则校准). */
    reference: z.boolean(),
    groups: z.array(evaluationGroupSchema).min(1).max(10),
    adjustmentItems: z.array(adjustmentItemSchema).max(50),
    vetoItems: z.array(itemSchema).max(50),
    exemptReasons: z.array(itemSchema).max(50),
    classRule: classRuleSchema,
    policies: z.array(classPolicySchema).max(100),
  })
  .refine((s) => new Set(s.groups.map((g) => g.key)).size === s.groups.length, { message: 'evaluation.duplicateGroup', path: ['groups'] });
export type EvaluationScheme = z.infer<typeof evaluationSchemeSchema>;

/** The figures the groups' indicators read (numerators and denominator terms, not the land), in FIGURE_KEYS order. */
export function figuresRead(groups: readonly { indicators: readonly { formula: IndicatorFormula }[] }[]): FigureKey[] {
  const used = new Set<string>(groups.flatMap((g) => g.indicators.flatMap((i) => [i.formula.numerator, ...i.formula.denominator])));
  return FIGURE_KEYS.filter((k) => used.has(k));
}

/** Whether an indicator's benchmark is taken from the previous year's values. */
export const readsPreviousYear = (indicator: Pick<Indicator, 'method'>): boolean =>
  indicator.method.kind !== 'minMax' && indicator.method.benchmark.kind !== 'fixed' && indicator.method.benchmark.year === 'previousYear';

/**
 * The engine's inputs for one enterprise and year. A run keeps the figures its scheme reads and
 * the report holds (an unreported figure is absent); the previous year's figures and land only
 * when a benchmark reads the previous year.
 */
export interface EvaluationInput {
  enterpriseId: string;
  aboveScale: boolean;
  /** For `assigned` groups: the group an admin put the enterprise in. */
  groupKey: string | null;
  landMu: number | null;
  previousLandMu: number | null;
  figures: Partial<Record<FigureKey, number | null>>;
  previousFigures: Partial<Record<FigureKey, number | null>>;
  /** T (暂不评价) with one of the scheme's reasons. */
  exempt: { reason: string; note: string | null } | null;
  vetoes: { code: string; note: string | null }[];
  adjustments: { code: string; points: number; reason: string }[];
}
