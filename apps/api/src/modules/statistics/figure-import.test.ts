import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { completeUscc, FIGURE_KEYS, type FigureValues } from '@yuanqu/contracts';
import type { SheetCell } from '../../lib/xlsx-reader';
import type { ColumnKey } from './figure-excel';
import { eachRawRow, planImport, reportKey, resolveEnterprises, rowChecker, sortProblems, type CountedReport, type FigureRow, type RawRow } from './figure-import';

const A = completeUscc('91360403MA4T0001');
const B = completeUscc('91360403MA4T0002');

function raw(row: number, cells: Partial<Record<ColumnKey, SheetCell>>): RawRow {
  return { row, cells: new Map(Object.entries(cells) as [ColumnKey, SheetCell][]) };
}

/** Checks the rows as the import does, with 2026年1-2月 the latest period that has ended. */
function check(...rows: RawRow[]) {
  const checker = rowChecker('2026-02');
  const valid = rows.map(checker.check).filter((r) => r !== undefined);
  return { valid, problems: checker.problems, refs: checker.refs };
}

const figures = (v: FigureValues): FigureValues => Object.fromEntries(FIGURE_KEYS.map((k) => [k, v[k] ?? null]));

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计数据');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readAll(buf: Buffer, maxRows = 10): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of eachRawRow(buf, maxRows)) out.push(r);
  return out;
}

describe('eachRawRow', () => {
  it('finds the columns by header, in any order and with full-width brackets, and skips empty rows', async () => {
    const buf = await sheet([['序号', '报告期', '统一社会信用代码', '营业收入（万元）'], [1, '2025-06', A, 12.5], [], [2, '2025-07', B, null]]);
    const rows = await readAll(buf);
    expect(rows.map((r) => [r.row, Object.fromEntries(r.cells)])).toEqual([
      [2, { period: '2025-06', uscc: A, operatingRevenue: 12.5 }],
      [4, { period: '2025-07', uscc: B }],
    ]);
  });

  it('refuses a header without a required column, or with a column twice, as problems of row 1', async () => {
    await expect(readAll(await sheet([['统一社会信用代码', '主营业务收入(万元)', '主营业务收入(万元)']]))).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: {
        problems: [
          { row: 1, column: '主营业务收入(万元)', value: '主营业务收入(万元)', reason: '列重复' },
          { row: 1, column: '报告期', value: '', reason: '缺少必填列' },
        ],
      },
    });
  });

  it('refuses more rows than the limit and a sheet without a header', async () => {
    const rows = [['统一社会信用代码', '报告期'], ...Array.from({ length: 3 }, () => [A, '2025-06'])];
    await expect(readAll(await sheet(rows), 2)).rejects.toMatchObject({ code: 'IMPORT_FILE_REJECTED', details: { reason: 'tooManyRows' } });
    await expect(readAll(await sheet([['名称', '备注']]))).rejects.toMatchObject({ code: 'IMPORT_FILE_REJECTED', details: { reason: 'noHeader' } });
  });
});

describe('rowChecker', () => {
  it('turns a row into stored units, with empty figures as not reported', () => {
    const { valid, problems } = check(raw(2, { uscc: A.toLowerCase(), name: '任意名称', period: '2025年1-6月', mainRevenue: '1200.5', employeesEnd: 80, cloudAdopted: '是' }));
    expect(problems).toEqual([]);
    expect(valid).toEqual([{ row: 2, uscc: A, period: '2025-06', values: { mainRevenue: 12_005_000, employeesEnd: 80, cloudAdopted: 1 }, enterpriseId: '' }]);
  });

  it('lists every problem of a row by column, value and reason', () => {
    const { valid, problems } = check(raw(3, { uscc: '91360403MA4T00011', period: '2026-03', mainRevenue: '-1', taxPaid: '1.00001' }));
    expect(valid).toEqual([]);
    expect(problems).toEqual([
      { row: 3, column: '统一社会信用代码', value: '91360403MA4T00011', reason: '统一社会信用代码格式或校验位不正确' },
      { row: 3, column: '报告期', value: '2026-03', reason: '报告期尚未结束（最近可导入的是 2026年1-2月）' },
      { row: 3, column: '主营业务收入(万元)', value: '-1', reason: '不能为负数' },
      { row: 3, column: '实缴税金(万元)', value: '1.00001', reason: '最多 4 位小数（万元精确到元）' },
    ]);
  });

  it('refuses a row without figures and one without code or period', () => {
    const { problems } = check(raw(2, { uscc: A, period: '2025-06' }), raw(3, { mainRevenue: 1 }));
    expect(problems).toEqual([
      { row: 2, column: '主营业务收入(万元)', value: '', reason: '该行没有填写任何指标' },
      { row: 3, column: '统一社会信用代码', value: '', reason: '必填项为空' },
      { row: 3, column: '报告期', value: '', reason: '必填项为空' },
    ]);
  });

  it('refuses the same enterprise and period twice, however the period is written', () => {
    const { valid, problems } = check(raw(2, { uscc: A, period: '2025-06', mainRevenue: 1 }), raw(3, { uscc: B, period: '2025-06', mainRevenue: 1 }), raw(4, { uscc: A, period: '2025年1-6月', mainRevenue: 2 }));
    expect(valid.map((v) => v.row)).toEqual([2, 3]);
    expect(problems).toEqual([{ row: 4, column: '报告期', value: '2025年1-6月', reason: '与第 2 行的企业和报告期重复' }]);
  });

  it('keeps the code of a bad row, so an unknown enterprise is reported with its other problems', () => {
    const { refs } = check(raw(2, { uscc: A, period: '2025-13', mainRevenue: 1 }));
    expect(refs).toEqual([{ row: 2, uscc: A }]);
  });
});

describe('resolveEnterprises and sortProblems', () => {
  it('treats an enterprise outside the scope as unknown and refuses an archived one', () => {
    const found = new Map([
      [A, { id: 'a', status: 'archived', inScope: true }],
      [B, { id: 'b', status: 'active', inScope: false }],
    ]);
    const problems = resolveEnterprises([{ row: 2, uscc: A }, { row: 3, uscc: B }, { row: 4, uscc: completeUscc('91360403MA4T0003') }], found);
    expect(problems.map((p) => [p.row, p.reason])).toEqual([
      [2, '该企业已归档，不能导入统计数据'],
      [3, '企业库中没有该企业，或该企业不在您的管理范围内'],
      [4, '企业库中没有该企业，或该企业不在您的管理范围内'],
    ]);
  });

  it('orders problems by row, then by the column order of the template', () => {
    const p = (row: number, column: string) => ({ row, column, value: '', reason: '' });
    expect(sortProblems([p(3, '报告期'), p(2, '营业收入(万元)'), p(2, '统一社会信用代码')]).map((x) => [x.row, x.column])).toEqual([
      [2, '统一社会信用代码'],
      [2, '营业收入(万元)'],
      [3, '报告期'],
    ]);
  });
});

describe('planImport', () => {
  const row = (n: number, period: string, v: FigureValues): FigureRow => ({ row: n, uscc: A, enterpriseId: 'a', period, values: figures(v) });
  const counted = (entries: [string, FigureValues][]): Map<string, CountedReport> =>
    new Map(entries.map(([period, v]) => [reportKey('a', period), { id: `r-${period}`, values: figures(v) }]));

  it('leaves a row equal to what counts alone, replaces a different one and creates a new one', () => {
    const plan = planImport(
      [row(2, '2025-04', { mainRevenue: 400 }), row(3, '2025-05', { mainRevenue: 520 }), row(4, '2025-06', { mainRevenue: 640 })],
      counted([['2025-03', { mainRevenue: 300 }], ['2025-04', { mainRevenue: 400 }], ['2025-05', { mainRevenue: 500 }]]),
      3,
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.writes.map((w) => [w.row.period, w.replaces?.id ?? null])).toEqual([
      ['2025-05', 'r-2025-05'],
      ['2025-06', null],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('judges a row against the file’s own row for the month before, else against what counts', () => {
    const base = counted([['2025-04', { mainRevenue: 400 }], ['2025-05', { mainRevenue: 500 }]]);
    const alone = planImport([row(2, '2025-06', { mainRevenue: 450 })], base, 3);
    expect(alone.warnings).toEqual([{ row: 2, uscc: A, period: '2025-06', warning: { code: 'cumulativeDecrease', field: 'mainRevenue', value: 450, reference: 500, referenceField: null, factor: null } }]);
    const corrected = planImport([row(2, '2025-06', { mainRevenue: 450 }), row(3, '2025-05', { mainRevenue: 430 })], base, 3);
    expect(corrected.warnings).toEqual([]);
  });

  it('warns about a month far out of line and about tax above revenue in the same row', () => {
    const plan = planImport([row(5, '2025-06', { mainRevenue: 2000, taxPaid: 2500 })], counted([['2025-04', { mainRevenue: 400 }], ['2025-05', { mainRevenue: 500 }]]), 3);
    expect(plan.warnings.map((w) => [w.row, w.warning.code, w.warning.field])).toEqual([
      [5, 'monthJump', 'mainRevenue'],
      [5, 'taxAboveRevenue', 'taxPaid'],
    ]);
    expect(plan.writes[0]!.warnings).toHaveLength(2);
  });
});
