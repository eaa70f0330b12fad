import { describe, expect, it } from 'vitest';
import { COLUMNS, FIGURE_COLUMNS, parseFigureCell, parsePeriodCell, periodLabel, periodText } from './figure-excel';

const col = (key: string) => FIGURE_COLUMNS.find((c) => c.key === key)!;
const value = (key: string, cell: string | number | boolean) => {
  const parsed = parseFigureCell(col(key), cell);
  if (!parsed.ok) throw new Error(`${key} ${String(cell)}: ${parsed.reason}`);
  return parsed.value;
};
const reason = (key: string, cell: string | number | boolean) => {
  const parsed = parseFigureCell(col(key), cell);
  return parsed.ok ? `accepted as ${parsed.value}` : parsed.reason;
};

describe('the template columns', () => {
  it('state each figure in the unit the clerk enters it', () => {
    expect(COLUMNS.map((c) => c.header)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '报告期',
      '主营业务收入(万元)',
      '营业收入(万元)',
      '工业总产值(万元)',
      '工业增加值(万元)',
      '利润总额(万元)',
      '实缴税金(万元)',
      '从业人员期末人数(人)',
      '从业人员平均人数(人)',
      'R&D经费支出(万元)',
      '技改投资(万元)',
      '固定资产投资(万元)',
      '综合能耗(吨标准煤)',
      '用电量(万千瓦时)',
      'COD(吨)',
      '氨氮(吨)',
      '二氧化硫(吨)',
      '氮氧化物(吨)',
      '是否上云(是/否)',
      '装备数控化率(%)',
    ]);
  });
});

describe('parsePeriodCell', () => {
  it.each([
    ['2024-06', '2024-06'],
    ['2024-6', '2024-06'],
    ['2024/12', '2024-12'],
    ['2024年1-6月', '2024-06'],
    ['2024年1—6月', '2024-06'],
    ['2024年1～12月', '2024-12'],
    ['2024-1-6月', '2024-06'],
    ['2024年1-2月', '2024-02'],
    [' ２０２４年１-６月 ', '2024-06'],
  ])('reads %s as %s', (text, period) => {
    expect(parsePeriodCell(text)).toEqual({ ok: true, value: period });
  });

  it('reads a date cell (Excel turns a typed 2024-06 into 1 June 2024) by its month', () => {
    expect(parsePeriodCell(45444)).toEqual({ ok: true, value: '2024-06' });
  });

  it.each([
    ['2024-01', '1月不单独报送，1-2月合并为一期（填 2024-02 或 2024年1-2月）'],
    ['2024年1月', '1月不单独报送，1-2月合并为一期（填 2024-02 或 2024年1-2月）'],
    ['2024年1-1月', '1月不单独报送，1-2月合并为一期（填 2024-02 或 2024年1-2月）'],
    ['2024年6月', '请写明累计期：2024年1-6月（或 2024-06）'],
    ['2024年4-6月', '报告期应为从1月起的累计期，如 2024年1-6月'],
    ['2024-13', '月份应为 2-12'],
    ['2024', '报告期格式应为 2024-06 或 2024年1-6月'],
    ['六月', '报告期格式应为 2024-06 或 2024年1-6月'],
  ])('refuses %s', (text, why) => {
    expect(parsePeriodCell(text)).toEqual({ ok: false, reason: why });
  });

  it('refuses a plain number and January as a date, showing the date as the clerk sees it', () => {
    expect(parsePeriodCell(202406)).toMatchObject({ ok: false });
    expect(parsePeriodCell(45292)).toMatchObject({ ok: false, reason: expect.stringContaining('1月不单独报送') });
    expect(periodText(45292)).toBe('2024-01-01');
    expect(periodText('2024年1-6月')).toBe('2024年1-6月');
  });

  it('names a period as the tables do', () => {
    expect(periodLabel('2024-02')).toBe('2024年1-2月');
    expect(periodLabel('2024-11')).toBe('2024年1-11月');
  });
});

describe('parseFigureCell', () => {
  it('converts 万元 to 元 exactly, from text and from number cells', () => {
    expect(value('mainRevenue', '123.4567')).toBe(1_234_567);
    expect(value('mainRevenue', 123.4567)).toBe(1_234_567);
    expect(value('mainRevenue', '1,234.5')).toBe(12_345_000);
    expect(value('mainRevenue', 0.1 + 0.2)).toBe(3_000);
    expect(value('mainRevenue', 123.45670000000001)).toBe(1_234_567);
    expect(value('mainRevenue', 98_765_432.1001)).toBe(987_654_321_001);
    expect(value('mainRevenue', '0')).toBe(0);
  });

  it('converts the physical units exactly', () => {
    expect(value('energyKgce', '12.345')).toBe(12_345);
    expect(value('electricityKwh', 3.0001)).toBe(30_001);
    expect(value('codKg', '0.001')).toBe(1);
    expect(value('employeesEnd', 250)).toBe(250);
  });

  it('refuses more decimals than the stored unit holds, instead of rounding', () => {
    expect(reason('mainRevenue', '1.23456')).toBe('最多 4 位小数（万元精确到元）');
    expect(reason('mainRevenue', 1.23456)).toBe('最多 4 位小数（万元精确到元）');
    expect(reason('energyKgce', '1.0001')).toBe('最多 3 位小数（吨标准煤精确到千克标准煤）');
    expect(reason('electricityKwh', '1.00001')).toBe('最多 4 位小数（万千瓦时精确到千瓦时）');
    expect(reason('so2Kg', 1e-7)).toBe('最多 3 位小数（吨精确到千克）');
    expect(reason('employeesAvg', '10.5')).toBe('应为整数');
    expect(value('mainRevenue', '1.23400000')).toBe(12_340);
  });

  it('allows a loss but no other negative figure', () => {
    expect(value('totalProfit', '-12.5')).toBe(-125_000);
    expect(value('totalProfit', -0.0001)).toBe(-1);
    expect(reason('mainRevenue', '-5')).toBe('不能为负数');
    expect(value('mainRevenue', '-0')).toBe(0);
  });

  it('refuses what is not a plain number', () => {
    for (const text of ['十万', '1e3', '12万', '0x10', '1.2.3', '--1', '1,23'])
      expect(reason('taxPaid', text)).toBe('应为数字，单位：万元');
    expect(reason('mainRevenue', 1e21)).toBe('数值过大');
  });

  it('reads 是/否 and a rate in percent', () => {
    expect(value('cloudAdopted', '是')).toBe(1);
    expect(value('cloudAdopted', false)).toBe(0);
    expect(reason('cloudAdopted', 1)).toBe('应为“是”或“否”');
    expect(value('cncRate', '62.5%')).toBe(62.5);
    expect(value('cncRate', 12.34)).toBe(12.34);
    expect(reason('cncRate', 120)).toBe('应为 0-100 之间的数字');
    expect(reason('cncRate', '12.345')).toBe('最多 2 位小数');
    expect(reason('cncRate', '-1')).toBe('不能为负数');
  });
});
