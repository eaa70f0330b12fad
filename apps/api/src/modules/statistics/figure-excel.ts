import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { FIGURES, type FigureKey, type FigureUnit, type GroupBy, type IndustryChain, type Scale, type Summary, type SummaryQuery, type SummaryRow } from '@yuanqu/contracts';
import type { SheetCell } from '../../lib/xlsx-reader';
import { CHAIN_LABELS, neutralise, SCALE_LABELS } from '../enterprise/enterprise-columns';

// The spreadsheet speaks the clerk's language: 万元, 吨标准煤, 万千瓦时, 吨, 是/否, 2024年1-6月.

/** How a stored unit is entered: the unit the clerk writes, and how many of its decimals make one stored unit. */
export const ENTRY_UNITS: Record<FigureUnit, { label: string; scale: number }> = {
  yuan: { label: '万元', scale: 4 },
  person: { label: '人', scale: 0 },
  kgce: { label: '吨标准煤', scale: 3 },
  kwh: { label: '万千瓦时', scale: 4 },
  kg: { label: '吨', scale: 3 },
  flag: { label: '是/否', scale: 0 },
  percent: { label: '%', scale: 2 },
};

export const FIGURE_NAMES: Record<FigureKey, string> = {
  mainRevenue: '主营业务收入',
  operatingRevenue: '营业收入',
  grossOutput: '工业总产值',
  valueAdded: '工业增加值',
  totalProfit: '利润总额',
  taxPaid: '实缴税金',
  employeesEnd: '从业人员期末人数',
  employeesAvg: '从业人员平均人数',
  rdExpense: 'R&D经费支出',
  techInvestment: '技改投资',
  fixedInvestment: '固定资产投资',
  energyKgce: '综合能耗',
  electricityKwh: '用电量',
  codKg: 'COD',
  ammoniaKg: '氨氮',
  so2Kg: '二氧化硫',
  noxKg: '氮氧化物',
  cloudAdopted: '是否上云',
  cncRate: '装备数控化率',
};

export type ColumnKey = 'uscc' | 'name' | 'period' | FigureKey;
export interface Column {
  key: ColumnKey;
  header: string;
  required: boolean;
  width: number;
}

export const FIGURE_COLUMNS: readonly (Column & { key: FigureKey; unit: FigureUnit; signed: boolean })[] = FIGURES.map((f) => ({
  key: f.key,
  header: `${FIGURE_NAMES[f.key]}(${ENTRY_UNITS[f.unit].label})`,
  required: false,
  width: Math.max(12, FIGURE_NAMES[f.key].length * 2 + 8),
  unit: f.unit,
  signed: f.signed ?? false,
}));

/** The import columns in template order; 企业名称 only helps the clerk and is not read. */
export const COLUMNS: readonly Column[] = [
  { key: 'uscc', header: '统一社会信用代码', required: true, width: 22 },
  { key: 'name', header: '企业名称', required: false, width: 30 },
  { key: 'period', header: '报告期', required: true, width: 14 },
  ...FIGURE_COLUMNS,
];

/** A header as typed: full-width brackets and spaces are the same header to the clerk. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/\*$/, '').toUpperCase();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** A cell as the clerk sees it, for problem reports. */
export function cellText(v: SheetCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'number' ? String(v) : v.trim();
}

/** A cell as it is read: full-width digits, letters and brackets (typed with a Chinese IME) as ASCII. */
export function normalText(v: SheetCell | undefined): string {
  return cellText(v).normalize('NFKC');
}

/** `2024-06` → `2024年1-6月`. */
export function periodLabel(period: string): string {
  return `${period.slice(0, 4)}年1-${Number(period.slice(5, 7))}月`;
}

/** Excel stores dates as serial days since 1899-12-30. */
function dateOf(serial: number): Date | null {
  return serial > 1000 && serial < 80000 ? new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000) : null;
}

/** The 报告期 cell as the clerk sees it: a date cell as its date. */
export function periodText(v: SheetCell | undefined): string {
  const d = typeof v === 'number' ? dateOf(v) : null;
  return d ? d.toISOString().slice(0, 10) : cellText(v);
}

const CODE = /^(\d{4})[-/.](\d{1,2})$/;
const RANGE = /^(\d{4})(?:年|[-/.])(\d{1,2})[-~—–至到](\d{1,2})月(?:累计)?$/;
const MONTH = /^(\d{4})(?:年|[-/.])(\d{1,2})月份?$/;

function monthPeriod(year: number, month: number): Parsed<string> {
  if (year < 2000) return bad('年份不正确');
  if (month === 1) return bad(`1月不单独报送，1-2月合并为一期（填 ${year}-02 或 ${year}年1-2月）`);
  if (month < 2 || month > 12) return bad('月份应为 2-12');
  return ok(`${year}-${String(month).padStart(2, '0')}`);
}

/**
 * 报告期 as `YYYY-MM` (1-MM月累计): typed as 2024-06, 2024年1-6月 or 2024-1-6月, or a date cell (Excel
 * turns a typed 2024-06 into 2024-06-01). 2024年6月 alone is refused: it may mean the month itself.
 */
export function parsePeriodCell(v: SheetCell): Parsed<string> {
  if (typeof v === 'number') {
    const d = dateOf(v);
    return d ? monthPeriod(d.getUTCFullYear(), d.getUTCMonth() + 1) : bad('报告期格式应为 2024-06 或 2024年1-6月');
  }
  const text = normalText(v).replace(/\s+/g, '');
  const code = CODE.exec(text);
  if (code) return monthPeriod(Number(code[1]), Number(code[2]));
  const range = RANGE.exec(text);
  if (range) return Number(range[2]) === 1 ? monthPeriod(Number(range[1]), Number(range[3])) : bad('报告期应为从1月起的累计期，如 2024年1-6月');
  const month = MONTH.exec(text);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    if (m === 1) return monthPeriod(year, m);
    return bad(`请写明累计期：${year}年1-${m}月（或 ${year}-${String(m).padStart(2, '0')}）`);
  }
  return bad('报告期格式应为 2024-06 或 2024年1-6月');
}

/** A decimal as written: sign and digits on each side of the point, never a float. */
interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

const PLAIN = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

function decimalOfText(text: string): Decimal | null {
  const m = PLAIN.exec(text);
  return m ? { negative: m[1] === '-', whole: m[2]!.replaceAll(',', ''), fraction: m[3] ?? '' } : null;
}

/**
 * A number cell as the decimal the clerk sees: Excel holds and shows 15 significant digits, so a
 * file storing 123.45670000000001 (or a formula's 0.30000000000000004) is read as 123.4567 (0.3);
 * JavaScript then prints the shortest decimal that reads back as that double.
 */
function decimalOfNumber(n: number): Decimal | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Number(n.toPrecision(15))));
  if (!m) return null;
  let digits = m[2]! + (m[3] ?? '');
  let point = m[2]!.length + Number(m[4] ?? 0);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) digits = digits.padEnd(point, '0');
  return { negative: m[1] === '-', whole: digits.slice(0, point), fraction: digits.slice(point) };
}

/** The decimal × 10^scale as an exact integer; more decimals than `scale` is refused, not rounded. */
function scaled(d: Decimal, scale: number): number | 'decimals' | 'tooLarge' {
  const fraction = d.fraction.replace(/0+$/, '');
  if (fraction.length > scale) return 'decimals';
  const units = BigInt(d.whole + fraction.padEnd(scale, '0'));
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return 'tooLarge';
  return d.negative && units > 0n ? -Number(units) : Number(units);
}

const PRECISION: Record<FigureUnit, string> = {
  yuan: '最多 4 位小数（万元精确到元）',
  person: '应为整数',
  kgce: '最多 3 位小数（吨标准煤精确到千克标准煤）',
  kwh: '最多 4 位小数（万千瓦时精确到千瓦时）',
  kg: '最多 3 位小数（吨精确到千克）',
  flag: '应为“是”或“否”',
  percent: '最多 2 位小数',
};

/** A figure cell in its stored unit (元, 人, kgce, kWh, kg, 0/1, %); an empty cell never gets here. */
export function parseFigureCell(col: { unit: FigureUnit; signed: boolean }, v: SheetCell): Parsed<number> {
  const text = normalText(v);
  if (col.unit === 'flag') return text === '是' ? ok(1) : text === '否' ? ok(0) : bad(PRECISION.flag);
  const decimal = typeof v === 'number' ? decimalOfNumber(v) : decimalOfText(col.unit === 'percent' ? text.replace(/%$/, '') : text);
  if (!decimal) return bad(col.unit === 'percent' ? '应为 0-100 之间的数字' : `应为数字，单位：${ENTRY_UNITS[col.unit].label}`);
  if (decimal.negative && !col.signed && /[1-9]/.test(decimal.whole + decimal.fraction)) return bad('不能为负数');
  const { scale } = ENTRY_UNITS[col.unit];
  const n = scaled(decimal, scale);
  if (n === 'decimals') return bad(PRECISION[col.unit]);
  if (n === 'tooLarge') return bad('数值过大');
  if (col.unit !== 'percent') return ok(n);
  const percent = n / 10 ** scale;
  return percent <= 100 ? ok(percent) : bad('应为 0-100 之间的数字');
}

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
