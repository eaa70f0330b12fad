/** Enumerations shared by the API and the web app. Labels live in the web locales. */

export const ROLES = ['admin', 'staff', 'leader', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

/** Committee departments (staff are members of one or more). */
export const DEPARTMENTS = ['economy', 'investment', 'project', 'land', 'safety', 'service'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** The plan's "3+3" industry system. */
export const INDUSTRY_CHAINS = ['newMaterials', 'equipment', 'petrochemical', 'digital', 'logistics', 'techService'] as const;
export type IndustryChain = (typeof INDUSTRY_CHAINS)[number];

export const ENTERPRISE_CATEGORIES = ['industrial', 'logistics', 'incubator', 'other'] as const;
export type EnterpriseCategory = (typeof ENTERPRISE_CATEGORIES)[number];

/** 规上 (above designated size) or 规下. */
export const SCALES = ['above', 'below'] as const;
export type Scale = (typeof SCALES)[number];

export const QUALIFICATION_TYPES = [
  'highTech',
  'srdiSme',
  'provincialSrdi',
  'littleGiant',
  'provincialKey',
  'nationalIncubator',
  'makerSpace',
] as const;
export type QualificationType = (typeof QUALIFICATION_TYPES)[number];

export const ENTERPRISE_STATUSES = ['active', 'archived'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const UNIT_KINDS = ['district', 'base', 'park', 'zone'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Fields an enterprise user may edit on its own record; everything else is the committee's. */
export const ENTERPRISE_SELF_FIELDS = ['address', 'contactName', 'contactPhone', 'cloudAdopted', 'cncRate', 'description'] as const;
