import { z } from 'zod';

/**
 * Review and publication of a 亩产效益 run (issue 4): staff adjustments with reason and evidence,
 * the run's states, and the enterprises' objections (异议). Rules in `docs/evaluation.md`.
 */

/** 加分, 减分, 一票否决, or T (暂不评价) marked by staff; each names an item of the run's scheme. */
export const ADJUSTMENT_KINDS = ['bonus', 'penalty', 'veto', 'exempt'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const adjustmentInputSchema = z
  .strictObject({
    enterpriseId: z.string().min(1).max(40),
    kind: z.enum(ADJUSTMENT_KINDS),
    code: z.string().min(1).max(40),
    /** Points for 加分/减分 (positive; the item's maximum applies); null for a veto or T. */
    points: z.number().positive().max(1000).nullable(),
    reason: text(500),
    /** The document it rests on: 文书名称及文号, 检查记录, 证明材料. */
    evidence: text(500),
  })
  .refine((a) => (a.kind === 'bonus' || a.kind === 'penalty') === (a.points !== null), { message: 'evaluation.pointsForBonusPenaltyOnly', path: ['points'] });
export type AdjustmentInput = z.infer<typeof adjustmentInputSchema>;

/** draft (staff adjust) → submitted → approved by a second person → published (frozen); a later publication of the year supersedes it. */
export const RUN_STATES = ['draft', 'submitted', 'approved', 'published', 'superseded'] as const;
export type RunState = (typeof RUN_STATES)[number];

export const RUN_ACTIONS = ['submit', 'approve', 'return', 'publish'] as const;
export type RunAction = (typeof RUN_ACTIONS)[number];

export const runTransitionSchema = z
  .strictObject({ action: z.enum(RUN_ACTIONS), version: z.number().int().min(1), note: z.string().trim().max(500).nullable() })
  .refine((t) => t.action !== 'return' || (t.note !== null && t.note.length > 0), { message: 'evaluation.returnNeedsNote', path: ['note'] });
export type RunTransition = z.infer<typeof runTransitionSchema>;

export const objectionInputSchema = z.strictObject({ text: z.string().trim().min(5).max(2000) });

/** 维持原结果, or 予以更正 (the correction is made by a new run). */
export const OBJECTION_OUTCOMES = ['maintained', 'corrected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const objectionAnswerSchema = z.strictObject({ version: z.number().int().min(1), outcome: z.enum(OBJECTION_OUTCOMES), answer: text(2000) });
