import {
  ENTERPRISE_SELF_FIELDS,
  enterpriseFieldsSchema,
  type Enterprise,
  type EnterpriseCategory,
  type EnterpriseFields,
  type IndustryChain,
  type QualificationType,
  type Scale,
} from '@yuanqu/contracts';
import { canWriteEnterprises, type Actor } from '../../utils/permissions';
import { fieldErrors, type Translate } from '../../utils/zod-errors';

export type FieldName = keyof EnterpriseFields;

/** Every field of the form, in the order the API schema lists them. */
export const FIELD_NAMES = Object.keys(enterpriseFieldsSchema.shape) as FieldName[];

/** Fields the schema requires; an empty one reads "必填" rather than the format rule it also breaks. */
export const REQUIRED_FIELDS: readonly FieldName[] = ['uscc', 'name', 'unitId', 'industryChain', 'industryCode', 'category', 'scale'];

export interface QualificationRow {
  type: QualificationType | '';
  grantedOn: string | null;
  expiresOn: string | null;
  certificateNo: string;
}

/** What the inputs hold: '' for an empty text or an unchosen option, null for an empty date or number. */
export interface EnterpriseForm {
  uscc: string;
  name: string;
  legalRepresentative: string;
  address: string;
  unitId: string;
  industryChain: IndustryChain | '';
  industryCode: string;
  category: EnterpriseCategory | '';
  scale: Scale | '';
  scaleSince: string | null;
  establishedOn: string | null;
  twoHigh: boolean;
  nearYangtze: boolean;
  cloudAdopted: boolean;
  cncRate: number | null;
  contactName: string;
  contactPhone: string;
  description: string;
  qualifications: QualificationRow[];
}

export function emptyForm(): EnterpriseForm {
  return {
    uscc: '',
    name: '',
    legalRepresentative: '',
    address: '',
    unitId: '',
    industryChain: '',
    industryCode: '',
    category: '',
    scale: '',
    scaleSince: null,
    establishedOn: null,
    twoHigh: false,
    nearYangtze: false,
    cloudAdopted: false,
    cncRate: null,
    contactName: '',
    contactPhone: '',
    description: '',
    qualifications: [],
  };
}

export function formFromEnterprise(e: Enterprise): EnterpriseForm {
  return {
    uscc: e.uscc,
    name: e.name,
    legalRepresentative: e.legalRepresentative ?? '',
    address: e.address ?? '',
    unitId: e.unitId,
    industryChain: e.industryChain,
    industryCode: e.industryCode,
    category: e.category,
    scale: e.scale,
    scaleSince: e.scaleSince,
    establishedOn: e.establishedOn,
    twoHigh: e.twoHigh,
    nearYangtze: e.nearYangtze,
    cloudAdopted: e.cloudAdopted,
    cncRate: e.cncRate,
    contactName: e.contactName ?? '',
    contactPhone: e.contactPhone ?? '',
    description: e.description ?? '',
    qualifications: e.qualifications.map((q) => ({ ...q, certificateNo: q.certificateNo ?? '' })),
  };
}

/** The form as the API schema's input: optional texts left empty become null. */
export function formInput(form: EnterpriseForm): Record<FieldName, unknown> {
  const orNull = (s: string) => (s.trim() === '' ? null : s);
  return {
    ...form,
    legalRepresentative: orNull(form.legalRepresentative),
    address: orNull(form.address),
    contactName: orNull(form.contactName),
    contactPhone: orNull(form.contactPhone),
    description: orNull(form.description),
    qualifications: form.qualifications.map((q) => ({ ...q, certificateNo: orNull(q.certificateNo) })),
  };
}

/** The fields this user may change; an enterprise user only touches its own contact-type fields. */
export function editableFields(user: Actor | null): ReadonlySet<FieldName> {
  if (canWriteEnterprises(user)) return new Set(FIELD_NAMES);
  if (user?.role === 'enterprise') return new Set<FieldName>(ENTERPRISE_SELF_FIELDS);
  return new Set();
}

export type Validation = { ok: true; value: Partial<EnterpriseFields> } | { ok: false; errors: Record<string, string> };

/**
 * Validates with the API's own schema (restricted to the editable fields, so a read-only value the
 * user cannot fix never blocks the save) and returns the parsed value or one message per field.
 */
export function validateForm(form: EnterpriseForm, editable: ReadonlySet<FieldName>, t: Translate): Validation {
  const input = formInput(form);
  const fields = FIELD_NAMES.filter((f) => editable.has(f));
  const mask = Object.fromEntries(fields.map((f) => [f, true])) as Partial<Record<FieldName, true>>;
  const subset = Object.fromEntries(fields.map((f) => [f, input[f]]));
  const result = enterpriseFieldsSchema.pick(mask).safeParse(subset);
  if (result.success) return { ok: true, value: result.data };
  const errors = fieldErrors(result.error.issues, t);
  for (const f of REQUIRED_FIELDS) {
    if (editable.has(f) && form[f] === '') errors[f] = t('validation.required');
  }
  return { ok: false, errors };
}

/** Key order does not matter when comparing (the server may order qualification keys differently). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Only the fields that differ from the record as loaded: the PATCH body (without its version). */
export function changedFields(value: Partial<EnterpriseFields>, original: Enterprise): Partial<EnterpriseFields> {
  const patch: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value)) {
    if (!sameValue(v, original[field as FieldName])) patch[field] = v;
  }
  return patch as Partial<EnterpriseFields>;
}

export interface ConflictRow {
  field: FieldName;
  yours: unknown;
  current: unknown;
}

/** The fields the user changed whose value now on the server differs from what the user typed. */
export function conflictRows(patch: Partial<EnterpriseFields>, current: Enterprise): ConflictRow[] {
  return (Object.keys(patch) as FieldName[])
    .filter((field) => !sameValue(patch[field], current[field]))
    .map((field) => ({ field, yours: patch[field], current: current[field] }));
}
