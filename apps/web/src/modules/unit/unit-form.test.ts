import { describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { ApiError } from '../../api/client';
import { emptyUnitForm, serverFieldErrors, suggestedKind, validateUnit } from './unit-form';

describe('validateUnit', () => {
  it('sends a cleared parent as a top-level unit', () => {
    const result = validateUnit({ parentId: undefined, kind: 'base', code: ' XY-NEW ', name: '城西基地' }, t);
    expect(result).toEqual({ ok: true, value: { parentId: null, kind: 'base', code: 'XY-NEW', name: '城西基地' } });
  });

  it('marks each field the schema refuses', () => {
    const result = validateUnit({ ...emptyUnitForm(), code: 'a b', name: 'x' }, t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ kind: '请选择', code: '编码须为 2–40 位字母、数字或 -', name: '至少 2 个字符' });
  });
});

describe('serverFieldErrors', () => {
  it('puts the server’s refusals next to kind and code', () => {
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION', 'x', { field: 'kind' }), t)).toEqual({ kind: expect.stringContaining('该类型不能设在') });
    expect(serverFieldErrors(new ApiError(409, 'DUPLICATE', 'x', { field: 'code' }), t)).toEqual({ code: '该编码已被其他单位使用' });
    const issues = { issues: [{ path: ['name'], message: 'Too small', code: 'too_small', origin: 'string', minimum: 2 }] };
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION', 'x', issues), t)).toEqual({ name: '至少 2 个字符' });
    expect(serverFieldErrors(new ApiError(403, 'FORBIDDEN', 'x'), t)).toEqual({});
  });
});

it('suggests the kind that fits under a parent', () => {
  expect(suggestedKind('base')).toBe('park');
  expect(suggestedKind('park')).toBe('zone');
  expect(suggestedKind('zone')).toBeUndefined();
  expect(suggestedKind(undefined)).toBeUndefined();
});
