import { describe, expect, it } from 'vitest';
import { INDICATOR_FORMULAS } from './evaluation';
import { indicatorDisplay, indicatorUnitZh, toDisplayValue } from './evaluation-units';

const show = (key: keyof typeof INDICATOR_FORMULAS, stored: number) => {
  const display = indicatorDisplay(INDICATOR_FORMULAS[key]);
  return `${toDisplayValue(stored, display)} ${indicatorUnitZh(display)}`;
};

describe('indicator display units', () => {
  it('shows per-亩 amounts in 万元/亩: 2,600,000 元 of tax on 10 亩 is 26 万元/亩', () => {
    expect(show('taxPerMu', 260_000)).toBe('26 万元/亩');
    expect(show('valueAddedPerMu', 1_234_567.8)).toBe('123.46 万元/亩');
    expect(show('revenuePerMu', 5_000)).toBe('0.5 万元/亩');
    expect(show('techInvestPerMu', 0)).toBe('0 万元/亩');
  });

  it('shows value added per energy in 万元/吨标准煤: 8 元/kgce is 8,000 元/t, 0.8 万元/t', () => {
    expect(show('valueAddedPerEnergy', 8)).toBe('0.8 万元/吨标准煤');
    expect(indicatorDisplay(INDICATOR_FORMULAS.valueAddedPerEnergy).factor).toBeCloseTo(0.1, 12);
  });

  it('shows value added per emission in 万元/吨, labour productivity in 万元/人', () => {
    expect(show('valueAddedPerEmission', 2_500)).toBe('250 万元/吨');
    expect(show('laborProductivity', 356_000)).toBe('35.6 万元/人');
  });

  it('shows R&D over revenue as a percentage: 0.0315 → 3.15 %', () => {
    expect(show('rdIntensity', 0.0315)).toBe('3.15 %');
  });

  it('keeps tax per kWh in 元/千瓦时, where 万元 would round to nothing', () => {
    expect(show('taxPerKwh', 0.4567)).toBe('0.46 元/千瓦时');
  });

  it('derives a unit for an indicator an admin defines: energy per value added in 吨标准煤/万元', () => {
    const display = indicatorDisplay({ numerator: 'energyKgce', denominator: ['valueAdded'] });
    expect(indicatorUnitZh(display)).toBe('吨标准煤/万元');
    // 0.05 kgce per 元 = 500 kgce per 万元 = 0.5 t per 万元.
    expect(toDisplayValue(0.05, display)).toBe(0.5);
    expect(indicatorUnitZh(indicatorDisplay({ numerator: 'valueAdded', denominator: ['codKg', 'ammoniaKg'] }))).toBe('万元/吨');
  });

  it('shows terms that do not combine (tonnes plus 亩, a rate) as stored, without a unit', () => {
    const mixed = indicatorDisplay({ numerator: 'taxPaid', denominator: ['codKg', 'landMu'] });
    expect(mixed).toEqual({ unit: { kind: 'none' }, factor: 1, decimals: 2 });
    expect(indicatorUnitZh(mixed)).toBe('');
    expect(indicatorDisplay({ numerator: 'cncRate', denominator: ['landMu'] }).unit).toEqual({ kind: 'none' });
  });

  it('leaves a missing value missing', () => {
    expect(toDisplayValue(null, indicatorDisplay(INDICATOR_FORMULAS.taxPerMu))).toBeNull();
  });
});
