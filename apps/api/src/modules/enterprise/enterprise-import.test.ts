import { describe, expect, it } from 'vitest';
import { completeUscc } from '@yuanqu/contracts';
import type { UnitRow } from '../unit/unit.repository';
import { COLUMNS, type Column } from './enterprise-columns';
import { validateRows, type RawRow } from './enterprise-import';

const MFG: UnitRow = { id: 'u-mfg', parentId: 'u-p3', kind: 'zone', code: 'XY-CD-P3-MFG', name: '高端制造功能区', path: '/u-xy/u-cd/u-p3/u-mfg/', sortOrder: 7, createdAt: '2026-01-01T00:00:00Z' };
const P1: UnitRow = { id: 'u-p1', parentId: 'u-cd', kind: 'park', code: 'XY-CD-P1', name: '1号园', path: '/u-xy/u-cd/u-p1/', sortOrder: 2, createdAt: '2026-01-01T00:00:00Z' };
/** What the service passes in: the viewer's parks and zones, by name and by code. */
const PLACEABLE = new Map<string, UnitRow>([
  [MFG.name, MFG],
  [MFG.code, MFG],
  [P1.name, P1],
  [P1.code, P1],
]);

const USCC = completeUscc('91360403MA4T0001');
const USCC2 = completeUscc('91360403MA4T0002');

/** A row with every required column filled the way a clerk fills the template. */
function raw(row: number, cells: Partial<Record<Column['key'], string>> = {}, drop: Column['key'][] = []): RawRow {
  const base: Partial<Record<Column['key'], string>> = {
    uscc: USCC,
    name: '九江测试新材料有限公司',
    unitId: '高端制造功能区',
    industryChain: '新材料',
    industryCode: '3985',
    category: '工业企业',
    scale: '规上',
  };
  const all = { ...base, ...cells };
  for (const k of drop) delete all[k];
  return { row, cells: new Map(Object.entries(all) as [Column['key'], string][]) };
}

const header = (key: Column['key']) => COLUMNS.find((c) => c.key === key)!.header;

function problemsOf(...rows: RawRow[]) {
  return validateRows(rows, PLACEABLE).problems;
}

/** The single problem of a single row, or a failure showing what was found instead. */
function onlyProblem(cells: Partial<Record<Column['key'], string>>, drop: Column['key'][] = []) {
  const { valid, problems } = validateRows([raw(2, cells, drop)], PLACEABLE);
  expect(valid).toEqual([]);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

/** The parsed value of one column of an otherwise valid row. */
function parsed<K extends Column['key']>(key: K, text: string) {
  const { valid, problems } = validateRows([raw(2, { [key]: text })], PLACEABLE);
  expect(problems).toEqual([]);
  return (valid[0]!.fields as Record<string, unknown>)[key];
}

describe('validateRows', () => {
  it('turns a filled row into enterprise fields, with empty optional columns as null or 否', () => {
    const { valid, problems } = validateRows([raw(2, { establishedOn: '2015-06-30', twoHigh: '是', cncRate: '62' })], PLACEABLE);
    expect(problems).toEqual([]);
    expect(valid).toEqual([
      {
        row: 2,
        fields: {
          uscc: USCC,
          name: '九江测试新材料有限公司',
          legalRepresentative: null,
          address: null,
          unitId: 'u-mfg',
          industryChain: 'newMaterials',
          industryCode: '3985',
          category: 'industrial',
          scale: 'above',
          scaleSince: null,
          establishedOn: '2015-06-30',
          twoHigh: true,
          nearYangtze: false,
          cloudAdopted: false,
          cncRate: 62,
          contactName: null,
          contactPhone: null,
          description: null,
        },
      },
    ]);
  });

  it.each(['uscc', 'name', 'unitId', 'industryChain', 'industryCode', 'category', 'scale'] as const)('names an empty required column: %s', (key) => {
    expect(onlyProblem({}, [key])).toEqual({ row: 2, column: header(key), value: '', reason: '必填项为空' });
  });

  it('lists every problem of a row, not just the first', () => {
    const problems = problemsOf(raw(7, { industryChain: '新能源', scale: '大型', twoHigh: 'Y' }, ['name']));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [7, '企业名称'],
      [7, '产业(3+3)'],
      [7, '规模'],
      [7, '两高项目'],
    ]);
  });

  it.each([
    ['91360403MA4T000', '统一社会信用代码应为18位'],
    [USCC.slice(0, 9) + 'I' + USCC.slice(10), '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）'],
    ['91AB0403' + USCC.slice(8), '统一社会信用代码第3-8位应为行政区划代码'],
    [USCC.slice(0, 16) + (USCC[16] === '0' ? '1' : '0') + USCC[17], '统一社会信用代码中的组织机构代码校验码不正确'],
    [USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0'), '统一社会信用代码校验位不正确'],
  ])('explains why %s is not a USCC', (code, reason) => {
    expect(onlyProblem({ uscc: code })).toEqual({ row: 2, column: '统一社会信用代码', value: code, reason });
  });

  it('accepts a lower-case USCC and stores it upper-case', () => {
    const lower = completeUscc('91360403MA4TA00B');
    expect(parsed('uscc', lower.toLowerCase())).toBe(lower);
  });

  it('names the first row when a USCC appears twice in the file, whatever its case', () => {
    const lower = completeUscc('91360403MA4TA00B');
    const problems = problemsOf(raw(2), raw(3, { uscc: USCC2 }), raw(4, { uscc: lower }), raw(9, { uscc: USCC }), raw(11, { uscc: lower.toLowerCase() }));
    expect(problems).toEqual([
      { row: 9, column: '统一社会信用代码', value: USCC, reason: '与第 2 行的统一社会信用代码重复' },
      { row: 11, column: '统一社会信用代码', value: lower.toLowerCase(), reason: '与第 4 行的统一社会信用代码重复' },
    ]);
  });

  it.each([
    ['industryChain', '新材料', 'newMaterials'],
    ['industryChain', 'newMaterials', 'newMaterials'],
    ['industryChain', '科技服务', 'techService'],
    ['category', '物流仓储', 'logistics'],
    ['category', 'incubator', 'incubator'],
    ['scale', '规下', 'below'],
    ['scale', 'above', 'above'],
  ] as const)('reads %s “%s” as %s', (key, text, value) => {
    expect(parsed(key, text)).toBe(value);
  });

  it('lists the allowed labels when an enumerated cell is unknown', () => {
    expect(onlyProblem({ industryChain: '新能源' }).reason).toBe('应为：新材料、装备制造、石油化工、数字经济、商贸物流、科技服务');
    expect(onlyProblem({ category: '国企' }).reason).toBe('应为：工业企业、物流仓储、孵化器、其他');
    expect(onlyProblem({ scale: '大型' }).reason).toBe('应为：规上、规下');
  });

  it('finds the park or zone by name or by code, and refuses one outside the viewer’s units', () => {
    expect(parsed('unitId', '1号园')).toBe('u-p1');
    expect(parsed('unitId', 'XY-CD-P3-MFG')).toBe('u-mfg');
    expect(onlyProblem({ unitId: '5号园' })).toEqual({ row: 2, column: '所属园区/功能区', value: '5号园', reason: '不是您管理范围内的园区或功能区名称' });
  });

  it('refuses an industry code that is not in GB/T 4754-2017', () => {
    expect(onlyProblem({ industryCode: '9999' }).reason).toBe('不是 GB/T 4754-2017 的行业代码');
  });

  it.each(['2025-3-5', '2025-03-05', '2025/03/05', '2025/3/5', '2025.3.5', '2025年3月5日'])('reads the date %s as 2025-03-05', (text) => {
    expect(parsed('establishedOn', text)).toBe('2025-03-05');
  });

  it('knows leap years', () => {
    expect(parsed('scaleSince', '2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2025-02-30', '2023-02-29', '2025-13-40', '2025-00-10', '05/03/2025', '2025-3', '下个月'])('refuses the date %s', (text) => {
    expect(onlyProblem({ establishedOn: text })).toEqual({ row: 2, column: '成立日期', value: text, reason: '日期格式应为 2025-03-05' });
  });

  it('takes 是 and 否 and nothing else for a yes/no column', () => {
    expect(parsed('nearYangtze', '是')).toBe(true);
    expect(parsed('nearYangtze', '否')).toBe(false);
    for (const text of ['Y', 'N', 'true', '1', '有']) {
      expect(onlyProblem({ nearYangtze: text })).toEqual({ row: 2, column: '长江岸线一公里内', value: text, reason: '应为“是”或“否”' });
    }
  });

  it('reads a rate with or without the % sign, within 0-100', () => {
    expect(parsed('cncRate', '55%')).toBe(55);
    expect(parsed('cncRate', '62.5')).toBe(62.5);
    expect(parsed('cncRate', '0')).toBe(0);
    expect(parsed('cncRate', '100 %')).toBe(100);
    for (const text of ['150', '-1', '100.1', '五十', '%', '0x32', '1e2']) expect(onlyProblem({ cncRate: text }).reason).toBe('应为 0-100 之间的数字');
  });

  it('checks the shared field rules after the column rules', () => {
    expect(onlyProblem({ contactPhone: '请致电张经理' })).toEqual({ row: 2, column: '联系电话', value: '请致电张经理', reason: '电话号码格式不正确' });
    expect(onlyProblem({ name: '企'.repeat(101) }).reason).toBe('内容过长');
    expect(onlyProblem({ address: '路'.repeat(201) })).toMatchObject({ column: '注册地址', reason: '内容过长' });
    expect(parsed('contactPhone', '+86 792 8216301')).toBe('+86 792 8216301');
  });

  it('keeps the valid rows of a file apart from the bad ones', () => {
    const { valid, problems } = validateRows([raw(2), raw(3, { uscc: USCC2, cncRate: '150' }), raw(4, { uscc: completeUscc('91360403MA4T0003') })], PLACEABLE);
    expect(valid.map((v) => v.row)).toEqual([2, 4]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[3, '装备数控化率(%)']]);
  });
});
