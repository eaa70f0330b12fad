import { ENTERPRISE_SELF_FIELDS, type Change, type EnterpriseFields, type Qualification } from '@yuanqu/contracts';
import type { EnterpriseTable } from '../../db/schema';

/** An enterprise as services handle it: the row, where it sits, and its qualifications. */
export interface EnterpriseRecord extends EnterpriseTable {
  unitPath: string;
  qualifications: Qualification[];
}

/** The fields that make up the record's content (what history and import compare). */
export const CONTENT_FIELDS = [
  'uscc', 'name', 'legalRepresentative', 'address', 'unitId', 'industryChain', 'industryCode', 'category', 'scale',
  'scaleSince', 'establishedOn', 'twoHigh', 'nearYangtze', 'cloudAdopted', 'cncRate', 'contactName', 'contactPhone',
  'description', 'qualifications',
] as const satisfies readonly (keyof EnterpriseFields)[];

/** The editable content of a record in the form the API speaks (booleans, not 0/1). */
export function contentOf(r: EnterpriseRecord): EnterpriseFields {
  return {
    uscc: r.uscc,
    name: r.name,
    legalRepresentative: r.legalRepresentative,
    address: r.address,
    unitId: r.unitId,
    industryChain: r.industryChain as EnterpriseFields['industryChain'],
    industryCode: r.industryCode,
    category: r.category as EnterpriseFields['category'],
    scale: r.scale as EnterpriseFields['scale'],
    scaleSince: r.scaleSince,
    establishedOn: r.establishedOn,
    twoHigh: r.twoHigh === 1,
    nearYangtze: r.nearYangtze === 1,
    cloudAdopted: r.cloudAdopted === 1,
    cncRate: r.cncRate,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    description: r.description,
    qualifications: r.qualifications,
  };
}

/**
 * Column values for the enterprise table from API-form content (qualifications live in their own
 * table). Spelled out rather than spread: V8 gave each `{ ...rest }` copy a hidden class of its own,
 * 100,000 of them in a 100,000-row import.
 */
export function columnsOf(f: Omit<EnterpriseFields, 'qualifications'>): Omit<EnterpriseTable, 'id' | 'status' | 'isDemo' | 'version' | 'createdAt' | 'updatedAt'> {
  return {
    uscc: f.uscc,
    name: f.name,
    legalRepresentative: f.legalRepresentative,
    address: f.address,
    unitId: f.unitId,
    industryChain: f.industryChain,
    industryCode: f.industryCode,
    category: f.category,
    scale: f.scale,
    scaleSince: f.scaleSince,
    establishedOn: f.establishedOn,
    twoHigh: f.twoHigh ? 1 : 0,
    nearYangtze: f.nearYangtze ? 1 : 0,
    cloudAdopted: f.cloudAdopted ? 1 : 0,
    cncRate: f.cncRate,
    contactName: f.contactName,
    contactPhone: f.contactPhone,
    description: f.description,
  };
}

/** Qualifications in a stable order, so the same set compares equal however it was entered. */
export function sortQualifications(qs: Qualification[]): Qualification[] {
  return [...qs].sort((a, b) => a.type.localeCompare(b.type) || a.grantedOn.localeCompare(b.grantedOn));
}

/** Fields an enterprise user tried to change that are the committee's to keep. */
export function fieldsNotPermittedForSelf(patch: object): string[] {
  const allowed: readonly string[] = ENTERPRISE_SELF_FIELDS;
  return Object.keys(patch).filter((k) => k !== 'version' && !allowed.includes(k));
}

/**
 * A new record as its audit row keeps it: the values it was created with, empty ones left out.
 * Half the bytes of old → new pairs whose old side is always empty (a 100,000-row import writes
 * and hashes one per row); `createdChanges` gives the pairs back for the history.
 */
export function createdValues(fields: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

/** The change list of a create kept as values: every field new, nothing before. */
export function createdChanges(values: Record<string, unknown>): Change['changes'] {
  const out: Change['changes'] = {};
  for (const [key, value] of Object.entries(values)) out[key] = { old: null, new: value };
  return out;
}
