import { factoryInputSchema, type Factory, type FactoryInput } from '@yuanqu/contracts';
import { ApiError } from '../../api/client';
import { normalizeDecimal } from '../../utils/decimal';
import { fieldErrors, issuesFromDetails, type Translate } from '../../utils/zod-errors';
import { formatSqm } from './parcel-display';

/** One occupant as the dialog holds it: the picked enterprise (its name for the picker) and the area as typed. */
export interface OccupantForm {
  enterpriseId: string | null;
  name: string | null;
  areaSqm: string;
}

/** The building dialog: numbers as typed, in ㎡. */
export interface FactoryForm {
  code: string;
  name: string;
  unitId: string;
  parcelId: string | null;
  completedOn: string | null;
  floors: string;
  floorAreaSqm: string;
  occupants: OccupantForm[];
}

export function emptyFactoryForm(): FactoryForm {
  return { code: '', name: '', unitId: '', parcelId: null, completedOn: null, floors: '', floorAreaSqm: '', occupants: [] };
}

export function factoryFormFrom(f: Factory): FactoryForm {
  return {
    code: f.code,
    name: f.name,
    unitId: f.unitId,
    parcelId: f.parcelId,
    completedOn: f.completedOn,
    floors: String(f.floors),
    floorAreaSqm: String(f.floorAreaSqm),
    occupants: f.occupants.map((o) => ({ enterpriseId: o.enterpriseId, name: o.name, areaSqm: String(o.areaSqm) })),
  };
}

/** A typed number ("12,000" allowed); null when empty, NaN when it is not a number. */
function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const normal = normalizeDecimal(text);
  return normal === null ? Number.NaN : Number(normal);
}

/** The occupants' area as typed so far, ㎡ (entries that are not numbers count 0). */
export function occupiedSqm(form: FactoryForm): number {
  return form.occupants.reduce((s, o) => s + (parseNumber(o.areaSqm) || 0), 0);
}

export type FactoryValidation = { ok: true; value: FactoryInput } | { ok: false; errors: Record<string, string> };

/** The API body of the form, checked with the API's own schema and its rule that occupants fit in the building. */
export function validateFactoryForm(form: FactoryForm, t: Translate): FactoryValidation {
  const floors = parseNumber(form.floors);
  const floorArea = parseNumber(form.floorAreaSqm);
  const occupants = form.occupants.map((o) => ({ enterpriseId: o.enterpriseId, areaSqm: parseNumber(o.areaSqm) }));
  const body = { code: form.code, name: form.name, unitId: form.unitId, parcelId: form.parcelId, completedOn: form.completedOn, floors, floorAreaSqm: floorArea, occupants };
  const result = factoryInputSchema.safeParse(body);
  const errors: Record<string, string> = result.success ? {} : fieldErrors(result.error.issues, t);
  if (!form.code.trim()) errors.code = t('validation.required');
  if (!form.name.trim()) errors.name = t('validation.required');
  if (!form.unitId) errors.unitId = t('validation.select');
  // Say what is wrong with a typed area: not a number, or not above zero.
  const area = (value: number | null, field: string) => {
    if (value === null) return;
    if (Number.isNaN(value)) errors[field] = t('validation.invalid');
    else if (value <= 0) errors[field] = t('factories.form.positive');
  };
  area(floorArea, 'floorAreaSqm');
  occupants.forEach((o, i) => area(o.areaSqm, `occupants.${i}.areaSqm`));
  if (floors !== null && !(Number.isInteger(floors) && floors >= 1 && floors <= 60)) errors.floors = t('factories.form.floorsRange');
  const occupied = occupants.reduce((s, o) => s + (o.areaSqm ?? 0), 0);
  if (floorArea !== null && floorArea > 0 && occupied > floorArea) errors.occupants = t('factories.form.overOccupied', { occupied: formatSqm(occupied), floor: formatSqm(floorArea) });
  if (!result.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: result.data };
}

/** The field errors an API refusal names (a reused code, a place out of scope, an unknown occupant), or null for any other failure. */
export function serverFieldErrors(error: unknown, t: Translate): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'DUPLICATE') return { code: t('factories.form.duplicateCode') };
  if (error.code !== 'VALIDATION') return null;
  const field = (error.details as { field?: unknown } | null)?.field;
  if (field === 'unitId') return { unitId: t('factories.form.unitInvalid') };
  if (field === 'occupants') return { occupants: t('factories.form.occupantsInvalid') };
  const issues = issuesFromDetails(error.details);
  return issues.length ? fieldErrors(issues, t) : null;
}
