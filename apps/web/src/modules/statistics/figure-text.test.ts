import { afterEach, describe, expect, it } from 'vitest';
import { WARNING_CODES, type FigureWarning } from '@yuanqu/contracts';
import { setLocale, t } from '../../i18n';
import { displayOf } from './figure-units';
import { figureHeader, valueWithUnit, warningText } from './figure-text';

afterEach(() => setLocale('zh-CN'));

const warning = (w: Partial<FigureWarning>): FigureWarning => ({
  code: 'taxAboveRevenue',
  field: 'taxPaid',
  value: 2_000_000,
  reference: 1_000_000,
  referenceField: 'mainRevenue',
  factor: null,
  ...w,
});

describe('headers and values', () => {
  it('names a column with its unit', () => {
    expect(figureHeader('mainRevenue', t, 'zh-CN')).toBe('主营业务收入（万元）');
    expect(figureHeader('mainRevenue', t, 'zh-CN', { big: true })).toBe('主营业务收入（亿元）');
    expect(figureHeader('energyKgce', t, 'zh-CN')).toBe('综合能耗（吨标准煤）');
    expect(figureHeader('cloudAdopted', t, 'zh-CN', { aggregate: true })).toBe('上云企业占比（%）');
    expect(figureHeader('cloudAdopted', t, 'zh-CN')).toBe('企业上云');
  });

  it('quotes a value with its unit in the language’s way', () => {
    expect(valueWithUnit(6_435_000_000, displayOf('mainRevenue', { big: true }), t, 'zh-CN')).toBe('64.35亿元');
    expect(valueWithUnit(1, displayOf('cloudAdopted'), t, 'zh-CN')).toBe('是');
    setLocale('en-US');
    expect(valueWithUnit(12_345_678, displayOf('mainRevenue'), t, 'en-US')).toBe('1,234.57 ×10k CNY');
  });
});

describe('warningText', () => {
  it('says what is wrong with the numbers, for each code', () => {
    expect(warningText(warning({}), t, 'zh-CN')).toBe('实缴税金 200.00万元 高于主营业务收入 100.00万元，请核实单位或位数');
    expect(warningText(warning({ code: 'cumulativeDecrease', field: 'mainRevenue', value: 9_000_000, reference: 10_000_000, referenceField: null }), t, 'zh-CN')).toBe(
      '主营业务收入本期累计 900.00万元，低于上期累计 1,000.00万元：累计值不应减少',
    );
    expect(warningText(warning({ code: 'cumulativeAboveNext', field: 'taxPaid', value: 2_000_000, reference: 1_500_000, referenceField: null }), t, 'zh-CN')).toBe(
      '实缴税金本期累计 200.00万元，高于下一期已生效的累计 150.00万元：更正后下一期累计将小于本期',
    );
    const jump = warning({ code: 'monthJump', field: 'mainRevenue', value: 5_000_000, reference: 1_000_000, referenceField: null, factor: 3 });
    expect(warningText(jump, t, 'zh-CN')).toBe('主营业务收入当月 500.00万元，是上月 100.00万元 的 5.0 倍，超过突变倍数 3');
    const drop = { ...jump, value: 200_000 };
    expect(warningText(drop, t, 'zh-CN')).toBe('主营业务收入当月 20.00万元，仅为上月 100.00万元 的 20.0%，低于突变倍数 3 的倒数');
    const energy = warning({ code: 'monthJump', field: 'energyKgce', value: 40_000, reference: 10_000, referenceField: null, factor: 3 });
    expect(warningText(energy, t, 'zh-CN')).toContain('综合能耗当月 40.00吨标准煤');
  });

  it('has a sentence for every warning code in both languages', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      setLocale(locale);
      for (const code of WARNING_CODES) {
        const text = warningText(warning({ code, factor: 3 }), t, locale);
        expect(text, `${locale} ${code}`).not.toContain('warnings.');
        expect(text).toMatch(/200\.00/);
      }
    }
  });
});
