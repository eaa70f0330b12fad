import { describe, expect, it } from 'vitest';
import { completeUscc, type Enterprise } from '@yuanqu/contracts';
import { i18n } from '../../i18n';
import type { Translate } from '../../utils/zod-errors';
import { changedFields, conflictRows, editableFields, formFromEnterprise, validateForm } from './enterprise-form';

const t: Translate = (key, named) => i18n.global.t(key, named ?? {}, { locale: 'zh-CN' });

function enterprise(overrides: Partial<Enterprise> = {}): Enterprise {
  return {
    id: 'e1',
    uscc: completeUscc('91360402MA35XQ7B'),
    name: '杰尼新材料有限公司',
    legalRepresentative: '王五',
    address: '九江市浔阳区城东工业基地',
    unitId: 'zone-hi',
    unitPath: [{ id: 'zone-hi', name: '高端制造功能区', kind: 'zone' }],
    industryChain: 'newMaterials',
    industryCode: '3091',
    industryName: '石墨及碳素制品制造',
    category: 'industrial',
    scale: 'above',
    scaleSince: '2021-01-01',
    establishedOn: '2015-06-18',
    twoHigh: false,
    nearYangtze: true,
    cloudAdopted: false,
    cncRate: 40,
    contactName: '李四',
    contactPhone: '0792-8888888',
    description: null,
    qualifications: [{ type: 'highTech', grantedOn: '2022-12-01', expiresOn: '2025-12-01', certificateNo: null }],
    status: 'active',
    isDemo: true,
    version: 3,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

const admin = { role: 'admin' as const, departments: [], enterpriseId: null };
const owner = { role: 'enterprise' as const, departments: [], enterpriseId: 'e1' };

describe('editableFields', () => {
  it('gives writers every field and an enterprise user only its self-service fields', () => {
    expect(editableFields(admin).size).toBe(19);
    expect([...editableFields(owner)].sort()).toEqual(['address', 'cloudAdopted', 'cncRate', 'contactName', 'contactPhone', 'description']);
    expect(editableFields({ role: 'leader', departments: [], enterpriseId: null }).size).toBe(0);
  });
});

describe('validateForm', () => {
  it('round-trips a stored enterprise through the form unchanged', () => {
    const e = enterprise();
    const result = validateForm(formFromEnterprise(e), editableFields(admin), t);
    expect(result.ok).toBe(true);
    if (result.ok) expect(changedFields(result.value, e)).toEqual({});
  });

  it('reports empty required fields as 必填 and keeps format messages for the rest', () => {
    const form = { ...formFromEnterprise(enterprise()), uscc: '', unitId: '', industryChain: '' as const, contactPhone: 'abc' };
    const result = validateForm(form, editableFields(admin), t);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatchObject({ uscc: '必填', unitId: '必填', industryChain: '必填' });
      expect(result.errors.contactPhone).toContain('电话号码格式不正确');
    }
  });

  it('checks only what an enterprise user may change, so a legacy bad value elsewhere does not block it', () => {
    const form = { ...formFromEnterprise(enterprise({ uscc: 'LEGACY' })), cncRate: 65 };
    const result = validateForm(form, editableFields(owner), t);
    expect(result.ok).toBe(true);
    if (result.ok) expect(changedFields(result.value, enterprise())).toEqual({ cncRate: 65 });
  });

  it('turns emptied optional texts into null', () => {
    const e = enterprise();
    const result = validateForm({ ...formFromEnterprise(e), address: '  ' }, editableFields(admin), t);
    expect(result.ok && changedFields(result.value, e)).toEqual({ address: null });
  });
});

describe('conflictRows', () => {
  it('lists the fields the user changed that now hold something else on the server', () => {
    const current = enterprise({ version: 4, contactPhone: '0792-1111111', address: '新地址' });
    const rows = conflictRows({ contactPhone: '0792-2222222', cncRate: 40 }, current);
    expect(rows).toEqual([{ field: 'contactPhone', yours: '0792-2222222', current: '0792-1111111' }]);
  });
});
