import { describe, expect, it } from 'vitest';
import { classCountOption, classCounts, histogram, histogramOption } from './distribution';
import { BELOW, result } from './test-fixtures';

describe('class distribution', () => {
  const results = [
    result({ enterpriseId: 'e1', name: '甲', class: 'A' }),
    result({ enterpriseId: 'e2', name: '乙', class: 'B' }),
    result({ enterpriseId: 'e3', name: '丙', class: 'B' }),
    result({ enterpriseId: 'e4', name: '丁', status: 'vetoed', class: 'D', rank: null }),
    result({ enterpriseId: 'e5', name: '戊', status: 'exempt', class: 'T', total: null }),
    result({ enterpriseId: 'e6', name: '己', groupKey: 'aboveScale', class: 'C' }),
  ];

  it('counts each class per group, a vetoed one as D and T apart', () => {
    expect(classCounts(results, [BELOW])).toEqual([{ key: 'belowScale', name: BELOW.name, counts: { A: 1, B: 2, C: 0, D: 1, T: 1 } }]);
  });

  it('draws one series per class in its colour, with the counts per group', () => {
    const option = classCountOption(classCounts(results, [BELOW]), (m) => `${m}类`, '分布');
    const series = option.series as { name: string; data: number[]; itemStyle: { color: string } }[];
    expect(series.map((s) => [s.name, s.data, s.itemStyle.color])).toEqual([
      ['A类', [1], '#67c23a'],
      ['B类', [2], '#409eff'],
      ['C类', [0], '#e6a23c'],
      ['D类', [1], '#f56c6c'],
      ['T类', [1], '#909399'],
    ]);
  });
});

describe('total-score histogram', () => {
  it('bins totals 10 points wide from the lowest bin to the highest, empty bins kept, the top edge in the last', () => {
    expect(histogram([47.4, 61.4, 62.7, 79.05, 80, 124.04])).toEqual([
      { from: 40, to: 50, count: 1 },
      { from: 50, to: 60, count: 0 },
      { from: 60, to: 70, count: 2 },
      { from: 70, to: 80, count: 1 },
      { from: 80, to: 90, count: 1 },
      { from: 90, to: 100, count: 0 },
      { from: 100, to: 110, count: 0 },
      { from: 110, to: 120, count: 0 },
      { from: 120, to: 130, count: 1 },
    ]);
    expect(histogram([])).toEqual([]);
    expect(histogram([-3, 5], 10)).toEqual([
      { from: -10, to: 0, count: 1 },
      { from: 0, to: 10, count: 1 },
    ]);
  });

  it('labels each bar with its range', () => {
    const option = histogramOption(histogram([61, 75]), '企业数', '分布');
    expect((option.xAxis as { data: string[] }).data).toEqual(['60–70', '70–80']);
  });
});
