import { describe, expect, it } from 'vitest';
import { emptyEntries, entriesFrom, valuesFromEntries } from './report-form';

describe('the report form', () => {
  it('turns entries into stored values and leaves blanks out', () => {
    const entries = { ...emptyEntries(), mainRevenue: '1234.5678', energyKgce: '12.5', cloudAdopted: '1', employeesEnd: ' 56 ' };
    expect(valuesFromEntries(entries)).toEqual({
      values: { mainRevenue: 12_345_678, employeesEnd: 56, energyKgce: 12_500, cloudAdopted: 1 },
      errors: {},
      filled: 4,
    });
  });

  it('names every entry it cannot read', () => {
    const result = valuesFromEntries({ ...emptyEntries(), mainRevenue: '12.345678', taxPaid: '-3', cncRate: '120' });
    expect(result.errors).toEqual({ mainRevenue: 'decimals', taxPaid: 'negative', cncRate: 'range' });
    expect(result.filled).toBe(0);
  });

  it('fills the form from a report and reads it back unchanged', () => {
    const values = { mainRevenue: 80_000_000, totalProfit: -1_234_567, so2Kg: 7, cloudAdopted: 0, cncRate: null };
    const entries = entriesFrom(values);
    expect(entries.mainRevenue).toBe('8000');
    expect(entries.cncRate).toBe('');
    expect(valuesFromEntries(entries).values).toEqual({ mainRevenue: 80_000_000, totalProfit: -1_234_567, so2Kg: 7, cloudAdopted: 0 });
  });
});
