import { z } from 'zod';
import { DEPARTMENTS } from './enums';
import { PARCEL_STATUSES } from './land';

/**
 * The plan's ways of putting low-efficiency land to better use (六(一), 一企一策): 腾笼换鸟
 * (replacement), 兼并提效 (merger), 期限整改 (rectification), 增资技改 (upgrade), 协商收回
 * (negotiated recovery).
 */
export const DISPOSAL_KINDS = ['replacement', 'merger', 'rectification', 'upgrade', 'negotiatedRecovery'] as const;
export type DisposalKind = (typeof DISPOSAL_KINDS)[number];

/** 拟定 / 实施中 / 已完成 / 已终止. */
export const DISPOSAL_STATES = ['draft', 'inProgress', 'completed', 'terminated'] as const;
export type DisposalState = (typeof DISPOSAL_STATES)[number];

/** Which state may follow which; 已完成 and 已终止 close the case. */
export const DISPOSAL_TRANSITIONS: Record<DisposalState, readonly DisposalState[]> = {
  draft: ['inProgress', 'terminated'],
  inProgress: ['completed', 'terminated'],
  completed: [],
  terminated: [],
};

/** Kinds that name an incoming enterprise or project: the new bird, or the acquirer (兼并方). */
export const KINDS_WITH_INCOMING: readonly DisposalKind[] = ['replacement', 'merger'];

/** The per-mu figures a case may cite as why the land is low-efficiency (亩产效益), 万元/亩. */
export const EFFICIENCY_INDICATORS = ['taxPerMu', 'revenuePerMu', 'valueAddedPerMu', 'investmentPerMu'] as const;
export type EfficiencyIndicator = (typeof EFFICIENCY_INDICATORS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const id = z.string().max(40);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

/** The figure behind "low-efficiency": e.g. 2024 亩均税收 3.2 万元/亩 against a 15 万元/亩 benchmark. */
export const efficiencyFigureSchema = z.strictObject({
  indicator: z.enum(EFFICIENCY_INDICATORS),
  year: z.number().int().min(2000).max(2100),
  value: z.number().min(0),
  /** The line it falls short of (园区平均, 标准地承诺 …), same unit; null when none is cited. */
  benchmark: z.number().min(0).nullable(),
});
export type EfficiencyFigure = z.infer<typeof efficiencyFigureSchema>;

export const milestoneInputSchema = z.strictObject({
  title: z.string().trim().min(2).max(200),
  dueOn: isoDate.nullable(),
  /** Who carries it out (a person or an office). */
  owner: optionalText(50),
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

const caseShape = {
  kind: z.enum(DISPOSAL_KINDS),
  title: z.string().trim().min(2).max(100),
  /** The enterprise whose land it is, when it is in the registry. */
  enterpriseId: id.nullable(),
  parcelIds: z.array(id).min(1).max(20).refine((ids) => new Set(ids).size === ids.length, 'disposal.parcelsRepeat'),
  /** Why the land counts as low-efficiency, in words. */
  reason: z.string().trim().min(2).max(1000),
  figure: efficiencyFigureSchema.nullable(),
  incomingEnterpriseId: id.nullable(),
  incomingProject: optionalText(100),
  department: z.enum(DEPARTMENTS),
  responsiblePerson: optionalText(50),
  startOn: isoDate.nullable(),
  deadlineOn: isoDate.nullable(),
};

/** A new case (拟定); the code is numbered CZ-<year>-<nnn> when not given. */
export const disposalInputSchema = z.strictObject({
  ...caseShape,
  code: z.string().trim().regex(/^[A-Za-z0-9\-_]{2,40}$/, 'disposal.code').nullable().default(null),
  milestones: z.array(milestoneInputSchema).max(30).default([]),
});
export type DisposalInput = z.infer<typeof disposalInputSchema>;
export const disposalUpdateSchema = z.strictObject(caseShape).partial().extend({ version: z.number().int().min(1) });
export type DisposalUpdate = z.infer<typeof disposalUpdateSchema>;

/** Moves a case on (DISPOSAL_TRANSITIONS), dated `on` (default today); a termination says why. */
export const disposalStateChangeSchema = z.strictObject({
  version: z.number().int().min(1),
  state: z.enum(DISPOSAL_STATES),
  on: isoDate.optional(),
  note: optionalText(500).optional(),
  /** On completing a 协商收回 case: record its parcels as 收回 from that day. */
  recoverParcels: z.boolean().optional(),
});
export type DisposalStateChange = z.infer<typeof disposalStateChangeSchema>;

/** Edits a milestone, or ticks it done (`done: true`, on `doneOn` or today; never after today) or undone. */
export const milestoneUpdateSchema = milestoneInputSchema.partial().extend({ version: z.number().int().min(1), done: z.boolean().optional(), doneOn: isoDate.optional() });
export type MilestoneUpdate = z.infer<typeof milestoneUpdateSchema>;
export const milestoneAddSchema = milestoneInputSchema.extend({ version: z.number().int().min(1) });
export type MilestoneAdd = z.infer<typeof milestoneAddSchema>;

export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  owner: z.string().nullable(),
  doneOn: z.string().nullable(),
  doneBy: z.string().nullable(),
  /** Not done and past its due date on the server's today, in an open case. */
  overdue: z.boolean(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

const caseParcelSchema = z.object({ id: z.string(), code: z.string(), name: z.string().nullable(), unitName: z.string(), areaMu: z.number(), status: z.enum(PARCEL_STATUSES) });

export const disposalSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  ...caseShape,
  parcelIds: z.array(z.string()),
  parcels: z.array(caseParcelSchema),
  /** The parcels' registered area together, 亩. */
  areaMu: z.number(),
  enterpriseName: z.string().nullable(),
  incomingEnterpriseName: z.string().nullable(),
  state: z.enum(DISPOSAL_STATES),
  stateSince: z.string(),
  completedOn: z.string().nullable(),
  /** Milestones done of all: the case's progress. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  overdueMilestones: z.number().int(),
  /** Open and past its deadline on the server's today. */
  overdue: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type DisposalSummary = z.infer<typeof disposalSummarySchema>;

export const disposalCaseSchema = disposalSummarySchema.extend({
  milestones: z.array(milestoneSchema),
  /** Oldest first. */
  stateHistory: z.array(z.object({ state: z.enum(DISPOSAL_STATES), since: z.string(), actor: z.string().nullable(), note: z.string().nullable() })),
});
export type DisposalCase = z.infer<typeof disposalCaseSchema>;

export const disposalListQuerySchema = z.strictObject({
  kind: z.enum(DISPOSAL_KINDS).optional(),
  state: z.enum(DISPOSAL_STATES).optional(),
  /** A park or zone: cases with a parcel in it. */
  unitId: z.string().max(40).optional(),
  q: z.string().trim().max(50).optional(),
});
export type DisposalListQuery = z.infer<typeof disposalListQuerySchema>;

/** The cases in scope, newest first, with the day overdue was judged on. */
export const disposalListSchema = z.object({ asOf: z.string(), items: z.array(disposalSummarySchema) });
export type DisposalList = z.infer<typeof disposalListSchema>;
