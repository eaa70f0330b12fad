import { FIGURE_KEYS, nextPeriodInYear, previousPeriodInYear, usccProblem, type FigureImportWarning, type FigureValues, type FigureWarning, type ImportProblem } from '@yuanqu/contracts';
import { AppError } from '../../lib/errors';
import { eachImportRow, type SheetCell } from '../../lib/xlsx-reader';
import { checkFigures } from './checks';
import { cellText, COLUMNS, normalText, FIGURE_COLUMNS, FIGURE_NAMES, headerKey, parseFigureCell, parsePeriodCell, periodLabel, periodText, type Column, type ColumnKey } from './figure-excel';

export interface RawRow {
  row: number;
  cells: Map<ColumnKey, SheetCell>;
}

/** The whole file is refused: every problem, by row and column. */
export const importInvalid = (problems: ImportProblem[]) => new AppError('IMPORT_INVALID', `${problems.length} problems; nothing was imported`, { problems });

/**
 * Which column holds what, from the header row. A missing required column, a column twice, or a
 * figure whose unit is not the template's (主营业务收入(元) would store values 10,000 times too
 * small) are problems of row 1; other columns (序号, 备注…) are ignored.
 */
function headerMap(cells: SheetCell[]): [number, Column][] {
  const m: [number, Column][] = [];
  const problems: ImportProblem[] = [];
  cells.forEach((v, i) => {
    const text = cellText(v);
    const key = headerKey(text);
    const col = COLUMNS.find((c) => headerKey(c.header) === key);
    if (col && m.some(([, seen]) => seen === col)) problems.push({ row: 1, column: col.header, value: text, reason: '列重复' });
    else if (col) m.push([i, col]);
    else {
      const figure = FIGURE_COLUMNS.find((f) => key.startsWith(headerKey(FIGURE_NAMES[f.key])));
      if (figure) problems.push({ row: 1, column: text, value: text, reason: `单位与模板不符，表头应为 ${figure.header}` });
    }
  });
  if (m.length === 0) return m;
  for (const c of COLUMNS) if (c.required && !m.some(([, col]) => col === c)) problems.push({ row: 1, column: c.header, value: '', reason: '缺少必填列' });
  if (problems.length > 0) throw importInvalid(problems);
  return m;
}

/** Streams the first sheet as raw rows keyed by column, checking headers and the row limit. */
export function eachRawRow(buf: Buffer, maxRows: number): AsyncGenerator<RawRow> {
  return eachImportRow<ColumnKey, SheetCell>(buf, maxRows, headerMap, (row, columns) => {
    const cells = new Map<ColumnKey, SheetCell>();
    for (const [i, col] of columns) if (cellText(row[i]) !== '') cells.set(col.key, row[i]!);
    return cells;
  });
}

/** A row whose cells are each valid: the enterprise still has to be found. */
export interface FigureRow {
  row: number;
  uscc: string;
  period: string;
  /**
   * The figures the row reports; an empty cell (not reported) has no key. Readers take a missing
   * key as null: 100,000 rows keep 8 keys each instead of 21.
   */
  values: FigureValues;
  /** The enterprise the code names, once found ('' until then): set in place, not copied. */
  enterpriseId: string;
}

const column = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!;
const USCC = column('uscc');
const PERIOD = column('period');

/**
 * Checks rows one at a time as they are read. A valid row comes back as figures in stored units;
 * a wrong one adds its problems by row, column, value and reason. `refs` collects every
 * well-formed code, with its row, so that unknown enterprises are reported for bad rows too.
 */
export function rowChecker(latestPeriod: string) {
  const problems: ImportProblem[] = [];
  const refs: { row: number; uscc: string }[] = [];
  const seen = new Map<string, number>();
  // One string per period, not one per row: a file has a handful of periods and 100,000 rows.
  const periods = new Map<string, string>();
  const check = ({ row, cells }: RawRow): FigureRow | undefined => {
    const before = problems.length;
    const text = (col: Column) => (col === PERIOD ? periodText : cellText)(cells.get(col.key));
    const bad = (col: Column, reason: string) => problems.push({ row, column: col.header, value: text(col), reason });
    const uscc = normalText(cells.get('uscc')).toUpperCase();
    if (uscc === '') bad(USCC, '必填项为空');
    else if (usccProblem(uscc)) bad(USCC, '统一社会信用代码格式或校验位不正确');
    else refs.push({ row, uscc });
    let period: string | null = null;
    const periodCell = cells.get('period');
    if (periodCell === undefined) bad(PERIOD, '必填项为空');
    else {
      const parsed = parsePeriodCell(periodCell);
      if (!parsed.ok) bad(PERIOD, parsed.reason);
      else if (parsed.value > latestPeriod) bad(PERIOD, `报告期尚未结束（最近可导入的是 ${periodLabel(latestPeriod)}）`);
      else period = periods.get(parsed.value) ?? (periods.set(parsed.value, parsed.value), parsed.value);
    }
    const values: FigureValues = {};
    let reported = false;
    for (const col of FIGURE_COLUMNS) {
      const cell = cells.get(col.key);
      if (cell === undefined) continue;
      const parsed = parseFigureCell(col, cell);
      if (parsed.ok) values[col.key] = parsed.value;
      else bad(col, parsed.reason);
      reported = true;
    }
    if (!reported) bad(FIGURE_COLUMNS[0]!, '该行没有填写任何指标');
    if (period !== null && uscc !== '') {
      const key = `${uscc}|${period}`;
      const first = seen.get(key);
      if (first !== undefined) bad(PERIOD, `与第 ${first} 行的企业和报告期重复`);
      else seen.set(key, row);
    }
    if (problems.length > before || period === null) return undefined;
    return { row, uscc, period, values, enterpriseId: '' };
  };
  return { check, problems, refs };
}

/** An enterprise as the import needs it: may the viewer report for it, and is it in business. */
export interface EnterpriseRef {
  id: string;
  status: string;
  inScope: boolean;
}

/**
 * Finds each row's enterprise: a code that is not registered, or not in the viewer's scope (which
 * is the same to the clerk), and an archived enterprise, are problems of that row.
 */
export function resolveEnterprises(refs: { row: number; uscc: string }[], found: ReadonlyMap<string, EnterpriseRef>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const { row, uscc } of refs) {
    const e = found.get(uscc);
    if (!e || !e.inScope) problems.push({ row, column: USCC.header, value: uscc, reason: '企业库中没有该企业，或该企业不在您的管理范围内' });
    else if (e.status !== 'active') problems.push({ row, column: USCC.header, value: uscc, reason: '该企业已归档，不能导入统计数据' });
  }
  return problems;
}

/** Problems in the order the clerk reads the sheet: by row, then by column. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const at = (p: ImportProblem) => {
    const i = COLUMNS.findIndex((c) => c.header === p.column);
    return i < 0 ? COLUMNS.length : i;
  };
  return problems.sort((a, b) => a.row - b.row || at(a) - at(b));
}

export const reportKey = (enterpriseId: string, period: string) => `${enterpriseId}|${period}`;

/** The counted (approved) report an imported row would replace. */
export interface CountedReport {
  id: string;
  values: FigureValues;
}

export interface PlannedWrite {
  row: FigureRow;
  replaces: CountedReport | null;
  warnings: FigureWarning[];
}

/** Every period the plan needs counted figures for: the rows' own and the two before each (within the year). */
export function periodsToRead(rows: FigureRow[]): string[] {
  const out = new Set<string>();
  for (const { period } of rows) {
    const previous = previousPeriodInYear(period);
    const beforePrevious = previous ? previousPeriodInYear(previous) : null;
    for (const p of [period, previous, beforePrevious, nextPeriodInYear(period)]) if (p) out.add(p);
  }
  return [...out];
}

/** Shared by the rows without warnings (most of a file): 100,000 empty arrays are 3 MB. */
const NO_WARNINGS: FigureWarning[] = [];

const sameFigures = (a: FigureValues, b: FigureValues) => FIGURE_KEYS.every((k) => (a[k] ?? null) === (b[k] ?? null));

/**
 * What the import will do. A row equal to what counts now changes nothing; every other row
 * replaces (or first creates) the counted report and is checked like a report the committee
 * enters, against the months before as they will stand after the import: the file's own row for
 * that period when it carries one, otherwise what counts now.
 */
export function planImport(rows: FigureRow[], counted: ReadonlyMap<string, CountedReport>, jumpFactor: number) {
  const inFile = new Map(rows.map((r) => [reportKey(r.enterpriseId, r.period), r.values]));
  const valuesAt = (enterpriseId: string, period: string | null) => {
    if (period === null) return null;
    const key = reportKey(enterpriseId, period);
    return inFile.get(key) ?? counted.get(key)?.values ?? null;
  };
  const nextCounted = (enterpriseId: string, period: string | null) => {
    const key = period === null ? null : reportKey(enterpriseId, period);
    return key === null || inFile.has(key) ? null : (counted.get(key)?.values ?? null);
  };
  const writes: PlannedWrite[] = [];
  const warnings: FigureImportWarning[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const replaces = counted.get(reportKey(row.enterpriseId, row.period)) ?? null;
    if (replaces && sameFigures(replaces.values, row.values)) {
      unchanged++;
      continue;
    }
    const previous = previousPeriodInYear(row.period);
    const found = checkFigures({
      values: row.values,
      previous: valuesAt(row.enterpriseId, previous),
      beforePrevious: valuesAt(row.enterpriseId, previous ? previousPeriodInYear(previous) : null),
      // A next month in the file is checked against this row by its own check; otherwise what counts.
      next: nextCounted(row.enterpriseId, nextPeriodInYear(row.period)),
      previousIsTwoMonths: previous?.endsWith('-02') ?? false,
      jumpFactor,
    });
    writes.push({ row, replaces, warnings: found.length > 0 ? found : NO_WARNINGS });
    for (const warning of found) warnings.push({ row: row.row, uscc: row.uscc, period: row.period, warning });
  }
  return { writes, unchanged, warnings };
}
