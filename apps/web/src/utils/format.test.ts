import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDate, formatDateTime, formatIndustry, formatMonth, formatPercent } from './format';

describe('formatDate', () => {
  it('writes calendar dates the way each language reads them, without shifting the day', () => {
    expect(formatDate('2025-03-05', 'zh-CN')).toBe('2025年3月5日');
    expect(formatDate('2025-03-05', 'en-US')).toBe('2025-03-05');
    expect(formatDate('2025-12-31', 'zh-CN')).toBe('2025年12月31日');
  });

  it('shows a dash for a missing date and passes through text it cannot read', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('', 'zh-CN')).toBe('—');
    expect(formatDate('soon', 'zh-CN')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('shows instants in Asia/Shanghai whatever the machine zone is', () => {
    // The web test project runs with TZ=UTC: 16:30Z is already the next day in Jiujiang.
    expect(formatDateTime('2025-03-05T16:30:00Z')).toBe('2025-03-06 00:30');
    expect(formatDateTime('2025-03-05T01:05:09.123Z')).toBe('2025-03-05 09:05');
  });

  it('handles missing and unreadable values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('formatMonth', () => {
  it('shows the month of a date as 2025年3月 in Chinese and 2025-03 in English', () => {
    expect(formatMonth('2025-03-05', 'zh-CN')).toBe('2025年3月');
    expect(formatMonth('2025-11', 'zh-CN')).toBe('2025年11月');
    expect(formatMonth('2025-03-05', 'en-US')).toBe('2025-03');
    expect(formatMonth(null, 'zh-CN')).toBe('—');
    expect(formatMonth('soon', 'zh-CN')).toBe('soon');
  });
});

describe('numbers', () => {
  it('formats the CNC rate (stored 0–100) as a percentage with at most one decimal', () => {
    expect(formatPercent(65)).toBe('65%');
    expect(formatPercent(62.35)).toBe('62.4%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('groups thousands for counts and rounds file sizes for limits', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1536)).toBe('2 KB');
  });

  it('shows an industry as "code name"', () => {
    expect(formatIndustry('3311', '金属结构制造')).toBe('3311 金属结构制造');
    expect(formatIndustry('3311', null)).toBe('3311');
    expect(formatIndustry(null, null)).toBe('—');
  });
});
