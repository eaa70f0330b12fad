// The workbooks of 统计分析 written with exceljs: the import template and the summary export. The
// columns and cell parsing they share with the import live in figure-excel.ts, which the import
// (and `yuanqu import`) loads without exceljs.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { GroupBy, IndustryChain, Scale, Summary, SummaryQuery, SummaryRow } from '@yuanqu/contracts';
import { CHAIN_LABELS, neutralise, SCALE_LABELS } from '../enterprise/enterprise-columns';
import { COLUMNS, ENTRY_UNITS, FIGURE_COLUMNS, FIGURE_NAMES, periodLabel, type Column, type ColumnKey } from './figure-excel';

const NOTES: Partial<Record<ColumnKey, string>> = {
  uscc: '18位统一社会信用代码；企业须已在企业库中登记、在册，且在您的管理范围内',
  name: '便于核对，导入时不读取',
  period: '累计期：2024-06 表示 2024年1-6月累计；也可写作 2024年1-6月 或 2024-1-6月。1-2月合并为一期（2024-02），1月不单独报送；只能导入已结束的月份',
  totalProfit: '万元，最多4位小数；亏损填负数',
  employeesEnd: '人，整数（期末数）',
  employeesAvg: '人，整数（报告期平均数）',
  energyKgce: '吨标准煤，最多3位小数',
  electricityKwh: '万千瓦时，最多4位小数',
  cloudAdopted: '是 或 否（期末状态）',
  cncRate: '0-100 的数字，如 62.5 表示 62.5%（期末状态）；请勿把单元格设为百分比格式',
};

function noteFor(col: Column): string {
  const note = NOTES[col.key];
  if (note) return note;
  const unit = FIGURE_COLUMNS.find((f) => f.key === col.key)!.unit;
  return unit === 'yuan' ? '万元，最多4位小数，不能为负' : `${ENTRY_UNITS[unit].label}，最多${ENTRY_UNITS[unit].scale}位小数，不能为负`;
}

/** The import template: the header row (text-formatted code and period columns) and a sheet 说明. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  // Text format keeps Excel from turning 2024-06 into a date and a code into a number.
  for (const key of ['uscc', 'period'] as const) ws.getColumn(COLUMNS.findIndex((c) => c.key === key) + 1).numFmt = '@';
  ws.getRow(1).font = { bold: true };
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', width: 24 },
    { header: '必填', width: 6 },
    { header: '说明', width: 96 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS) help.addRow([c.header, c.required ? '是' : '', noteFor(c)]);
  help.addRow([]);
  for (const line of [
    '口径：各指标均为自1月起至报告期末的累计数（1-N月累计）；当月数由相邻两期相减得出。从业人员为期末数或平均数，是否上云、装备数控化率为期末状态。',
    '每行一家企业一个报告期，至少填写一项指标；空单元格表示未报。导入的一行代替该企业该报告期已计入的全部数据（原数据保留为历史版本），与已计入数据完全相同的行不作改动。',
    '整个文件先全部校验：任何一行有错，全部不导入，并逐行列出错误所在的行、列、内容和原因。同一文件重复导入不会产生变化。',
    '与上一期相比异常的数据（累计数下降、当月数大起大落、税金高于收入等）会列出提示，确认后才导入。',
  ]) {
    help.addRow(['', '', line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GROUP_HEADERS: Record<GroupBy, string> = { base: '范围', park: '园区', zone: '功能区', industryChain: '产业(3+3)', scale: '规模', enterprise: '企业' };

function groupName(groupBy: GroupBy, row: SummaryRow): string {
  if (groupBy === 'base') return '全部';
  if (groupBy === 'industryChain') return CHAIN_LABELS[row.key as IndustryChain] ?? row.key;
  if (groupBy === 'scale') return SCALE_LABELS[row.key as Scale] ?? row.key;
  return row.name;
}

interface ExportColumn {
  header: string;
  width: number;
  numFmt?: string;
  cell: (r: SummaryRow) => string | number | null;
}

/** The summary columns: each summed figure in the clerk's unit and its 同比, the share of 上云, the mean CNC rate. */
function exportColumns(groupBy: GroupBy): ExportColumn[] {
  const cols: ExportColumn[] = [{ header: '填报企业数(家)', width: 14, numFmt: '#,##0', cell: (r) => r.reporters }];
  for (const f of FIGURE_COLUMNS) {
    const value = (r: SummaryRow) => r.values[f.key] ?? null;
    if (f.unit === 'flag') cols.push({ header: '上云企业占比', width: 14, numFmt: '0.0%', cell: value });
    else if (f.unit === 'percent') cols.push({ header: `${FIGURE_NAMES[f.key]}(平均,%)`, width: 20, numFmt: '0.0', cell: value });
    else {
      const { scale } = ENTRY_UNITS[f.unit];
      const display = (r: SummaryRow) => (value(r) === null ? null : value(r)! / 10 ** scale);
      cols.push({ header: f.header, width: f.width, numFmt: scale === 0 ? '#,##0' : '#,##0.00', cell: display });
      cols.push({ header: `${FIGURE_NAMES[f.key]}同比`, width: 12, numFmt: '0.0%', cell: (r) => r.yoy[f.key] ?? null });
    }
  }
  return [{ header: GROUP_HEADERS[groupBy], width: 30, cell: (r) => neutralise(groupName(groupBy, r)) }, ...cols];
}

/**
 * Streams the summary table as xlsx: one row per group and a 合计 row, values in 万元 (etc.) as
 * numbers and 同比 as percent cells; names that would start a formula are neutralised. `notes`
 * (period, grouping, filters) go on a second sheet 说明.
 */
export function summaryWorkbook(summary: Summary, notes: string[]): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const cols = exportColumns(summary.groupBy);
  const fill = async () => {
    const ws = wb.addWorksheet(periodLabel(summary.period), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    ws.columns = cols.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of summary.rows) ws.addRow(cols.map((c) => c.cell(r))).commit();
    const total = ws.addRow(cols.map((c, i) => (i === 0 ? '合计' : c.cell(summary.total))));
    total.font = { bold: true };
    total.commit();
    ws.commit();
    const help = wb.addWorksheet('说明');
    help.columns = [{ header: '说明', width: 100 }];
    for (const line of notes) help.addRow([neutralise(line)]).commit();
    help.commit();
    await wb.commit();
  };
  fill().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

/** The 说明 of an export: what was summed, over which enterprises, when (shown in Asia/Shanghai). */
export function exportNotes(query: SummaryQuery, unitName: string | undefined, at: Date): string[] {
  const filters = [
    unitName ? `单位：${unitName}` : null,
    query.industryChain ? `产业：${CHAIN_LABELS[query.industryChain]}` : null,
    query.scale ? `规模：${SCALE_LABELS[query.scale]}（按报告期当时的规模）` : null,
    query.enterpriseIds ? `指定企业 ${query.enterpriseIds.length} 家` : null,
  ].filter((f) => f !== null);
  return [
    `报告期：${periodLabel(query.period)}累计；同比为与上年同期累计数相比`,
    `分组：${GROUP_HEADERS[query.groupBy]}；筛选：${filters.length > 0 ? filters.join('；') : '无'}`,
    '金额单位万元，综合能耗吨标准煤，用电量万千瓦时，污染物吨；上云企业占比为填报企业中已上云的比例，装备数控化率为填报企业的平均值',
    '只计入已审核的统计数据',
    `导出时间：${at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`,
  ];
}
