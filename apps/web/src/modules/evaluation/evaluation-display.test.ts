import { describe, expect, it } from 'vitest';
import { INDICATOR_FORMULAS, indicatorDisplay, INDICATOR_UNIT_WORDS_ZH } from '@yuanqu/contracts';
import { filterResults, formatIndicator, formatScore, sortResults, unitsOf, unitText } from './evaluation-display';
import { result } from './test-fixtures';

const zh = (w: keyof typeof INDICATOR_UNIT_WORDS_ZH) => INDICATOR_UNIT_WORDS_ZH[w];

describe('indicator values as people read them', () => {
  it('shows 元/亩 in 万元/亩 with separators, percentages and 元/千瓦时', () => {
    const perMu = indicatorDisplay(INDICATOR_FORMULAS.taxPerMu);
    expect(`${formatIndicator(12_345_678, perMu)} ${unitText(perMu, zh)}`).toBe('1,234.57 万元/亩');
    const rd = indicatorDisplay(INDICATOR_FORMULAS.rdIntensity);
    expect(`${formatIndicator(0.0315, rd)}${unitText(rd, zh)}`).toBe('3.15%');
    const kwh = indicatorDisplay(INDICATOR_FORMULAS.taxPerKwh);
    expect(`${formatIndicator(0.4567, kwh)} ${unitText(kwh, zh)}`).toBe('0.46 元/千瓦时');
    expect(unitText(indicatorDisplay(INDICATOR_FORMULAS.valueAddedPerEnergy), (w) => `<${w}>`)).toBe('<wanYuan>/<tce>');
  });

  it('shows a missing value or score as a dash', () => {
    expect(formatIndicator(null, indicatorDisplay(INDICATOR_FORMULAS.taxPerMu))).toBe('—');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(29.996)).toBe('30.00');
  });
});

describe('the ranking table', () => {
  const rows = [
    result({ enterpriseId: 'e1', name: '九江乙', rank: 2, total: 90, class: 'B', unitId: 'p3', unitName: '3号园', uscc: '91360403AAAA00001X' }),
    result({ enterpriseId: 'e2', name: '九江甲', rank: 1, total: 120, class: 'A' }),
    result({ enterpriseId: 'e3', name: '九江丙', status: 'vetoed', rank: null, total: 130, class: 'D' }),
    result({ enterpriseId: 'e4', name: '九江丁', status: 'exempt', rank: null, total: null, class: 'T', exemptReason: 'newInProduction', indicators: [] }),
    result({ enterpriseId: 'e5', name: '九江戊', rank: 3, total: 60, class: 'D' }),
    result({ enterpriseId: 'e6', name: '九江己', groupKey: null, status: 'outOfScope', rank: null, total: null, class: null, indicators: [] }),
  ];

  it('orders by rank, then the vetoed, then T, then those out of scope', () => {
    expect(sortResults(rows, 'rank').map((r) => r.enterpriseId)).toEqual(['e2', 'e1', 'e5', 'e3', 'e4', 'e6']);
  });

  it('orders by total, highest first, a vetoed 130 on top and those without a total last', () => {
    expect(sortResults(rows, 'total').map((r) => r.enterpriseId)).toEqual(['e3', 'e2', 'e1', 'e5', 'e4', 'e6']);
  });

  it('filters by group, class (a vetoed one is D), park and text in the name or USCC', () => {
    const none = { group: '', mark: '', unitId: '', q: '' } as const;
    expect(filterResults(rows, { ...none, group: 'belowScale' }).map((r) => r.enterpriseId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(filterResults(rows, { ...none, mark: 'D' }).map((r) => r.enterpriseId)).toEqual(['e3', 'e5']);
    expect(filterResults(rows, { ...none, mark: 'T' }).map((r) => r.enterpriseId)).toEqual(['e4']);
    expect(filterResults(rows, { ...none, unitId: 'p3' }).map((r) => r.enterpriseId)).toEqual(['e1']);
    expect(filterResults(rows, { ...none, q: ' 甲 ' }).map((r) => r.enterpriseId)).toEqual(['e2']);
    expect(filterResults(rows, { ...none, q: 'aaaa0' }).map((r) => r.enterpriseId)).toEqual(['e1']);
  });

  it('offers each park or zone once, by name', () => {
    expect(unitsOf(rows)).toEqual([
      { id: 'p1', name: '1号园' },
      { id: 'p3', name: '3号园' },
    ]);
  });
});
