import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '@yuanqu/contracts';
import { cellText, columnProp, partsOf, totalCell } from './summary-columns';

const row: SummaryRow = {
  key: 'p1',
  name: '1号园',
  reporters: 12,
  values: { mainRevenue: 2_345_678_900, cloudAdopted: 0.75, cncRate: 58.25 },
  lastYear: {},
  yoy: { mainRevenue: 0.1234 },
  share: { mainRevenue: 0.3646 },
};

describe('summary table cells', () => {
  it('shows amounts in 万元 with 同比 and share', () => {
    expect(cellText(row, 'mainRevenue', 'value')).toBe('234,567.89');
    expect(cellText(row, 'mainRevenue', 'yoy')).toBe('+12.3%');
    expect(cellText(row, 'mainRevenue', 'share')).toBe('36.5%');
    expect(cellText(row, 'grossOutput', 'value')).toBe('—');
  });

  it('shows 上云 as a share of firms and the CNC rate as a mean, without 同比', () => {
    expect(partsOf('cloudAdopted')).toEqual(['value']);
    expect(partsOf('employeesEnd')).toEqual(['value', 'yoy', 'share']);
    expect(cellText(row, 'cloudAdopted', 'value')).toBe('75.0');
    expect(cellText(row, 'cncRate', 'value')).toBe('58.3');
  });

  it('reads the total row back from a column property', () => {
    expect(totalCell(row, columnProp('mainRevenue', 'share'))).toBe('36.5%');
    expect(totalCell(row, 'name')).toBeNull();
    expect(totalCell(row, 'gold:value')).toBeNull();
  });
});
