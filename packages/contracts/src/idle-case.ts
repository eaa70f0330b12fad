import { z } from 'zod';
import { GOVERNMENT_DELAY_CAUSES, GOVERNMENT_DELAY_OPTIONS } from './land';

/**
 * An idle-land case's stages (闲置土地处置办法): 调查 → 认定 → 原因区分 → 处置方案 → 公开 → 救济/结案.
 */
export const IDLE_CASE_STAGES = ['investigation', 'determination', 'cause', 'plan', 'publication', 'remedy', 'closed'] as const;
export type IdleCaseStage = (typeof IDLE_CASE_STAGES)[number];

/** What the rules found when the case was opened: a fee (1 full year), recovery (2), or a government-caused delay. */
export const IDLE_CASE_KINDS = ['idleFee', 'recovery', 'governmentDelay'] as const;
export type IdleCaseKind = (typeof IDLE_CASE_KINDS)[number];

/** The holder's fault, or one of the government causes of 第八条. */
export const IDLE_CAUSES = ['holder', ...GOVERNMENT_DELAY_CAUSES] as const;
export type IdleCause = (typeof IDLE_CAUSES)[number];

/** How a closed case ended. */
export const IDLE_OUTCOMES = ['notIdle', 'feePaid', 'landRecovered', 'optionCarriedOut', 'decisionRevoked'] as const;
export type IdleOutcome = (typeof IDLE_OUTCOMES)[number];

/**
 * The procedure's periods, in days unless named otherwise (部令第53号 第六条 investigation within 30
 * days and the holder's answer within 30 days of the notice; 第十六条 fee paid / registration
 * cancelled within 30 days of the decision; 行政复议 60 days, 行政诉讼 6 months).
 */
export const IDLE_PROCEDURE = { investigationDays: 30, responseDays: 30, complianceDays: 30, reviewDays: 60, lawsuitMonths: 6 } as const;

/** 闲置土地调查通知书, 闲置土地认定书, 征缴土地闲置费决定书, 收回国有建设用地使用权决定书, 闲置土地处置方案. */
export const IDLE_DOCUMENTS = ['investigationNotice', 'determination', 'feeDecision', 'recoveryDecision', 'disposalPlan'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const documentNumber = z.string().trim().min(1).max(60);
const note = z.string().trim().max(1000).nullable().default(null);

/** One act on a case: the date is the day it was recorded, the actor the account that recorded it. */
export const idleCaseStepSchema = z.object({
  stage: z.enum(IDLE_CASE_STAGES),
  action: z.string(),
  doneOn: isoDate,
  actor: z.string(),
  /** The document the act issued (its kind names the 文书) and its 文号. */
  document: z.object({ kind: z.enum(IDLE_DOCUMENTS), number: z.string() }).nullable(),
  note: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type IdleCaseStep = z.infer<typeof idleCaseStepSchema>;

/** A date the procedure sets, computed from the steps. */
export const idleCaseDeadlineSchema = z.object({ key: z.enum(['investigation', 'response', 'compliance', 'review', 'lawsuit']), dueOn: isoDate, passed: z.boolean() });

export const idleCaseSchema = z.object({
  id: z.string(),
  parcelId: z.string(),
  parcelCode: z.string(),
  parcelName: z.string().nullable(),
  holderEnterpriseId: z.string().nullable(),
  holderName: z.string().nullable(),
  kind: z.enum(IDLE_CASE_KINDS),
  rule: z.enum(['notStarted', 'stalled']),
  idleSince: isoDate,
  fullYears: z.number().int(),
  priceYuan: z.number().nullable(),
  /** 土地闲置费 due: 20 % of the price; null once the delay is the government's, or for recovery. */
  feeYuan: z.number().nullable(),
  cause: z.enum(IDLE_CAUSES).nullable(),
  option: z.enum(GOVERNMENT_DELAY_OPTIONS).nullable(),
  stage: z.enum(IDLE_CASE_STAGES),
  outcome: z.enum(IDLE_OUTCOMES).nullable(),
  openedOn: isoDate,
  steps: z.array(idleCaseStepSchema),
  deadlines: z.array(idleCaseDeadlineSchema),
  /** What may be recorded next, in this stage. */
  actions: z.array(z.string()),
  version: z.number().int(),
});
export type IdleCase = z.infer<typeof idleCaseSchema>;

export const idleCaseListQuerySchema = z.strictObject({
  open: z.enum(['true', 'false']).optional(),
  stage: z.enum(IDLE_CASE_STAGES).optional(),
  parcelId: z.string().max(40).optional(),
});
export type IdleCaseListQuery = z.infer<typeof idleCaseListQuerySchema>;

const base = { version: z.number().int().min(1), note };
/** The acts a case records, each in its stage. */
export const idleCaseActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('investigate'), documentNumber, ...base }),
  z.strictObject({ action: z.literal('determine'), documentNumber, ...base }),
  z.strictObject({ action: z.literal('dismiss'), ...base, note: z.string().trim().min(1).max(1000) }),
  z.strictObject({ action: z.literal('assignCause'), cause: z.enum(IDLE_CAUSES), ...base }),
  z.strictObject({ action: z.literal('decide'), documentNumber, ...base }),
  z.strictObject({ action: z.literal('chooseOption'), option: z.enum(GOVERNMENT_DELAY_OPTIONS), newStartOn: isoDate.nullable().default(null), documentNumber, ...base }),
  z.strictObject({ action: z.literal('publish'), ...base }),
  z.strictObject({ action: z.literal('appeal'), appeal: z.enum(['review', 'lawsuit']), ...base }),
  z.strictObject({ action: z.literal('close'), outcome: z.enum(['feePaid', 'landRecovered', 'optionCarriedOut', 'decisionRevoked']), ...base }),
]);
export type IdleCaseAction = z.infer<typeof idleCaseActionSchema>;

export const idleJobResultSchema = z.object({ asOf: isoDate, opened: z.number().int(), feeWithdrawn: z.number().int(), ms: z.number() });
export type IdleJobResult = z.infer<typeof idleJobResultSchema>;
