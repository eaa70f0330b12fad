import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS } from '@yuanqu/contracts';
import { FIGURE_GROUPS, chartDisplayOf, chartNumber, displayOf, entryText, formatShare, formatValue, formatYoy, parseEntry, withUnit } from './figure-units';

describe('display units', () => {
  it('shows base totals in 亿元 and an enterprise’s amounts in 万元', () => {
    expect(formatValue(6_435_000_000, displayOf('mainRevenue', { big: true }))).toBe('64.35');
    expect(formatValue(11_370_000_000, displayOf('grossOutput', { big: true }))).toBe('113.70');
    expect(formatValue(123_456_789, displayOf('taxPaid'))).toBe('12,345.68');
    expect(displayOf('taxPaid').unit).toBe('wanYuan');
  });

  it('shows energy in 吨标准煤 and 万千瓦时, emissions in 吨, people as counted', () => {
    expect(formatValue(1_234_567, displayOf('energyKgce'))).toBe('1,234.57');
    expect(displayOf('energyKgce').unit).toBe('tce');
    expect(formatValue(25_000, displayOf('electricityKwh'))).toBe('2.50');
    expect(formatValue(1500, displayOf('codKg'))).toBe('1.500');
    expect(formatValue(1234, displayOf('employeesEnd'))).toBe('1,234');
    expect(formatValue(null, displayOf('employeesEnd'))).toBe('—');
  });

  it('reads a flag as yes/no for one enterprise and as a share across many', () => {
    expect(formatValue(1, displayOf('cloudAdopted'), (yes) => (yes ? '是' : '否'))).toBe('是');
    expect(formatValue(0.8, displayOf('cloudAdopted', { aggregate: true }))).toBe('80.0');
    expect(formatValue(62.35, displayOf('cncRate'))).toBe('62.4');
  });

  it('writes 同比 with its sign and shares as percentages', () => {
    expect(formatYoy(0.095)).toBe('+9.5%');
    expect(formatYoy(-0.0214)).toBe('-2.1%');
    expect(formatYoy(-0.0001)).toBe('0.0%');
    expect(formatYoy(0)).toBe('0.0%');
    expect(formatYoy(null)).toBe('—');
    expect(formatShare(0.5234)).toBe('52.3%');
  });

  it('charts amounts in 亿元 once they reach one, shares of flags in %', () => {
    expect(chartDisplayOf('mainRevenue', [null, 98_000_000]).unit).toBe('wanYuan');
    expect(chartDisplayOf('mainRevenue', [120_000_000, null]).unit).toBe('yiYuan');
    expect(chartNumber(643_512_345, chartDisplayOf('mainRevenue', [643_512_345]))).toBe(6.44);
    expect(chartNumber(0.8, chartDisplayOf('cloudAdopted', [0.8]))).toBe(80);
    expect(chartNumber(null, displayOf('mainRevenue'))).toBeNull();
  });

  it('puts the unit in brackets of the language', () => {
    expect(withUnit('主营业务收入', '万元', 'zh-CN')).toBe('主营业务收入（万元）');
    expect(withUnit('Main revenue', '10k yuan', 'en-US')).toBe('Main revenue (10k yuan)');
    expect(withUnit('报送企业', '', 'zh-CN')).toBe('报送企业');
  });
});

describe('entries', () => {
  it('turns 万元 with up to four decimals into whole 元, exactly', () => {
    expect(parseEntry('mainRevenue', '1234.5678')).toEqual({ ok: true, value: 12_345_678 });
    expect(parseEntry('mainRevenue', '0.1')).toEqual({ ok: true, value: 1000 });
    expect(parseEntry('mainRevenue', '1,000')).toEqual({ ok: true, value: 10_000_000 });
    expect(parseEntry('mainRevenue', '1234.56789')).toEqual({ ok: false, error: 'decimals' });
    expect(parseEntry('mainRevenue', '')).toEqual({ ok: true, value: null });
  });

  it('converts tonnes of coal equivalent, 万千瓦时 and tonnes to kgce, kWh and kg', () => {
    expect(parseEntry('energyKgce', '12.345')).toEqual({ ok: true, value: 12_345 });
    expect(parseEntry('electricityKwh', '3.3')).toEqual({ ok: true, value: 33_000 });
    expect(parseEntry('so2Kg', '0.007')).toEqual({ ok: true, value: 7 });
    expect(parseEntry('employeesEnd', '12.5')).toEqual({ ok: false, error: 'decimals' });
  });

  it('lets only profit be negative, and keeps rates and flags in range', () => {
    expect(parseEntry('totalProfit', '-12.5')).toEqual({ ok: true, value: -125_000 });
    expect(parseEntry('mainRevenue', '-1')).toEqual({ ok: false, error: 'negative' });
    expect(parseEntry('cncRate', '65.25')).toEqual({ ok: true, value: 65.25 });
    expect(parseEntry('cncRate', '101')).toEqual({ ok: false, error: 'range' });
    expect(parseEntry('cloudAdopted', '1')).toEqual({ ok: true, value: 1 });
    expect(parseEntry('cloudAdopted', '2')).toEqual({ ok: false, error: 'flag' });
    expect(parseEntry('mainRevenue', '12万')).toEqual({ ok: false, error: 'number' });
    expect(parseEntry('mainRevenue', '99999999999999')).toEqual({ ok: false, error: 'tooLarge' });
  });

  it('fills a field from a stored value and reads it back unchanged', () => {
    for (const [key, value] of [['mainRevenue', 12_345_678], ['energyKgce', 1], ['totalProfit', -5], ['cncRate', 62.5]] as const) {
      expect(parseEntry(key, entryText(key, value))).toEqual({ ok: true, value });
    }
    expect(entryText('mainRevenue', 12_345_678)).toBe('1234.5678');
    expect(entryText('mainRevenue', null)).toBe('');
  });

  it('puts every figure in exactly one section of the form', () => {
    expect(FIGURE_GROUPS.flatMap((g) => g.figures).sort()).toEqual([...FIGURE_KEYS].sort());
  });
});
