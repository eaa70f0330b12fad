import { z } from 'zod';
import { CLASS_LABELS, indicatorFormulaSchema, type EvaluationScheme } from './evaluation';
import { FIGURE_KEYS } from './figures';

/**
 * What the 亩产效益 API answers: a preview, runs, a run's results with the labels pages need, and
 * the comparison of two runs. The web app reads the same types.
 */

const num = z.number().nullable();

/** One enterprise's result as the API shows it: indicators against the benchmarks, total, rank, class and why. */
export const resultRowSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  groupKey: z.string().nullable(),
  status: z.enum(['ranked', 'vetoed', 'exempt', 'outOfScope']),
  total: num,
  rank: z.number().int().nullable(),
  class: z.enum([...CLASS_LABELS, 'T']).nullable(),
  exemptReason: z.string().nullable(),
  landMu: num,
  missing: z.array(z.enum(FIGURE_KEYS)),
  indicators: z.array(z.object({ key: z.string(), weight: z.number(), value: num, benchmark: num, score: z.number(), handling: z.enum(['scored', 'zero', 'groupAverage', 'excluded']) })),
  shortfalls: z.array(z.object({ key: z.string(), lost: z.number() })),
  nextClass: z.object({ class: z.enum(CLASS_LABELS), total: z.number(), gap: z.number() }).nullable(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const schemeRefSchema = z.object({ code: z.string(), version: z.number().int(), name: z.string(), reference: z.boolean() });

export const runSummarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  scheme: schemeRefSchema,
  state: z.enum(['draft']),
  enterprises: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** A group of the run's scheme as pages label it: its indicators in order, and how many members it ranked (in the whole run). */
export const runGroupSchema = z.object({
  key: z.string(),
  name: z.string(),
  ranked: z.number().int(),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), direction: z.enum(['higher', 'lower']), formula: indicatorFormulaSchema })),
});
export type RunGroup = z.infer<typeof runGroupSchema>;

/** A scheme's groups as pages label them, with how many each ranked. */
export function runGroupsOf(scheme: EvaluationScheme, ranked: (groupKey: string) => number): RunGroup[] {
  return scheme.groups.map((g) => ({
    key: g.key,
    name: g.name,
    ranked: ranked(g.key),
    indicators: g.indicators.map(({ key, name, weight, direction, formula }) => ({ key, name, weight, direction, formula })),
  }));
}

export const previewSchema = z.object({ year: z.number().int(), scheme: schemeRefSchema, groups: z.array(runGroupSchema), results: z.array(resultRowSchema) });
export type EvaluationPreview = z.infer<typeof previewSchema>;

/** A result with who the enterprise is (USCC, park or zone, as the registry has them now) and the note of its T reason. */
export const runResultSchema = resultRowSchema.extend({
  uscc: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  exemptNote: z.string().nullable(),
});
export type RunResult = z.infer<typeof runResultSchema>;

const itemLabelSchema = z.object({ code: z.string(), label: z.string() });

export const runSchema = runSummarySchema.extend({
  groups: z.array(runGroupSchema),
  /** The scheme's T (暂不评价) reasons, to label `exemptReason`. */
  exemptReasons: z.array(itemLabelSchema),
  results: z.array(runResultSchema),
});
export type EvaluationRunDetail = z.infer<typeof runSchema>;

/**
 * Where an enterprise stands in a run: a class A–D, T (暂不评价), out of scope (未纳入评价: fits no
 * group), or absent (not in the run at all).
 */
export const STANDINGS = [...CLASS_LABELS, 'T', 'outOfScope', 'absent'] as const;
export type Standing = (typeof STANDINGS)[number];

/**
 * Between two runs: `up`/`down`/`same` between classes A > B > C > D; `entered` = classed only in
 * the later run, `left` = classed only in the earlier; `unclassed` = classed in neither.
 */
export const MOVEMENTS = ['up', 'down', 'same', 'entered', 'left', 'unclassed'] as const;
export type Movement = (typeof MOVEMENTS)[number];

export const compareQuerySchema = z.strictObject({ from: z.string().max(40), to: z.string().max(40) });

const sideSchema = z.object({ standing: z.enum(STANDINGS), groupKey: z.string().nullable(), total: num, rank: z.number().int().nullable() });

export const compareSchema = z.object({
  from: runSummarySchema,
  to: runSummarySchema,
  /** Every enterprise in either run (in the reader's scope), by name. */
  enterprises: z.array(z.object({ enterpriseId: z.string(), name: z.string(), unitName: z.string(), from: sideSchema, to: sideSchema, movement: z.enum(MOVEMENTS) })),
  /** How many enterprises went from each standing to each other one (pairs with none are left out). */
  transitions: z.array(z.object({ from: z.enum(STANDINGS), to: z.enum(STANDINGS), count: z.number().int() })),
});
export type EvaluationComparison = z.infer<typeof compareSchema>;

/** The factor a result's kept indicator scores were multiplied by: total weight ÷ the weight not excluded (1 when none is). */
export function renormalisationOf(row: Pick<ResultRow, 'indicators'>): number {
  const total = row.indicators.reduce((sum, i) => sum + i.weight, 0);
  const kept = row.indicators.filter((i) => i.handling !== 'excluded').reduce((sum, i) => sum + i.weight, 0);
  return kept > 0 ? total / kept : 1;
}

/** 加分 − 减分 in a result: its total less its renormalised indicator scores, to 6 decimals (as the total is); 0 without a total. */
export function adjustmentOf(row: Pick<ResultRow, 'indicators' | 'total'>): number {
  if (row.total === null) return 0;
  const scored = row.indicators.reduce((sum, i) => sum + i.score, 0) * renormalisationOf(row);
  return Math.round((row.total - scored) * 1e6) / 1e6 || 0;
}
