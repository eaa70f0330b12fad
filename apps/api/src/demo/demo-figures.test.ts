import { describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISES } from './demo-data';
import { apportion, demoFigures, PLAN_2022 } from './demo-figures';

const firms = DEMO_ENTERPRISES.map((e, i) => ({ ...e, id: `e${i}` }));
const rows = demoFigures(firms, '2025-12');

describe('demo figures', () => {
  it('apportions a total exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(6_435_000_000, [0.3, 2.7, 1.1]).reduce((s, v) => s + v, 0)).toBe(6_435_000_000);
  });

  it('adds up to the plan’s 2022 totals', () => {
    const dec = rows.filter((r) => r.period === '2022-12');
    const sum = (key: 'mainRevenue' | 'grossOutput' | 'taxPaid') => dec.reduce((s, r) => s + (r.values[key] ?? 0), 0);
    expect([sum('mainRevenue'), sum('grossOutput'), sum('taxPaid')]).toEqual([PLAN_2022.mainRevenue, PLAN_2022.grossOutput, PLAN_2022.taxPaid]);
  });

  it('never lets a firm’s cumulative revenue fall within a year', () => {
    const byFirmYear = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.enterpriseId}/${r.period.slice(0, 4)}`;
      byFirmYear.set(key, [...(byFirmYear.get(key) ?? []), r.values.mainRevenue!]);
    }
    for (const values of byFirmYear.values()) expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('starts a firm’s reports after it was established', () => {
    const lithium = firms.find((f) => f.establishedOn === '2022-07-14')!;
    expect(rows.filter((r) => r.enterpriseId === lithium.id)[0]!.period).toBe('2022-08');
  });
});
