import { unitCreateSchema, type UnitCreate, type UnitKind } from '@yuanqu/contracts';
import { ApiError } from '../../api/client';
import { fieldErrors, issuesFromDetails, type Translate } from '../../utils/zod-errors';

export interface UnitForm {
  /** Empty (or cleared) means a unit at the top of the tree. */
  parentId: string | null | undefined;
  kind: UnitKind | '';
  code: string;
  name: string;
}

export function emptyUnitForm(): UnitForm {
  return { parentId: null, kind: '', code: '', name: '' };
}

/** The kind a new unit usually has under a parent of this kind; a zone takes no children. */
const CHILD_KIND: Partial<Record<UnitKind, UnitKind>> = { district: 'base', base: 'park', park: 'zone' };

export function suggestedKind(parentKind: UnitKind | undefined): UnitKind | undefined {
  return parentKind ? CHILD_KIND[parentKind] : undefined;
}

export type UnitValidation = { ok: true; value: UnitCreate } | { ok: false; errors: Record<string, string> };

/** The create body, checked with the API's schema. */
export function validateUnit(form: UnitForm, t: Translate): UnitValidation {
  const result = unitCreateSchema.safeParse({ ...form, parentId: form.parentId || null });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error.issues, t) };
}

/** What the server refused, next to the field it names; empty when the answer names no field. */
export function serverFieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'DUPLICATE') return { code: t('units.codeTaken') };
  if (error.code !== 'VALIDATION') return {};
  const field = (error.details as { field?: unknown } | null)?.field;
  if (field === 'kind') return { kind: t('units.kindMisfit') };
  if (field === 'parentId') return { parentId: t('units.parentMissing') };
  return fieldErrors(issuesFromDetails(error.details), t);
}
