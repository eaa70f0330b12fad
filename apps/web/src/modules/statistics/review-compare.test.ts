import { describe, expect, it } from 'vitest';
import type { EnterpriseFigures } from '@yuanqu/contracts';
import { compareRows, referencesFor } from './review-compare';

const figures = (year: number, periods: [string, Record<string, number | null>][]): EnterpriseFigures => ({
  enterpriseId: 'e1',
  year,
  periods: periods.map(([period, values]) => ({ period, reportId: `r-${period}`, values, month: {}, yoy: {} })),
});

const thisYear = figures(2026, [
  ['2026-08', { mainRevenue: 80_000_000 }],
  ['2026-09', { mainRevenue: 90_000_000, employeesEnd: 120 }],
]);
const lastYear = figures(2025, [['2025-10', { mainRevenue: 80_000_000, employeesEnd: 100 }]]);

describe('referencesFor', () => {
  it('finds the previous period and the same period a year before', () => {
    expect(referencesFor('2026-10', thisYear, lastYear)).toEqual({
      counted: null,
      previous: { mainRevenue: 90_000_000, employeesEnd: 120 },
      lastYear: { mainRevenue: 80_000_000, employeesEnd: 100 },
      firstPeriod: false,
    });
    expect(referencesFor('2026-09', thisYear, null).counted).toEqual({ mainRevenue: 90_000_000, employeesEnd: 120 });
    expect(referencesFor('2026-02', thisYear, null)).toMatchObject({ previous: null, firstPeriod: true });
  });
});

describe('compareRows', () => {
  it('derives the month by difference and 同比 on the cumulative value', () => {
    const rows = compareRows({ mainRevenue: 100_000_000, employeesEnd: 125 }, referencesFor('2026-10', thisYear, lastYear));
    expect(rows).toEqual([
      { key: 'mainRevenue', reported: 100_000_000, counted: null, previous: 90_000_000, month: 10_000_000, lastYear: 80_000_000, yoy: 0.25 },
      { key: 'employeesEnd', reported: 125, counted: null, previous: 120, month: null, lastYear: 100, yoy: 0.25 },
    ]);
  });

  it('takes 1-2月 as its own month, and keeps figures only the previous period had', () => {
    const rows = compareRows({ mainRevenue: 20_000_000 }, { counted: null, previous: null, lastYear: null, firstPeriod: true });
    expect(rows).toEqual([{ key: 'mainRevenue', reported: 20_000_000, counted: null, previous: null, month: 20_000_000, lastYear: null, yoy: null }]);
    const kept = compareRows({}, referencesFor('2026-10', thisYear, null));
    expect(kept.map((r) => r.key)).toEqual(['mainRevenue', 'employeesEnd']);
    expect(kept[0]).toMatchObject({ reported: null, month: null });
  });
});
