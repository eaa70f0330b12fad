import { describe, expect, it } from 'vitest';
import type { Factory } from '@yuanqu/contracts';
import { ApiError } from '../../api/client';
import { t } from '../../i18n';
import { emptyFactoryForm, factoryFormFrom, occupiedSqm, serverFieldErrors, validateFactoryForm, type FactoryForm } from './factory-form';

const saved: Factory = {
  id: 'f1',
  code: 'SF-2025-01',
  name: '标准厂房2025-01栋',
  unitId: 'zone-mfg',
  unitName: '高端制造功能区',
  parcelId: 'parcel-1',
  completedOn: '2025-05-30',
  floors: 6,
  floorAreaSqm: 62_000,
  occupants: [{ enterpriseId: 'e1', name: '九江杰尼新材料有限公司', areaSqm: 21_700 }],
  occupiedSqm: 21_700,
  occupancy: 0.35,
  version: 3,
};

const filled = (over: Partial<FactoryForm> = {}): FactoryForm => ({ ...emptyFactoryForm(), code: 'SF-2026-02', name: '测试标准厂房', unitId: 'zone-mfg', completedOn: '2026-11-26', floors: '4', floorAreaSqm: '20,000', ...over });

describe('factory form', () => {
  it('round-trips a saved building, keeping its parcel and occupants’ names', () => {
    const form = factoryFormFrom(saved);
    expect(form).toMatchObject({ floors: '6', floorAreaSqm: '62000', parcelId: 'parcel-1', occupants: [{ enterpriseId: 'e1', name: '九江杰尼新材料有限公司', areaSqm: '21700' }] });
    const checked = validateFactoryForm(form, t);
    expect(checked).toEqual({
      ok: true,
      value: { code: 'SF-2025-01', name: '标准厂房2025-01栋', unitId: 'zone-mfg', parcelId: 'parcel-1', completedOn: '2025-05-30', floors: 6, floorAreaSqm: 62_000, occupants: [{ enterpriseId: 'e1', areaSqm: 21_700 }] },
    });
  });

  it('takes thousands separators and an empty completion date', () => {
    const checked = validateFactoryForm(filled({ completedOn: null }), t);
    expect(checked).toMatchObject({ ok: true, value: { floorAreaSqm: 20_000, completedOn: null, occupants: [] } });
  });

  it('names every wrong field in words', () => {
    const checked = validateFactoryForm(
      { ...emptyFactoryForm(), code: 'SF 1', name: '厂', floors: '2.5', floorAreaSqm: '0', occupants: [{ enterpriseId: null, name: null, areaSqm: 'abc' }] },
      t,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toMatchObject({
      code: '编号须为 2–40 位字母、数字、- 或 _',
      name: '至少 2 个字符',
      unitId: '请选择',
      floors: '层数须为 1–60 的整数',
      floorAreaSqm: '须大于 0',
      'occupants.0.enterpriseId': '必填',
      'occupants.0.areaSqm': '格式不正确',
    });
  });

  it('asks for what is left empty rather than for its format', () => {
    const checked = validateFactoryForm(emptyFactoryForm(), t);
    expect(checked.ok || checked.errors).toMatchObject({ code: '必填', name: '必填', unitId: '请选择', floors: '必填', floorAreaSqm: '必填' });
  });

  it('refuses occupants taking more than the floor area, and sums what is typed', () => {
    const form = filled({ occupants: [{ enterpriseId: 'e1', name: null, areaSqm: '12,000' }, { enterpriseId: 'e2', name: null, areaSqm: '9000' }] });
    expect(occupiedSqm(form)).toBe(21_000);
    expect(validateFactoryForm(form, t)).toEqual({ ok: false, errors: { occupants: '入驻面积合计 21,000 ㎡，超过了建筑面积 20,000 ㎡' } });
  });

  it('puts the API’s refusals next to their fields', () => {
    expect(serverFieldErrors(new ApiError(409, 'DUPLICATE', 'a building with this code exists', { field: 'code' }), t)).toEqual({ code: '该编号已有厂房使用' });
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION', 'x', { field: 'unitId' }), t)).toEqual({ unitId: '请选择您管辖范围内的园区或功能区' });
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION', 'x', [{ path: ['floors'], code: 'too_big', origin: 'number', maximum: 60, message: 'x' }]), t)).toEqual({ floors: '不能大于 60' });
    expect(serverFieldErrors(new ApiError(409, 'CONFLICT', 'stale', { current: saved }), t)).toBeNull();
    expect(serverFieldErrors(new Error('boom'), t)).toBeNull();
  });
});
