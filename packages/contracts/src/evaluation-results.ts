import { z } from 'zod';
import { CLASS_LABELS, indicatorFormulaSchema, POLICY_LEVERS, type EvaluationScheme } from './evaluation';
import { ADJUSTMENT_KINDS, OBJECTION_OUTCOMES, RUN_STATES } from './evaluation-review';
import { FIGURE_KEYS } from './figures';

/** What the 亩产效益 API answers: results with their reasons, runs, adjustments, objections, policy lists. */

const num = z.number().nullable();

export const policySchema = z.object({ lever: z.enum(POLICY_LEVERS), text: z.string(), value: num, unit: z.string().nullable() });
export type PolicyRow = z.infer<typeof policySchema>;

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
  /** 加分 − 减分 given by staff. */
  adjustment: z.number(),
  /** The veto items that put it in D. */
  vetoes: z.array(z.string()),
  /** Years in this class without a break, this year included (from the published runs of earlier years). */
  consecutive: z.number().int().nullable(),
  /** The class's policies that apply to it (those tied to consecutive years only in their range). */
  policies: z.array(policySchema),
  indicators: z.array(z.object({ key: z.string(), weight: z.number(), value: num, benchmark: num, score: z.number(), handling: z.enum(['scored', 'zero', 'groupAverage', 'excluded']) })),
  shortfalls: z.array(z.object({ key: z.string(), lost: z.number() })),
  nextClass: z.object({ class: z.enum(CLASS_LABELS), total: z.number(), gap: z.number() }).nullable(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

/** The scheme a preview or run used; `id` is its version's record (null for runs made before schemes were data). */
export const schemeRefSchema = z.object({ id: z.string().nullable(), code: z.string(), version: z.number().int(), name: z.string(), reference: z.boolean() });

/** A group of a scheme as pages label it: its indicators in order with their formulas (which give their display units). */
export const groupLabelsSchema = z.object({
  key: z.string(),
  name: z.string(),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), direction: z.enum(['higher', 'lower']), formula: indicatorFormulaSchema })),
});
export type GroupLabels = z.infer<typeof groupLabelsSchema>;

/** A group's labels and how many members it ranked (in the whole run). */
export const runGroupSchema = groupLabelsSchema.extend({ ranked: z.number().int() });
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


export const runSummarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  scheme: schemeRefSchema,
  state: z.enum(RUN_STATES),
  enterprises: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Accounts (usernames) and times of each review step; null until it happens. */
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

const itemRefSchema = z.object({ code: z.string(), label: z.string() });

/** The scheme's items staff adjust with (加分/减分 items, veto items, T reasons), with their labels. */
export const runItemsSchema = z.object({
  adjustmentItems: z.array(itemRefSchema.extend({ kind: z.enum(['bonus', 'penalty']), maxPoints: z.number().nullable() })),
  vetoItems: z.array(itemRefSchema),
  exemptReasons: z.array(itemRefSchema),
});

/** A result with who the enterprise is (USCC, park or zone, as the registry has them now) and the note of its T reason. */
export const runResultSchema = resultRowSchema.extend({
  uscc: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  exemptNote: z.string().nullable(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/**
 * A run's results (in the reader's scope), its groups' labels, the scheme's items staff adjust
 * with (加分/减分 items, veto items, T reasons), and the display names of the accounts that
 * adjusted it, submitted, reviewed and published it, by username.
 */
export const runSchema = runSummarySchema.extend({
  groups: z.array(runGroupSchema),
  results: z.array(runResultSchema),
  items: runItemsSchema,
  people: z.record(z.string(), z.string()),
});
export type EvaluationRunDetail = z.infer<typeof runSchema>;

/** `GET /evaluation/runs/:id?enterpriseId=`: the run with that one enterprise's result (none if outside the reader's scope), for its result page. */
export const runQuerySchema = z.strictObject({ enterpriseId: z.string().max(40).optional() });

export const adjustmentSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  kind: z.enum(ADJUSTMENT_KINDS),
  code: z.string(),
  points: num,
  reason: z.string(),
  evidence: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type AdjustmentRow = z.infer<typeof adjustmentSchema>;

export const objectionSchema = z.object({
  id: z.string(),
  runId: z.string(),
  year: z.number().int(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  text: z.string(),
  filedBy: z.string(),
  /** The filing account's display name (its username if the account is gone). */
  filedByName: z.string(),
  filedAt: z.string(),
  state: z.enum(['open', 'answered']),
  outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});
export type ObjectionRow = z.infer<typeof objectionSchema>;


/** An enterprise's result in one published run, as the enterprise reads it. */
export const enterpriseResultSchema = z.object({
  runId: z.string(),
  year: z.number().int(),
  scheme: schemeRefSchema,
  publishedAt: z.string(),
  group: groupLabelsSchema.nullable(),
  /** How many were ranked in its group (its rank is 第 rank 名 / 共 rankedInGroup 家). */
  rankedInGroup: z.number().int(),
  result: resultRowSchema,
  /** The labels of the run scheme's items, for the veto items and T reason of the result. */
  items: runItemsSchema,
  objections: z.array(objectionSchema),
});
export type EnterpriseResult = z.infer<typeof enterpriseResultSchema>;

/** An enterprise a lever's policies apply to, as the utility's or bank's list shows it. */
export const policyListRowSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  uscc: z.string(),
  unitName: z.string(),
  class: z.enum(CLASS_LABELS),
  consecutive: z.number().int().nullable(),
  policies: z.array(policySchema),
});
export type PolicyListRow = z.infer<typeof policyListRowSchema>;

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
