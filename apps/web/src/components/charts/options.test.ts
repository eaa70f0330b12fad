import { describe, expect, it } from 'vitest';
import { barOption, describeData, goalBarOption, pieOption, sparklineOption, toData, trendOption } from './options';

const chains = ['newMaterials', 'equipment', 'petrochemical'] as const;
const label = (e: { key: string; name?: string }) => e.name ?? `L:${e.key}`;

describe('toData', () => {
  it('keeps the server order and names when no order is given', () => {
    expect(toData([{ key: 'p3', name: '3号园', count: 19 }, { key: 'p1', name: '1号园', count: 12 }], label)).toEqual([
      { name: '3号园', value: 19 },
      { name: '1号园', value: 12 },
    ]);
  });

  it('lists every key of a fixed order, zeros included, and appends keys it does not know', () => {
    const data = toData([{ key: 'equipment', count: 4 }, { key: 'mystery', count: 1 }], label, chains);
    expect(data).toEqual([
      { name: 'L:newMaterials', value: 0 },
      { name: 'L:equipment', value: 4 },
      { name: 'L:petrochemical', value: 0 },
      { name: 'L:mystery', value: 1 },
    ]);
  });
});

describe('describeData', () => {
  it('reads the chart out for screen readers in the language punctuation', () => {
    const data = [{ name: '1号园', value: 12 }, { name: '3号园', value: 19 }];
    expect(describeData('按园区', data, '家', '；')).toBe('按园区：1号园 12家；3号园 19家');
    expect(describeData('By park', data, '', '; ')).toBe('By park: 1号园 12; 3号园 19');
    expect(describeData('按园区', [], '家', '；')).toBe('按园区');
  });
});

describe('barOption', () => {
  it('puts names on the category axis and counts in one labelled series', () => {
    const option = barOption([{ name: 'A', value: 3 }, { name: 'B', value: 5 }], '企业数', 'desc');
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['A', 'B'] });
    expect(option.yAxis).toMatchObject({ type: 'value', minInterval: 1 });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', name: '企业数', data: [3, 5] })]);
    expect(option.aria).toEqual({ enabled: true, label: { description: 'desc' } });
  });
});

describe('pieOption', () => {
  it('draws only non-zero slices', () => {
    const option = pieOption([{ name: '规上', value: 15 }, { name: '规下', value: 0 }], '企业数', 'desc');
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    expect(series).toMatchObject({ type: 'pie', data: [{ name: '规上', value: 15 }] });
  });
});

describe('trendOption', () => {
  it('draws own values as bars and 同比 as a line on the percent axis', () => {
    const option = trendOption(
      [{ label: '2022年', value: 64.35, yoy: 9.5 }, { label: '2023年', value: null, yoy: null }],
      { value: '全年', yoy: '累计同比', unit: '亿元' },
      'desc',
    );
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2022年', '2023年'] });
    expect(option.yAxis).toEqual([expect.objectContaining({ name: '亿元' }), expect.objectContaining({ name: '%' })]);
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', name: '全年', data: [64.35, null] }),
      expect.objectContaining({ type: 'line', name: '累计同比', yAxisIndex: 1, data: [9.5, null] }),
    ]);
  });
});

describe('sparklineOption', () => {
  it('draws one line with hidden axes', () => {
    const option = sparklineOption([{ name: '2022', value: 1 }, { name: '2023', value: 2 }], 'desc');
    expect(option.xAxis).toMatchObject({ show: false, data: ['2022', '2023'] });
    expect(option.series).toEqual([expect.objectContaining({ type: 'line', data: [1, 2] })]);
  });
});

describe('goalBarOption', () => {
  const data = [{ name: '2024年', value: 9.6 }, { name: '2025年', value: 11.2 }];

  it('draws the goal as a dashed line on the bars, with room above the tallest of them', () => {
    const option = goalBarOption(data, { value: 10, label: '目标 10.00万㎡' }, { series: '竣工面积', unit: '万㎡' }, 'desc');
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2024年', '2025年'] });
    expect(option.yAxis).toMatchObject({ name: '万㎡', max: 14 });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', name: '竣工面积', data: [9.6, 11.2], markLine: expect.objectContaining({ data: [{ yAxis: 10 }], label: expect.objectContaining({ formatter: '目标 10.00万㎡' }) }) }),
    ]);
  });

  it('keeps the goal in view when every bar is below it, and draws no line without a goal', () => {
    expect(goalBarOption([{ name: '2026年', value: 0 }], { value: 10, label: 'goal' }, { series: 's', unit: 'u' }, 'd').yAxis).toMatchObject({ max: 12 });
    const bare = goalBarOption(data, null, { series: 's', unit: 'u' }, 'd');
    expect(bare.series).toEqual([expect.not.objectContaining({ markLine: expect.anything() })]);
    expect(goalBarOption([], null, { series: 's', unit: 'u' }, 'd').yAxis).not.toHaveProperty('max');
  });
});
