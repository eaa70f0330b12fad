import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '@yuanqu/contracts';
import { statisticsKpis } from './kpis';

const total: SummaryRow = {
  key: 'all',
  name: '',
  reporters: 31,
  values: { mainRevenue: 6_435_000_000, grossOutput: 11_370_000_000, taxPaid: 123_000_000, totalProfit: -5_000_000, valueAdded: null },
  lastYear: {},
  yoy: { mainRevenue: 0.095, grossOutput: 0.125, taxPaid: -0.02, totalProfit: null },
  share: {},
};

describe('statisticsKpis', () => {
  it('gives the plan’s 2022 headline figures in 亿元 with 同比', () => {
    const kpis = statisticsKpis(total, 15);
    expect(kpis.find((k) => k.key === 'mainRevenue')).toMatchObject({ value: '64.35', unit: 'figureUnits.yiYuan', yoy: '+9.5%', trend: 'up' });
    expect(kpis.find((k) => k.key === 'grossOutput')).toMatchObject({ value: '113.70', yoy: '+12.5%' });
    expect(kpis.find((k) => k.key === 'taxPaid')).toMatchObject({ value: '1.23', yoy: '-2.0%', trend: 'down' });
    expect(kpis.find((k) => k.key === 'valueAdded')).toMatchObject({ value: '—', yoy: '—', trend: 'flat' });
  });

  it('counts 规上 firms and reporters without 同比', () => {
    const kpis = statisticsKpis(total, 15);
    expect(kpis.slice(-2)).toEqual([
      expect.objectContaining({ key: 'aboveScale', value: '15', unit: 'figureUnits.count', yoy: null }),
      expect.objectContaining({ key: 'reporters', value: '31', yoy: null }),
    ]);
    expect(statisticsKpis(total, null).find((k) => k.key === 'aboveScale')?.value).toBe('—');
  });
});
