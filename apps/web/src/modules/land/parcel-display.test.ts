import { describe, expect, it } from 'vitest';
import { PARCEL_STATUSES } from '@yuanqu/contracts';
import zhCN from '../../locales/zh-CN';
import { formatMu, formatSqm, formatWan, parcelCard, parcelStyle, sqmToMu, STATUS_COLORS, withAlpha, type ParcelProperties } from './parcel-display';

function parcel(overrides: Partial<ParcelProperties> = {}): ParcelProperties {
  return {
    id: 'p1',
    code: 'JJ-2025-01',
    name: '东区一号地',
    registeredAreaSqm: 20_000,
    computedAreaSqm: 20_312.4,
    areaMu: 30,
    areaMismatch: false,
    landUse: 'industrial',
    unitId: 'u1',
    unitName: '高端制造功能区',
    holderEnterpriseId: 'e1',
    holderName: '鸿利达新材料',
    shorelineDistance: { mainstream: { distanceM: 2_450.3, within1Km: false, within3Km: true, approximate: true }, tributary: { distanceM: null, within1Km: false, approximate: false } },
    tenure: 'transfer',
    priceYuan: 12_345_678,
    contractSignedOn: '2025-03-10',
    agreedStartOn: '2025-06-01',
    agreedCompletionOn: null,
    standard: null,
    status: 'underConstruction',
    actualStartOn: null,
    developedAreaSqm: null,
    investmentYuan: null,
    governmentDelay: null,
    leases: [],
    statusHistory: [
      { status: 'suppliedNotStarted', since: '2025-03-10', actor: null },
      { status: 'underConstruction', since: '2025-07-01', actor: '规划土地 张工' },
    ],
    version: 2,
    updatedAt: '2025-07-01T02:00:00.000Z',
    ...overrides,
  };
}

describe('status colours and labels', () => {
  it('gives every status its own colour and a Chinese label', () => {
    expect(new Set(PARCEL_STATUSES.map((s) => STATUS_COLORS[s])).size).toBe(PARCEL_STATUSES.length);
    expect(PARCEL_STATUSES.map((s) => zhCN.parcelStatuses[s])).toEqual(['未供', '已供未动工', '在建', '投产', '停产', '收回']);
  });

  it('draws a parcel translucent in its status colour and the selected one denser with a dark outline', () => {
    expect(withAlpha('#67c23a', 0.45)).toBe('rgba(103, 194, 58, 0.45)');
    expect(parcelStyle('producing', false)).toEqual({ fill: 'rgba(103, 194, 58, 0.45)', stroke: '#67c23a', width: 1.5 });
    expect(parcelStyle('producing', true)).toEqual({ fill: 'rgba(103, 194, 58, 0.75)', stroke: '#1f2d3d', width: 3 });
  });
});

describe('area and money formatting', () => {
  it('shows ㎡ whole with separators and 亩 with two decimals', () => {
    expect(formatSqm(12_345.6)).toBe('12,346');
    expect(formatMu(66.6666)).toBe('66.67');
    expect(formatMu(1234)).toBe('1,234.00');
    expect(formatSqm(null)).toBe('—');
    expect(formatMu(undefined)).toBe('—');
  });

  it('converts ㎡ to 亩 at 10000/15 ㎡ a 亩', () => {
    expect(sqmToMu(10_000)).toBeCloseTo(15, 10);
    expect(formatMu(sqmToMu(666.67))).toBe('1.00');
  });

  it('shows 元 as 万元 with two decimals', () => {
    expect(formatWan(12_345_678)).toBe('1,234.57');
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(null)).toBe('—');
  });
});

describe('parcelCard', () => {
  it('formats areas, price and dates, and lists the history newest first', () => {
    const card = parcelCard(parcel(), 'zh-CN');
    expect(card.holder).toEqual({ id: 'e1', name: '鸿利达新材料' });
    expect([card.registeredSqm, card.registeredMu, card.computedSqm]).toEqual(['20,000', '30.00', '20,312']);
    expect(card.priceWan).toBe('1,234.57');
    expect(card.dates).toEqual([
      { key: 'contractSignedOn', value: '2025年3月10日' },
      { key: 'agreedStartOn', value: '2025年6月1日' },
      { key: 'agreedCompletionOn', value: '—' },
      { key: 'actualStartOn', value: '—' },
    ]);
    expect(card.history).toEqual([
      { status: 'underConstruction', since: '2025年7月1日', actor: '规划土地 张工' },
      { status: 'suppliedNotStarted', since: '2025年3月10日', actor: null },
    ]);
    expect(card.standard).toEqual([]);
    expect([card.developed, card.investmentWan]).toEqual([null, null]);
  });

  it('keeps only the 标准地 promises that were made, and shows leases and development in ㎡ and 亩', () => {
    const card = parcelCard(
      parcel({
        name: null,
        holderEnterpriseId: null,
        holderName: null,
        priceYuan: null,
        standard: { investmentIntensity: 300, plotRatio: 1.2, taxPerMu: 25, energyPerValue: null, emissionPerValue: null },
        developedAreaSqm: 15_000,
        investmentYuan: 80_000_000,
        leases: [{ lesseeEnterpriseId: 'e2', lesseeName: '九江智浔机器人科技有限公司', areaSqm: 3_000, from: '2025-01-01', to: null }],
      }),
      'en-US',
    );
    expect([card.name, card.holder, card.priceWan]).toEqual(['—', null, null]);
    expect(card.standard).toEqual([
      { key: 'investmentIntensity', value: '300.00' },
      { key: 'plotRatio', value: '1.2' },
      { key: 'taxPerMu', value: '25.00' },
    ]);
    expect(card.developed).toEqual({ sqm: '15,000', mu: '22.50' });
    expect(card.investmentWan).toBe('8,000.00');
    expect(card.leases).toEqual([{ lesseeEnterpriseId: 'e2', lesseeName: '九江智浔机器人科技有限公司', areaSqm: '3,000', areaMu: '4.50', from: '2025-01-01', to: null }]);
    expect(card.unitName).toBe('高端制造功能区');
  });
});
