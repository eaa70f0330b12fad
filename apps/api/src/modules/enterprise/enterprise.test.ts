import { describe, expect, it } from 'vitest';
import type { EnterpriseFields } from '@yuanqu/contracts';
import { diff } from '../audit/audit';
import { createdChanges, createdValues } from './enterprise';

const fields: EnterpriseFields = {
  uscc: '91360403MA35XXXX0X',
  name: '九江某某新材料有限公司',
  legalRepresentative: null,
  address: '江西省九江市浔阳区滨江东路1号',
  unitId: 'zone-1',
  industryChain: 'newMaterials',
  industryCode: '3985',
  category: 'industrial',
  scale: 'above',
  scaleSince: '2022-01-01',
  establishedOn: null,
  twoHigh: false,
  nearYangtze: true,
  cloudAdopted: false,
  cncRate: 0,
  contactName: null,
  contactPhone: '0792-8000123',
  description: null,
  qualifications: [{ type: 'highTech', grantedOn: '2025-11-01', expiresOn: null, certificateNo: null }],
};

describe('a create kept as values', () => {
  it('reads back as the same history as old → new pairs from nothing, false, zero and empty lists included', () => {
    expect(createdChanges(createdValues(fields))).toEqual(diff({}, fields));
    expect(createdChanges(createdValues({ ...fields, qualifications: [] }))).toEqual(diff({}, { ...fields, qualifications: [] }));
  });

  it('leaves empty fields out', () => {
    expect(Object.keys(createdValues(fields))).not.toContain('legalRepresentative');
    expect(createdValues(fields)).toMatchObject({ twoHigh: false, cncRate: 0 });
  });
});
