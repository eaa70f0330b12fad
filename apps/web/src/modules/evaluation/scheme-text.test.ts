import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, INDICATOR_FORMULAS, type ScoringMethod } from '@yuanqu/contracts';
import { setLocale, t } from '../../i18n';
import { classRuleText, consecutiveText, displayUnit, formulaText, fromShown, membershipText, methodText, missingText, toShown } from './scheme-text';

afterEach(() => setLocale('zh-CN'));

const sameYearMean = { kind: 'scopeMean', factor: 1, year: 'sameYear' } as const;

describe('a scheme in words', () => {
  it('writes formulas with the figures’ names, summing several denominator terms, and the unit the runs show the value in', () => {
    expect(formulaText(INDICATOR_FORMULAS.taxPerMu, t)).toBe('实缴税金 ÷ 用地面积（亩）');
    expect(formulaText(INDICATOR_FORMULAS.valueAddedPerEmission, t)).toBe('工业增加值 ÷ (化学需氧量排放 + 氨氮排放 + 二氧化硫排放 + 氮氧化物排放)');
    expect(displayUnit(INDICATOR_FORMULAS.taxPerMu, t)).toBe('万元/亩');
    expect(displayUnit(INDICATOR_FORMULAS.valueAddedPerEnergy, t)).toBe('万元/吨标准煤');
    expect(displayUnit({ numerator: 'valueAdded', denominator: ['codKg'] }, t)).toBe('万元/吨');
    expect(displayUnit(INDICATOR_FORMULAS.rdIntensity, t)).toBe('%');
  });

  it('says how each method scores against which benchmark', () => {
    const method = (m: ScoringMethod) => methodText({ method: m, formula: INDICATOR_FORMULAS.taxPerMu }, t);
    expect(method({ kind: 'ratio', benchmark: sameYearMean, cap: null })).toBe('与同年本组平均值之比 × 权重，不封顶');
    expect(method({ kind: 'ratio', benchmark: { kind: 'scopeMedian', factor: 1.2, year: 'previousYear' }, cap: 1.5 })).toBe('与上年本组中位数的 1.2 倍之比 × 权重，封顶 1.5 × 权重');
    expect(method({ kind: 'inverseRatio', benchmark: sameYearMean })).toBe('（2 − 指标值 ÷ 同年本组平均值）× 权重 ÷ 2，最低 0 分');
    expect(method({ kind: 'minMax', floor: 0.2 })).toBe('按本组最小值至最大值线性计分，保底 20% 权重');
    expect(missingText('exclude', t)).toBe('不计入，其余指标按权重比例放大');
  });

  it('shows a fixed benchmark in the indicator’s display unit, and keeps it in base units', () => {
    // 黄岩 2021: 亩均税收 26.01 万元/亩 is 260100 元/亩 as the engine computes it.
    expect(methodText({ method: { kind: 'ratio', benchmark: { kind: 'fixed', value: 260100 }, cap: null }, formula: INDICATOR_FORMULAS.taxPerMu }, t)).toBe('与固定基准（26.01 万元/亩）之比 × 权重，不封顶');
    expect(toShown(260100, INDICATOR_FORMULAS.taxPerMu)).toBe(26.01);
    expect(fromShown(26.01, INDICATOR_FORMULAS.taxPerMu)).toBeCloseTo(260100, 6);
    expect(toShown(0.035, INDICATOR_FORMULAS.rdIntensity)).toBe(3.5);
  });

  it('describes who belongs to a group and how classes are given', () => {
    expect(DEFAULT_SCHEME.groups.map((g) => membershipText(g.membership, t))).toEqual(['规上工业企业', '规下工业企业，用地 3 亩及以上']);
    expect(classRuleText(DEFAULT_SCHEME.classRule, t)).toBe('按组内排名：A 类前 20%，B 类其后 40%，C 类其后 35%，D 类最后 5%');
    expect(classRuleText({ kind: 'scoreThresholds', thresholds: { A: 120, B: 100, C: 80 } }, t)).toBe('按总分：A 类 ≥ 120 分，B 类 ≥ 100 分，C 类 ≥ 80 分，其余为 D 类');
  });

  it('has the same words in English', () => {
    setLocale('en-US');
    expect(formulaText(INDICATOR_FORMULAS.taxPerMu, t)).toBe('Taxes paid ÷ Land area (mu)');
    expect(methodText({ method: { kind: 'ratio', benchmark: sameYearMean, cap: null }, formula: INDICATOR_FORMULAS.taxPerMu }, t)).toBe('ratio to the group mean of the same year × weight, no cap');
  });
});

describe('a policy’s years in a row', () => {
  it('reads one year, a range, or an open end', () => {
    expect(consecutiveText({ min: 1, max: 1 }, t)).toBe('连续 1 年');
    expect(consecutiveText({ min: 2, max: 3 }, t)).toBe('连续 2–3 年');
    expect(consecutiveText({ min: 3, max: null }, t)).toBe('连续 3 年及以上');
  });
});
