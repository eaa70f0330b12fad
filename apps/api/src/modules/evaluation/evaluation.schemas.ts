import { z } from 'zod';
import { CLASS_LABELS, FIGURE_KEYS } from '@yuanqu/contracts';

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

/** The scheme a preview or run used; `id` is its version's record (null for runs made before schemes were data). */
export const schemeRefSchema = z.object({ id: z.string().nullable(), code: z.string(), version: z.number().int(), name: z.string(), reference: z.boolean() });

export const previewSchema = z.object({ year: z.number().int(), scheme: schemeRefSchema, results: z.array(resultRowSchema) });

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

export const runSchema = runSummarySchema.extend({ results: z.array(resultRowSchema) });
