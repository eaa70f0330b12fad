import { afterEach, describe, expect, it } from 'vitest';
import type { TargetEvaluation } from '@yuanqu/contracts';
import { setLocale, t } from '../../i18n';
import { formatTargetValue, goalText, parseTargetEntry, progressPercent, targetEntryText, targetFieldText, verdictReason } from './target-format';

afterEach(() => setLocale('zh-CN'));

function target(overrides: Partial<TargetEvaluation>): TargetEvaluation {
  return {
    id: 't1',
    code: 'mainRevenue2025',
    name: '主营业务收入突破100亿元',
    metric: 'sum',
    figure: 'mainRevenue',
    scale: null,
    qualification: null,
    threshold: null,
    unit: 'yuan',
    targetValue: 10_000_000_000,
    baselineYear: 2022,
    targetYear: 2025,
    trendOnly: false,
    riskRatio: 0.9,
    department: 'economy',
    source: null,
    status: 'active',
    version: 1,
    asOfYear: 2024,
    baseline: 6_435_000_000,
    current: 8_520_000_000,
    progress: 0.852,
    required: 8_635_000_000,
    projection: 9_800_000_000,
    verdict: 'atRisk',
    history: [],
    ...overrides,
  };
}

describe('target values', () => {
  it('shows amounts in 亿元, fractions as percentages and counts in 家', () => {
    expect(formatTargetValue(10_000_000_000, 'yuan', t, 'zh-CN')).toBe('100.00亿元');
    expect(formatTargetValue(0.35, 'percent', t, 'zh-CN')).toBe('35.0%');
    expect(formatTargetValue(5, 'count', t, 'zh-CN')).toBe('5家');
    expect(formatTargetValue(100_000, 'sqm', t, 'zh-CN')).toBe('10.00万㎡');
    expect(formatTargetValue(null, 'count', t, 'zh-CN')).toBe('—');
  });

  it('round-trips form entries exactly in the display unit', () => {
    expect(targetEntryText(0.35, 'percent')).toBe('35');
    expect(parseTargetEntry('35', 'percent')).toBe(0.35);
    expect(parseTargetEntry('64.35', 'yuan')).toBe(6_435_000_000);
    expect(targetEntryText(10_000_000_000, 'yuan')).toBe('100');
    expect(parseTargetEntry('十', 'count')).toBeNull();
  });
});

describe('verdictReason', () => {
  it('explains a verdict by the baseline, the path, the actual value and the projection', () => {
    expect(verdictReason(target({}), t, 'zh-CN')).toBe(
      '基期2022年 64.35亿元；按目标路径2024年应达 86.35亿元；2024年实际 85.20亿元；按当前速度2025年预计 98.00亿元',
    );
    expect(goalText(target({}), t, 'zh-CN')).toBe('2025年 100.00亿元');
  });

  it('says when a goal is reached or missed, and when there is nothing to judge', () => {
    expect(verdictReason(target({ asOfYear: 2025, current: 10_100_000_000, verdict: 'reached' }), t, 'zh-CN')).toBe(
      '基期2022年 64.35亿元；2025年实际 101.00亿元；已达到目标 100.00亿元',
    );
    expect(verdictReason(target({ current: null, verdict: 'noData' }), t, 'zh-CN')).toBe('2024年暂无数据');
    expect(verdictReason(target({ metric: 'external', current: null, verdict: 'noData' }), t, 'zh-CN')).toContain('尚未接入');
  });

  it('judges a growth rate without a baseline value, and a trend by its direction', () => {
    const growth = target({ metric: 'growth', unit: 'percent', targetValue: 0.35, baseline: null, current: 0.2, required: 0.35, projection: 0.2, verdict: 'behind' });
    expect(verdictReason(growth, t, 'zh-CN')).toBe('按目标路径2024年应达 35.0%；2024年实际 20.0%；按当前速度2025年预计 20.0%');
    const trend = target({ trendOnly: true, unit: 'yuanPerMu', baseline: 300_000, current: 350_000, required: null, projection: null, verdict: 'onTrack' });
    expect(verdictReason(trend, t, 'zh-CN')).toBe('基期2022年 30.00万元/亩；2024年实际 35.00万元/亩；高于基期，保持提升');
    expect(goalText(trend, t, 'zh-CN')).toBe('2025年较2022年明显提升');
  });

  it('reads in English too', () => {
    setLocale('en-US');
    expect(verdictReason(target({ verdict: 'onTrack' }), t, 'en-US')).toBe(
      'Baseline 2022: 64.35 ×100M CNY; the path to the goal needs 86.35 ×100M CNY in 2024; actual 2024: 85.20 ×100M CNY; at the current pace 98.00 ×100M CNY in 2025',
    );
  });

  it('caps the progress bar and leaves trends without one', () => {
    expect(progressPercent(target({ progress: 1.2 }))).toBe(100);
    expect(progressPercent(target({ progress: 0.8523 }))).toBe(85.2);
    expect(progressPercent(target({ trendOnly: true }))).toBeNull();
  });
});

describe('targetFieldText', () => {
  it('words each field as the dialog shows it', () => {
    const tg = target({ threshold: 100_000_000, metric: 'newLargeFirms', unit: 'count', targetValue: 2 });
    expect(targetFieldText('targetValue', tg, t, 'zh-CN')).toBe('2家');
    expect(targetFieldText('threshold', tg, t, 'zh-CN')).toBe('10,000.00万元');
    expect(targetFieldText('riskRatio', tg, t, 'zh-CN')).toBe('90%');
    expect(targetFieldText('metric', tg, t, 'zh-CN')).toBe('新增达到规模门槛的企业数');
    expect(targetFieldText('department', tg, t, 'zh-CN')).toBe('经济发展/统计');
    expect(targetFieldText('source', tg, t, 'zh-CN')).toBe('—');
  });
});
