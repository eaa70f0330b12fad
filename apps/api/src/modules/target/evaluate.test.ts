import { describe, expect, it } from 'vitest';
import { evaluateTarget, type TargetRule } from './evaluate';

const revenue: TargetRule = { metric: 'sum', targetValue: 100, baselineYear: 2022, targetYear: 2025, trendOnly: false, riskRatio: 0.9 };

describe('target verdicts', () => {
  it('projects a total at its growth since the baseline and judges the projection', () => {
    // 64.35 → 80 in two years is 11.5 % a year; one more year of it gives 89.2 (≥ 90 % of 100 is not met).
    const s = evaluateTarget(revenue, 2024, 64.35, 80);
    expect(s.projection).toBeCloseTo(80 * Math.sqrt(80 / 64.35), 9);
    expect(s.verdict).toBe('behind');
    expect(s.required).toBeCloseTo(64.35 * (100 / 64.35) ** (2 / 3), 9);
    expect(evaluateTarget(revenue, 2024, 64.35, 84).verdict).toBe('atRisk');
    expect(evaluateTarget(revenue, 2024, 64.35, 87).verdict).toBe('onTrack');
    expect(evaluateTarget(revenue, 2024, 64.35, 101).verdict).toBe('reached');
  });

  it('is final after the target year', () => {
    expect(evaluateTarget(revenue, 2025, 64.35, 99.9)).toMatchObject({ verdict: 'missed', projection: 99.9 });
    expect(evaluateTarget(revenue, 2026, 64.35, 100).verdict).toBe('reached');
  });

  it('paces counts linearly and judges a growth rate by its current value', () => {
    const firms: TargetRule = { ...revenue, metric: 'newAboveScale', targetValue: 5 };
    expect(evaluateTarget(firms, 2024, 0, 2)).toMatchObject({ projection: 3, required: 5 * (2 / 3), verdict: 'behind' });
    const rd: TargetRule = { ...revenue, metric: 'growth', targetValue: 0.35 };
    expect(evaluateTarget(rd, 2024, null, 0.36)).toMatchObject({ verdict: 'onTrack', required: 0.35 });
    expect(evaluateTarget(rd, 2024, null, 0.33).verdict).toBe('atRisk');
  });

  it('has no verdict without data, and judges a trend by its direction', () => {
    expect(evaluateTarget(revenue, 2024, null, null).verdict).toBe('noData');
    const trend: TargetRule = { ...revenue, trendOnly: true };
    expect(evaluateTarget(trend, 2024, 10, 12).verdict).toBe('onTrack');
    expect(evaluateTarget(trend, 2024, 10, 9).verdict).toBe('behind');
  });
});
