import { describe, expect, it } from 'vitest';
import type { Factory, FactorySummary, Unit } from '@yuanqu/contracts';
import { t } from '../../i18n';
import { factoryKpis, factoryRows, filterFactories, formatMonth, formatRatio, formatWanSqm, unitGroups, wanSqm, yearBars } from './factory-display';

const summary = (over: Partial<FactorySummary> = {}): FactorySummary => ({
  goalSqmPerYear: 100_000,
  years: [
    { year: 2025, completedSqm: 112_000, buildings: 2 },
    { year: 2026, completedSqm: 40_000, buildings: 1 },
  ],
  currentYear: 2026,
  currentYearSqm: 40_000,
  progress: 0.4,
  completedSqm: 561_000,
  occupiedSqm: 336_600,
  occupancy: 0.6,
  asOf: '2026-11-26',
  ...over,
});

const factory = (over: Partial<Factory> = {}): Factory => ({
  id: 'f1',
  code: 'SF-2025-01',
  name: '标准厂房2025-01栋',
  unitId: 'zone-mfg',
  unitName: '高端制造功能区',
  parcelId: null,
  completedOn: '2025-03-30',
  floors: 6,
  floorAreaSqm: 62_000,
  occupants: [{ enterpriseId: 'e1', name: '九江杰尼新材料有限公司', areaSqm: 21_700 }],
  occupiedSqm: 21_700,
  occupancy: 0.35,
  version: 1,
  ...over,
});

const units: Unit[] = [
  { id: 'p3', parentId: 'base', kind: 'park', code: 'XY-CD-P3', name: '3号园' },
  { id: 'zone-mfg', parentId: 'p3', kind: 'zone', code: 'XY-CD-P3-MFG', name: '高端制造功能区' },
  { id: 'p1', parentId: 'base', kind: 'park', code: 'XY-CD-P1', name: '1号园' },
  { id: 'zone-dig', parentId: 'p1', kind: 'zone', code: 'XY-CD-P1-DIG', name: '数字经济功能区' },
  { id: 'base', parentId: null, kind: 'base', code: 'XY-CD', name: '城东工业基地' },
];

describe('factory figures', () => {
  it('shows areas in 万㎡ with two decimals, dates as months and shares as percentages', () => {
    expect(wanSqm(65_000)).toBe(6.5);
    expect(formatWanSqm(40_000)).toBe('4.00');
    expect(formatWanSqm(1_234_500)).toBe('123.45');
    expect(formatWanSqm(null)).toBe('—');
    expect(formatMonth('2025-03-30', 'zh-CN')).toBe('2025年3月');
    expect(formatMonth('2025-03-30', 'en-US')).toBe('2025-03');
    expect(formatMonth(null, 'zh-CN')).toBeNull();
    expect(formatRatio(0.4)).toBe('40%');
    expect(formatRatio(0.4567)).toBe('45.7%');
    expect(formatRatio(null)).toBe('—');
  });

  it('states this year against the goal and fills the bar no further than full', () => {
    expect(factoryKpis(summary())).toMatchObject({ year: 2026, done: '4.00', goal: '10.00', percent: '40%', bar: 40, reached: false, completedWan: '56.10', completedSqm: '561,000', buildings: 3, occupancy: '60%', occupiedWan: '33.66' });
    expect(t('factories.kpi.progress', { year: 2026, done: '4.00', goal: '10.00', percent: '40%' })).toBe('2026年已竣工 4.00万㎡，目标 10.00万㎡（40%）');
    expect(factoryKpis(summary({ currentYearSqm: 125_000, progress: 1.25 }))).toMatchObject({ percent: '125%', bar: 100, reached: true });
    expect(factoryKpis(summary({ goalSqmPerYear: null, progress: null }))).toMatchObject({ goal: null, percent: null, bar: 0, reached: false });
  });

  it('labels the bars by year, this one as to date, with the goal line and a text for screen readers', () => {
    const bars = yearBars(summary(), t, 'zh-CN');
    expect(bars.data).toEqual([{ name: '2025年', value: 11.2 }, { name: '2026年（截至目前）', value: 4 }]);
    expect(bars.goal).toEqual({ value: 10, label: '年度目标 10.00万㎡' });
    expect(bars.description).toBe('历年新增标准厂房面积：2025年 11.2万㎡；2026年（截至目前） 4万㎡；年度目标 10.00万㎡');
    expect(yearBars(summary({ goalSqmPerYear: null }), t, 'zh-CN').goal).toBeNull();
  });
});

describe('factory table', () => {
  it('formats each building and names its occupants', () => {
    const [row] = factoryRows([factory({ occupants: [{ enterpriseId: 'e1', name: null, areaSqm: 21_700 }] })], 'zh-CN');
    expect(row).toMatchObject({ completedMonth: '2025年3月', floorSqm: '62,000', floorWan: '6.20', occupied: '21,700', occupancyText: '35%', occupantTexts: [{ id: 'e1', name: 'e1', area: '21,700' }] });
    expect(factoryRows([factory({ completedOn: null })], 'zh-CN')[0]!.completedMonth).toBeNull();
  });

  it('filters by park (its zones included) or zone, and by code, name or occupant', () => {
    const rows = [factory(), factory({ id: 'f2', code: 'SF-2023-02', unitId: 'zone-dig', unitName: '数字经济功能区', occupants: [] })];
    expect(filterFactories(rows, units, 'p3', '').map((r) => r.id)).toEqual(['f1']);
    expect(filterFactories(rows, units, 'zone-dig', '').map((r) => r.id)).toEqual(['f2']);
    expect(filterFactories(rows, units, '', '杰尼').map((r) => r.id)).toEqual(['f1']);
    expect(filterFactories(rows, units, '', 'sf-2023').map((r) => r.id)).toEqual(['f2']);
    expect(filterFactories(rows, units, '', '').length).toBe(2);
  });

  it('groups the zones under their parks, in code order', () => {
    expect(unitGroups(units).map((g) => [g.park.name, g.zones.map((z) => z.name)])).toEqual([
      ['1号园', ['数字经济功能区']],
      ['3号园', ['高端制造功能区']],
    ]);
  });
});
