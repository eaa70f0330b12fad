import { z } from 'zod';
import { INDUSTRY_CHAINS, SCALES } from './enums';
import { FIGURE_KEYS, FIGURES, parsePeriod, type FigureKey } from './figures';

export const periodSchema = z.string().refine((v) => parsePeriod(v) !== null, 'period');

/** The largest 元 amount a figure may hold (≈ 9 × 10¹⁵, where JavaScript numbers stay exact). */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

function figureValueSchema(key: FigureKey) {
  const def = FIGURES.find((f) => f.key === key)!;
  if (def.unit === 'flag') return z.union([z.literal(0), z.literal(1)]).nullable();
  if (def.unit === 'percent') return z.number().min(0).max(100).nullable();
  const n = z.number().int('figure.integer').max(MAX_EXACT);
  return (def.signed ? n.min(-MAX_EXACT) : n.min(0)).nullable();
}

/** Reported values: any subset of the figures, each in its stored unit (元, 人, kgce, kWh, kg, 0/1, %). */
export const figureValuesSchema = z.strictObject(
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, figureValueSchema(k).optional()])) as Record<FigureKey, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>,
);

export const REPORT_STATUSES = ['pending', 'approved', 'returned', 'superseded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_SOURCES = ['portal', 'staff', 'import'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export const WARNING_CODES = ['cumulativeDecrease', 'cumulativeAboveNext', 'monthJump', 'taxAboveRevenue', 'mainAboveOperating', 'valueAddedAboveOutput', 'profitAboveRevenue'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** A plausibility check that failed: the reviewer must acknowledge it before the figures count. */
export const figureWarningSchema = z.object({
  code: z.enum(WARNING_CODES),
  field: z.enum(FIGURE_KEYS),
  value: z.number(),
  reference: z.number(),
  referenceField: z.enum(FIGURE_KEYS).nullable(),
  factor: z.number().nullable(),
});
export type FigureWarning = z.infer<typeof figureWarningSchema>;

export const reportSubmitSchema = z.strictObject({
  enterpriseId: z.string().max(40),
  period: periodSchema,
  values: figureValuesSchema,
  note: z.string().trim().max(500).nullable().default(null),
  /** Staff entering figures directly confirm the warnings they were shown. */
  acknowledgeWarnings: z.boolean().default(false),
});
export type ReportSubmit = z.infer<typeof reportSubmitSchema>;

export const reportReviewSchema = z.strictObject({
  version: z.number().int().min(1),
  acknowledgeWarnings: z.boolean().default(false),
});
export const reportReturnSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2).max(500),
});

export const reportSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  period: z.string(),
  source: z.enum(REPORT_SOURCES),
  status: z.enum(REPORT_STATUSES),
  values: z.record(z.string(), z.number().nullable()),
  warnings: z.array(figureWarningSchema),
  warningsAcknowledged: z.boolean(),
  note: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Report = z.infer<typeof reportSchema>;

export const reportListQuerySchema = z.strictObject({
  status: z.enum([...REPORT_STATUSES, 'all']).default('pending'),
  period: periodSchema.optional(),
  enterpriseId: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reportListSchema = z.object({
  items: z.array(reportSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReportList = z.infer<typeof reportListSchema>;

/** One period of an enterprise's counted figures, with 当月 and 同比 derived. */
export const enterprisePeriodSchema = z.object({
  period: z.string(),
  reportId: z.string(),
  values: z.record(z.string(), z.number().nullable()),
  month: z.record(z.string(), z.number().nullable()),
  yoy: z.record(z.string(), z.number().nullable()),
});
export const enterpriseFiguresSchema = z.object({
  enterpriseId: z.string(),
  year: z.number().int(),
  periods: z.array(enterprisePeriodSchema),
});
export type EnterpriseFigures = z.infer<typeof enterpriseFiguresSchema>;

export const GROUP_BYS = ['base', 'park', 'zone', 'industryChain', 'scale', 'enterprise'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Which enterprises an aggregate covers; scale is membership in the period, not today's. */
export const statisticsFilterSchema = z.strictObject({
  unitId: z.string().max(40).optional(),
  industryChain: z.enum(INDUSTRY_CHAINS).optional(),
  scale: z.enum(SCALES).optional(),
  /** Any chosen set of enterprises, comma-separated ids. */
  enterpriseIds: z
    .string()
    .max(4100)
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .refine((ids) => ids === undefined || ids.length <= 100, 'at most 100 enterprises; use the filters for more'),
});
export type StatisticsFilter = z.infer<typeof statisticsFilterSchema>;

export const summaryQuerySchema = statisticsFilterSchema.extend({
  period: periodSchema,
  groupBy: z.enum(GROUP_BYS).default('base'),
  /** At most this many rows, the largest by 主营业务收入 first (a province has tens of thousands of firms). */
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

const figureRecord = z.record(z.string(), z.number().nullable());
export const summaryRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  reporters: z.number().int(),
  values: figureRecord,
  lastYear: figureRecord,
  yoy: figureRecord,
  share: figureRecord,
});
export const summarySchema = z.object({
  period: z.string(),
  groupBy: z.enum(GROUP_BYS),
  /** How many groups there are; `rows` holds the first `limit` of them. */
  groups: z.number().int(),
  rows: z.array(summaryRowSchema),
  total: summaryRowSchema,
});
export type SummaryRow = z.infer<typeof summaryRowSchema>;
export type Summary = z.infer<typeof summarySchema>;

export const FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const seriesQuerySchema = statisticsFilterSchema.extend({
  figure: z.enum(FIGURE_KEYS),
  frequency: z.enum(FREQUENCIES).default('year'),
  from: z.coerce.number().int().min(2000).max(2100),
  to: z.coerce.number().int().min(2000).max(2100),
});
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

export const seriesSchema = z.object({
  figure: z.enum(FIGURE_KEYS),
  frequency: z.enum(FREQUENCIES),
  points: z.array(z.object({ label: z.string(), period: z.string(), cumulative: z.number().nullable(), value: z.number().nullable(), yoy: z.number().nullable() })),
  /** Compound annual growth of the annual values from the first to the last full year. */
  cagr: z.number().nullable(),
});
export type Series = z.infer<typeof seriesSchema>;

export const statisticsSettingsSchema = z.strictObject({
  /** A month's value more than this many times the previous month's (or less than its inverse) is flagged. */
  jumpFactor: z.number().min(1.1).max(100),
  /** Day of the following month by which a period's report is due. */
  deadlineDay: z.number().int().min(1).max(28),
  /** A different due date for particular periods (a holiday, the annual report), `YYYY-MM` → `YYYY-MM-DD`. */
  deadlineOverrides: z
    .record(periodSchema, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'))
    .refine((r) => Object.keys(r).length <= 60, 'too many'),
  version: z.number().int().min(1),
});
export type StatisticsSettings = z.infer<typeof statisticsSettingsSchema>;

/** Enterprises that owe a period's report: none counted or waiting for review. */
export const overdueSchema = z.object({
  period: z.string(),
  /** The last day to report, from the deadline setting. */
  dueOn: z.string(),
  /** True once the due day has passed. */
  overdue: z.boolean(),
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      uscc: z.string(),
      unitId: z.string(),
      returned: z.boolean(),
      lastRemindedAt: z.string().nullable(),
      hasAccount: z.boolean(),
    }),
  ),
});
export type Overdue = z.infer<typeof overdueSchema>;

export const reminderSchema = z.strictObject({
  period: periodSchema,
  /** Only these enterprises; all that owe the report when absent. */
  enterpriseIds: z.array(z.string().max(40)).max(500).optional(),
});
export const reminderResultSchema = z.object({ enterprises: z.number().int(), users: z.number().int(), withoutAccount: z.number().int() });
export type ReminderResult = z.infer<typeof reminderResultSchema>;

/** POST /statistics/import?acknowledgeWarnings=true confirms the warnings the previous attempt listed. */
export const figureImportQuerySchema = z.strictObject({
  acknowledgeWarnings: z.enum(['true', 'false']).optional(),
});

/** A plausibility warning of one imported row (in details.warnings of WARNINGS_UNACKNOWLEDGED). */
export const figureImportWarningSchema = z.object({
  row: z.number().int(),
  uscc: z.string(),
  period: z.string(),
  warning: figureWarningSchema,
});
export type FigureImportWarning = z.infer<typeof figureImportWarningSchema>;
