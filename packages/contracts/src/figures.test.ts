import { describe, expect, it } from 'vitest';
import { cagr, growth, latestClosedPeriod, parsePeriod, periodEnd, periodsOfYear, previousPeriodInYear, samePeriodLastYear } from './figures';

describe('statistical periods', () => {
  it('accepts 1-2月 to 1-12月 and nothing else', () => {
    expect(parsePeriod('2022-02')).toEqual({ year: 2022, month: 2 });
    expect(parsePeriod('2022-12')).toEqual({ year: 2022, month: 12 });
    for (const bad of ['2022-01', '2022-13', '2022-2', '22-02', '2022-02-01']) expect(parsePeriod(bad)).toBeNull();
    expect(periodsOfYear(2023)).toHaveLength(11);
  });

  it('steps back within the year, and a year back for 同比', () => {
    expect(previousPeriodInYear('2022-03')).toBe('2022-02');
    expect(previousPeriodInYear('2022-02')).toBeNull();
    expect(samePeriodLastYear('2022-02')).toBe('2021-02');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
  });

  it('knows the latest period whose month has ended; in January that is last year’s 1-12月', () => {
    expect(latestClosedPeriod('2026-11-26')).toBe('2026-10');
    expect(latestClosedPeriod('2026-03-01')).toBe('2026-02');
    expect(latestClosedPeriod('2026-02-20')).toBe('2025-12');
    expect(latestClosedPeriod('2026-01-05')).toBe('2025-12');
  });

  it('computes growth and CAGR, and refuses a base that is not positive', () => {
    expect(growth(109.5, 100)).toBeCloseTo(0.095, 12);
    expect(growth(5, 0)).toBeNull();
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 12);
    expect(cagr(0, 121, 2)).toBeNull();
  });
});
