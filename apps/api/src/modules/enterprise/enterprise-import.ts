import { enterpriseFieldsSchema, usccProblem, type EnterpriseFields, type ImportProblem } from '@yuanqu/contracts';
import { AppError } from '../../lib/errors';
import { eachImportRow, type SheetCell } from '../../lib/xlsx-reader';
import { isAssignableIndustry } from '../dictionary/industry';
import type { UnitRow } from '../unit/unit.repository';
import { CATEGORIES_BY_LABEL, CATEGORY_LABELS, CHAIN_LABELS, CHAINS_BY_LABEL, COLUMNS, SCALES_BY_LABEL, unneutralise, type Column } from './enterprise-columns';

export interface RawRow {
  row: number;
  cells: Map<Column['key'], string>;
}

const USCC_REASONS = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
  division: '统一社会信用代码第3-8位应为行政区划代码',
  orgCode: '统一社会信用代码中的组织机构代码校验码不正确',
  checkChar: '统一社会信用代码校验位不正确',
} as const;

/** Excel stores dates as serial days since 1899-12-30; clerks also type them as text. */
function cellText(v: SheetCell | undefined, kind: Column['kind']): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (kind === 'date' && v > 1000 && v < 80000) return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v.trim();
}

/** Streams the first sheet as raw rows keyed by column, checking headers and the row limit. */
export function eachRawRow(buf: Buffer, maxRows: number): AsyncGenerator<RawRow> {
  return eachImportRow<Column['key'], string>(buf, maxRows, headerMap, (row, columns) => {
    const cells = new Map<Column['key'], string>();
    for (const [i, col] of columns as [number, Column][]) {
      // An export writes '=… for a cell that would start a formula; read it back as the value it was.
      const text = unneutralise(cellText(row[i], col.kind));
      if (text !== '') cells.set(col.key, text);
    }
    return cells;
  });
}

/** Which column holds what, from the header row; a missing required column is a problem of row 1. */
function headerMap(cells: SheetCell[]): [number, Column][] {
  const m: [number, Column][] = [];
  cells.forEach((v, i) => {
    const text = cellText(v, 'text').replace(/\*$/, '');
    const col = COLUMNS.find((c) => c.header === text);
    if (col) m.push([i, col]);
  });
  const missing = COLUMNS.filter((c) => c.required && !m.some(([, col]) => col === c));
  if (m.length > 0 && missing.length > 0) {
    const problems: ImportProblem[] = missing.map((c) => ({ row: 1, column: c.header, value: '', reason: '缺少必填列' }));
    throw new AppError('IMPORT_INVALID', 'the file has problems; nothing was imported', { problems });
  }
  return m;
}

/** The row's fields as the API validates them (built once: zod compiles a schema on construction). */
const ROW_SCHEMA = enterpriseFieldsSchema.omit({ qualifications: true });

export type ValidRow = { row: number; fields: Omit<EnterpriseFields, 'qualifications'> };

/**
 * Checks rows one at a time as they are read, so a large file is never held in memory: a valid
 * row comes back as enterprise fields, a wrong one adds its problems by row, column, value and reason.
 */
export function rowChecker(placeable: ReadonlyMap<string, UnitRow>) {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const check = ({ row, cells }: RawRow): ValidRow | undefined => {
    const before = problems.length;
    const bad = (col: Column, reason: string) => problems.push({ row, column: col.header, value: cells.get(col.key) ?? '', reason });
    const out: Record<string, unknown> = {};
    for (const col of COLUMNS) {
      const text = cells.get(col.key);
      if (text === undefined) {
        if (col.required) bad(col, '必填项为空');
        else out[col.key] = col.kind === 'bool' ? false : null;
        continue;
      }
      const parsed = parseCell(col, text, placeable);
      if (parsed.ok) out[col.key] = parsed.value;
      else bad(col, parsed.reason);
    }
    const uscc = String(out.uscc ?? '').toUpperCase();
    if (out.uscc !== undefined) {
      const first = seen.get(uscc);
      if (first !== undefined) bad(COLUMNS[0], `与第 ${first} 行的统一社会信用代码重复`);
      else seen.set(uscc, row);
    }
    if (problems.length > before) return undefined;
    const checked = ROW_SCHEMA.safeParse(out);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const col = COLUMNS.find((c) => c.key === issue.path[0]) ?? COLUMNS[0];
        bad(col, issue.code === 'too_big' ? '内容过长' : issue.message === 'phone' ? '电话号码格式不正确' : '格式不正确');
      }
      return undefined;
    }
    return { row, fields: checked.data };
  };
  return { check, problems };
}

/** Checks a list of raw rows (see rowChecker). */
export function validateRows(rows: RawRow[], placeable: ReadonlyMap<string, UnitRow>): { valid: ValidRow[]; problems: ImportProblem[] } {
  const checker = rowChecker(placeable);
  const valid = rows.map(checker.check).filter((v): v is ValidRow => v !== undefined);
  return { valid, problems: checker.problems };
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseCell(col: Column, text: string, placeable: ReadonlyMap<string, UnitRow>): Parsed {
  const enumOf = <K>(m: Map<string, K>, labels: Record<string, string>): Parsed => {
    const v = m.get(text);
    return v === undefined ? { ok: false, reason: `应为：${Object.values(labels).join('、')}` } : { ok: true, value: v };
  };
  switch (col.kind) {
    case 'unit': {
      const unit = placeable.get(text);
      return unit ? { ok: true, value: unit.id } : { ok: false, reason: '不是您管理范围内的园区或功能区名称' };
    }
    case 'chain':
      return enumOf(CHAINS_BY_LABEL, CHAIN_LABELS);
    case 'category':
      return enumOf(CATEGORIES_BY_LABEL, CATEGORY_LABELS);
    case 'scale':
      return enumOf(SCALES_BY_LABEL, { above: '规上', below: '规下' });
    case 'bool':
      return text === '是' ? { ok: true, value: true } : text === '否' ? { ok: true, value: false } : { ok: false, reason: '应为“是”或“否”' };
    case 'date': {
      const iso = text.replace(/[./年月]/g, '-').replace(/日$/, '');
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
      const value = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
      const d = new Date(`${value}T00:00:00Z`);
      return m && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) ? { ok: true, value } : { ok: false, reason: '日期格式应为 2025-03-05' };
    }
    case 'percent': {
      // Plain decimals only: Number() would also take '' (a lone '%'), '0x32' and '1e2'.
      const digits = text.replace(/\s*%$/, '');
      const n = /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : NaN;
      return n >= 0 && n <= 100 ? { ok: true, value: n } : { ok: false, reason: '应为 0-100 之间的数字' };
    }
    default:
      if (col.key === 'uscc') {
        const problem = usccProblem(text);
        return problem ? { ok: false, reason: USCC_REASONS[problem] } : { ok: true, value: text.toUpperCase() };
      }
      if (col.key === 'industryCode' && !isAssignableIndustry(text)) return { ok: false, reason: '不是 GB/T 4754-2017 的行业代码' };
      return { ok: true, value: text };
  }
}
