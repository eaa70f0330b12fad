import { z } from 'zod';
import { ENTERPRISE_CATEGORIES, ENTERPRISE_STATUSES, INDUSTRY_CHAINS, QUALIFICATION_TYPES, SCALES } from './enums';
import { LIMITS } from './limits';
import { usccProblem } from './uscc';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number = LIMITS.textMax) => z.string().trim().max(max);

export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = usccProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `uscc.${problem}` });
  });

export const qualificationSchema = z.strictObject({
  type: z.enum(QUALIFICATION_TYPES),
  grantedOn: isoDate,
  expiresOn: isoDate.nullable().default(null),
  certificateNo: text(64).nullable().default(null),
});
export type Qualification = z.infer<typeof qualificationSchema>;

/** The editable fields of an enterprise, without defaults (a partial update must not invent values). */
const enterpriseShape = {
  uscc: usccSchema,
  name: text(LIMITS.nameMax).min(2),
  legalRepresentative: text(50).nullable(),
  address: text(200).nullable(),
  unitId: z.string().min(1).max(40),
  industryChain: z.enum(INDUSTRY_CHAINS),
  industryCode: z.string().regex(/^\d{2,4}$/, 'industry.code'),
  category: z.enum(ENTERPRISE_CATEGORIES),
  scale: z.enum(SCALES),
  scaleSince: isoDate.nullable(),
  establishedOn: isoDate.nullable(),
  twoHigh: z.boolean(),
  nearYangtze: z.boolean(),
  cloudAdopted: z.boolean(),
  cncRate: z.number().min(0).max(100).nullable(),
  contactName: text(50).nullable(),
  contactPhone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, 'phone').nullable(),
  description: text(1000).nullable(),
  qualifications: z.array(qualificationSchema).max(30),
};

/** The fields of a new enterprise, as a form holds them; optional ones default to empty. */
export const enterpriseFieldsSchema = z.strictObject({
  ...enterpriseShape,
  legalRepresentative: enterpriseShape.legalRepresentative.default(null),
  address: enterpriseShape.address.default(null),
  scaleSince: enterpriseShape.scaleSince.default(null),
  establishedOn: enterpriseShape.establishedOn.default(null),
  twoHigh: enterpriseShape.twoHigh.default(false),
  nearYangtze: enterpriseShape.nearYangtze.default(false),
  cloudAdopted: enterpriseShape.cloudAdopted.default(false),
  cncRate: enterpriseShape.cncRate.default(null),
  contactName: enterpriseShape.contactName.default(null),
  contactPhone: enterpriseShape.contactPhone.default(null),
  description: enterpriseShape.description.default(null),
  qualifications: enterpriseShape.qualifications.default([]),
});
export type EnterpriseFields = z.infer<typeof enterpriseFieldsSchema>;

export const enterpriseCreateSchema = enterpriseFieldsSchema;
/** A partial update carries the version it was read at; a stale version is refused with 409. */
export const enterpriseUpdateSchema = z.strictObject(enterpriseShape).partial().extend({ version: z.number().int().min(1) });
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdateSchema>;

export const enterpriseSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  unitId: z.string(),
  unitPath: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  industryChain: z.enum(INDUSTRY_CHAINS),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  category: z.enum(ENTERPRISE_CATEGORIES),
  scale: z.enum(SCALES),
  scaleSince: z.string().nullable(),
  establishedOn: z.string().nullable(),
  twoHigh: z.boolean(),
  nearYangtze: z.boolean(),
  cloudAdopted: z.boolean(),
  cncRate: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  description: z.string().nullable(),
  qualifications: z.array(qualificationSchema),
  status: z.enum(ENTERPRISE_STATUSES),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const ENTERPRISE_SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'uscc', '-uscc', 'establishedOn', '-establishedOn'] as const;

export const enterpriseListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  sort: z.enum(ENTERPRISE_SORTS).default('name'),
  q: z.string().trim().max(50).optional(),
  unitId: z.string().max(40).optional(),
  industryChain: z.enum(INDUSTRY_CHAINS).optional(),
  category: z.enum(ENTERPRISE_CATEGORIES).optional(),
  scale: z.enum(SCALES).optional(),
  qualification: z.enum(QUALIFICATION_TYPES).optional(),
  status: z.enum([...ENTERPRISE_STATUSES, 'all']).default('active'),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;

/**
 * One row of the enterprise list: what the list page can show (its columns, the demo tag, the link)
 * and what pickers need. Contacts, address, description and the version stay on the detail record.
 */
export const enterpriseListItemSchema = enterpriseSchema.pick({
  id: true,
  uscc: true,
  name: true,
  unitId: true,
  unitPath: true,
  industryChain: true,
  industryCode: true,
  industryName: true,
  category: true,
  scale: true,
  establishedOn: true,
  twoHigh: true,
  nearYangtze: true,
  cloudAdopted: true,
  cncRate: true,
  qualifications: true,
  status: true,
  isDemo: true,
  updatedAt: true,
});
export type EnterpriseListItem = z.infer<typeof enterpriseListItemSchema>;

export const enterpriseListSchema = z.object({
  items: z.array(enterpriseListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EnterpriseList = z.infer<typeof enterpriseListSchema>;

/** One entry of an enterprise's change history (from the audit log). */
export const changeSchema = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })),
});
export type Change = z.infer<typeof changeSchema>;

export const enterpriseStatsSchema = z.object({
  total: z.number().int(),
  byPark: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  byZone: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  byIndustryChain: z.array(z.object({ key: z.string(), count: z.number().int() })),
  byScale: z.array(z.object({ key: z.string(), count: z.number().int() })),
  byCategory: z.array(z.object({ key: z.string(), count: z.number().int() })),
});
export type EnterpriseStats = z.infer<typeof enterpriseStatsSchema>;
