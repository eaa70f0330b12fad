import { describe, expect, it } from 'vitest';
import { currentLatestPeriod, periodLabel, pickerMonths, pickerYears, pointLabel, recentPeriods } from './periods';

describe('periodLabel', () => {
  it('writes cumulative periods as Chinese statistics do, 1-2月 together', () => {
    expect(periodLabel('2022-02', 'zh-CN')).toBe('2022年1-2月');
    expect(periodLabel('2022-06', 'zh-CN')).toBe('2022年1-6月');
    expect(periodLabel('2022-12', 'zh-CN')).toBe('2022年1-12月');
    expect(periodLabel('2022-12', 'zh-CN', true)).toBe('2022年');
    expect(periodLabel('2022-06', 'zh-CN', true)).toBe('2022年1-6月');
  });

  it('writes them in English too, and leaves anything else as it is', () => {
    expect(periodLabel('2022-06', 'en-US')).toBe('Jan–Jun 2022');
    expect(periodLabel('2022-12', 'en-US', true)).toBe('2022');
    expect(periodLabel('2022-01', 'zh-CN')).toBe('2022-01');
  });
});

describe('pointLabel', () => {
  it('names the month, quarter or year whose own value a point carries', () => {
    expect(pointLabel('2023-02', 'month', 'zh-CN')).toBe('2023年1-2月');
    expect(pointLabel('2023-03', 'month', 'zh-CN')).toBe('2023年3月');
    expect(pointLabel('2023-03', 'month', 'en-US')).toBe('Mar 2023');
    expect(pointLabel('2023-09', 'quarter', 'zh-CN')).toBe('2023年三季度');
    expect(pointLabel('2023-12', 'quarter', 'en-US')).toBe('Q4 2023');
    expect(pointLabel('2023-12', 'year', 'zh-CN')).toBe('2023年');
  });
});

describe('the period picker', () => {
  it('offers periods up to the last month that has ended, judged by the date in China as the server does', () => {
    expect(currentLatestPeriod(new Date('2026-11-26T10:00:00Z'))).toBe('2026-10');
    // Still 28 February in UTC, already 1 March in Jiujiang: 1-2月 has closed.
    expect(currentLatestPeriod(new Date('2026-02-28T20:00:00Z'))).toBe('2026-02');
    expect(currentLatestPeriod(new Date('2026-02-28T15:59:00Z'))).toBe('2025-12');
    expect(pickerYears('2026-10', 3)).toEqual([2026, 2025, 2024]);
    expect(pickerMonths(2026, '2026-10')).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pickerMonths(2025, '2026-10')).toHaveLength(11);
    expect(pickerMonths(2027, '2026-10')).toEqual([]);
    expect(recentPeriods('2026-03')).toEqual(['2026-03', '2026-02', '2025-12', '2025-11', '2025-10', '2025-09', '2025-08', '2025-07', '2025-06', '2025-05', '2025-04', '2025-03', '2025-02']);
  });
});
