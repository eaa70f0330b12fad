import { describe, expect, it } from 'vitest';
import { kpisFromStats } from './kpis';

describe('kpisFromStats', () => {
  it('reads the headline counts and links each to the list that shows them', () => {
    const kpis = kpisFromStats({
      total: 31,
      byPark: [],
      byZone: [],
      byIndustryChain: [],
      byScale: [{ key: 'above', count: 15 }, { key: 'below', count: 16 }],
      byCategory: [{ key: 'industrial', count: 27 }, { key: 'logistics', count: 3 }],
    });
    expect(kpis.map((k) => [k.key, k.value])).toEqual([
      ['total', 31],
      ['above', 15],
      ['below', 16],
      ['industrial', 27],
      ['logistics', 3],
      ['incubator', 0],
    ]);
    expect(kpis.find((k) => k.key === 'above')!.query).toEqual({ scale: 'above' });
  });
});
