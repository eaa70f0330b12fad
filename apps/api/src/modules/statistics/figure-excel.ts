import { FIGURES, type FigureKey, type FigureUnit } from '@yuanqu/contracts';
import type { SheetCell } from '../../lib/xlsx-reader';

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
