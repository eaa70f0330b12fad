import { z } from 'zod';
import { DEPARTMENTS, QUALIFICATION_TYPES, SCALES } from './enums';
import { FIGURE_KEYS } from './figures';

/**
 * How a target's current value is measured, at a year's end:
 * - `sum`: the total of a figure (1-12月) over the scope;
 * - `growth`: the average annual growth (CAGR) of that total since the baseline year;
 * - `share`: the share of reporting enterprises whose flag figure is 1 (上云);
 * - `mean`: the mean of a rate figure over reporting enterprises (数控化率);
 * - `newAboveScale`: enterprises that became 规上 after the baseline year (registry scale date);
 * - `newLargeFirms`: enterprises whose annual figure reached the threshold since the baseline year;
 * - `qualifications`: enterprises granted a qualification after the baseline year;
 * - `factoryArea`: floor area of standard factory buildings completed in the year (㎡, a yearly goal);
 * - `external`: measured by a module that is not connected yet; shown without a verdict.
 */
export const TARGET_METRICS = ['sum', 'growth', 'share', 'mean', 'newAboveScale', 'newLargeFirms', 'qualifications', 'factoryArea', 'external'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_UNITS = ['yuan', 'percent', 'count', 'sqm', 'yuanPerMu'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export const VERDICTS = ['reached', 'onTrack', 'atRisk', 'behind', 'missed', 'noData'] as const;
export type Verdict = (typeof VERDICTS)[number];

const targetShape = {
  name: z.string().trim().min(2).max(100),
  metric: z.enum(TARGET_METRICS),
  figure: z.enum(FIGURE_KEYS).nullable(),
  /** Only enterprises of this scale (in the year measured); null for all. */
  scale: z.enum(SCALES).nullable(),
  qualification: z.enum(QUALIFICATION_TYPES).nullable(),
  /** For `newLargeFirms`: the annual amount (元) a firm must reach. */
  threshold: z.number().min(0).nullable(),
  unit: z.enum(TARGET_UNITS),
  /** The goal: an amount, a count, or a fraction (0.35 = 35 %) for growth and share. */
  targetValue: z.number(),
  baselineYear: z.number().int().min(2000).max(2100),
  targetYear: z.number().int().min(2000).max(2100),
  /** A trend indicator has no number to reach, only a direction (提升). */
  trendOnly: z.boolean(),
  /** A projection at or above this share of the goal is 有风险 rather than 严重滞后. */
  riskRatio: z.number().min(0).max(1),
  department: z.enum(DEPARTMENTS),
  source: z.string().trim().max(200).nullable(),
};

export const targetInputSchema = z.strictObject(targetShape).refine((t) => t.targetYear > t.baselineYear, { message: 'target.years', path: ['targetYear'] });
export type TargetInput = z.infer<typeof targetInputSchema>;
export const targetUpdateSchema = z.strictObject(targetShape).partial().extend({ version: z.number().int().min(1) });
export type TargetUpdate = z.infer<typeof targetUpdateSchema>;

export const targetPointSchema = z.object({ year: z.number().int(), value: z.number().nullable() });

/** A target with how it stands at the end of `asOfYear`, and why. */
export const targetEvaluationSchema = z.object({
  id: z.string(),
  code: z.string(),
  ...targetShape,
  status: z.enum(['active', 'retired']),
  version: z.number().int(),
  asOfYear: z.number().int(),
  baseline: z.number().nullable(),
  current: z.number().nullable(),
  /** The current value as a share of the goal (1 = reached; above 1 = beyond it), null when not measurable. */
  progress: z.number().nullable(),
  /** Where the value should stand in `asOfYear` on the path from the baseline to the goal. */
  required: z.number().nullable(),
  /** The value expected in the target year if the current pace holds. */
  projection: z.number().nullable(),
  verdict: z.enum(VERDICTS),
  history: z.array(targetPointSchema),
});
export type TargetEvaluation = z.infer<typeof targetEvaluationSchema>;

export const targetListQuerySchema = z.strictObject({
  asOfYear: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
});
export const targetListSchema = z.object({ asOfYear: z.number().int(), items: z.array(targetEvaluationSchema) });
export type TargetList = z.infer<typeof targetListSchema>;
