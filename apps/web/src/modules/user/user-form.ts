import { LIMITS, userCreateSchema, userUpdateSchema, type Department, type Role, type User } from '@yuanqu/contracts';
import { fieldErrors, type Translate } from '../../utils/zod-errors';
import type { UserCreate, UserUpdate } from '../../api/users';

export interface UserForm {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departments: Department[];
  enterpriseId: string | null;
  /** Empty means the whole installation (the API's null). */
  unitIds: string[];
}

export function emptyUserForm(): UserForm {
  return { username: '', displayName: '', password: '', role: 'staff', departments: [], enterpriseId: null, unitIds: [] };
}

export function userFormFrom(user: User): UserForm {
  return { ...emptyUserForm(), username: user.username, displayName: user.displayName, role: user.role, departments: [...user.departments], unitIds: user.unitIds ? [...user.unitIds] : [] };
}

/** Administrators need the longer password (the API applies the same floor). */
export function passwordMinFor(role: Role): number {
  return role === 'admin' ? LIMITS.passwordMinAdmin : LIMITS.passwordMin;
}

/** The password floor a form can check before asking the server; the server checks the rest. */
export function passwordError(password: string, role: Role, t: Translate): string | undefined {
  if (!password) return t('validation.required');
  const min = passwordMinFor(role);
  return password.length < min ? t('validation.minLength', { min }) : undefined;
}

export type UserValidation<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** The create body, checked with the API's schema; departments only for staff, an enterprise only for enterprise users. */
export function validateCreate(form: UserForm, t: Translate): UserValidation<UserCreate> {
  const body = {
    username: form.username,
    displayName: form.displayName,
    password: form.password,
    role: form.role,
    departments: form.role === 'staff' ? form.departments : [],
    enterpriseId: form.role === 'enterprise' ? form.enterpriseId : null,
    unitIds: form.unitIds.length ? form.unitIds : null,
  };
  const result = userCreateSchema.safeParse(body);
  const errors = result.success ? {} : fieldErrors(result.error.issues, t);
  const pw = passwordError(form.password, form.role, t);
  if (pw) errors.password = pw;
  if (form.role === 'enterprise' && !form.enterpriseId) errors.enterpriseId = t('validation.select');
  if (form.role === 'staff' && !form.departments.length) errors.departments = t('validation.select');
  if (!result.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: result.data };
}

export function validateUpdate(form: UserForm, user: User, t: Translate): UserValidation<UserUpdate> {
  const body = {
    displayName: form.displayName,
    departments: user.role === 'staff' ? form.departments : undefined,
    unitIds: form.unitIds.length ? form.unitIds : null,
    version: user.version,
  };
  const result = userUpdateSchema.safeParse(body);
  const errors = result.success ? {} : fieldErrors(result.error.issues, t);
  if (user.role === 'staff' && !form.departments.length) errors.departments = t('validation.select');
  if (!result.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: result.data };
}
