import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { indicatorDisplay, indicatorUnitZh, toDisplayValue, type RunGroup, type RunResult } from '@yuanqu/contracts';
import { neutralise } from '../enterprise/enterprise-columns';
import type { StoredRun } from './evaluation-read.service';

type Cell = string | number | null;

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

/** One sheet of the published workbook: a title row, a row naming the scheme, the header row, then the rows. */
export interface SheetSpec {
  name: string;
  title: string;
  subtitle: string;
  columns: Column[];
  rows: Cell[][];
}

const MISSING_TEXT = { zero: '缺报（计0分）', groupAverage: '缺报（按组平均得分）', excluded: '缺报（不计入，折算权重）' } as const;
const round2 = (x: number) => Math.round(x * 100) / 100;
const text = (s: string) => neutralise(s);
const byRank = (a: RunResult, b: RunResult) => a.rank! - b.rank! || a.name.localeCompare(b.name, 'zh-CN');
const byTotal = (a: RunResult, b: RunResult) => b.total! - a.total! || a.name.localeCompare(b.name, 'zh-CN');

/** “2022年度 工业企业亩产效益综合评价结果”. */
export function workbookTitle(year: number): string {
  return `${year}年度 工业企业亩产效益综合评价结果`;
}

function schemeLine(run: StoredRun, what: string): string {
  const { name, version, reference } = run.scheme;
  return `评价方案：${name}（第 ${version} 版）${reference ? '；参考方案，待按本地细则校准' : ''}；${what}`;
}

const who: Column[] = [
  { header: '序号', width: 6 },
  { header: '企业名称', width: 32 },
  { header: '统一社会信用代码', width: 22 },
  { header: '所在园区', width: 22 },
  { header: '用地面积(亩)', width: 12, numFmt: '#,##0.00' },
];
const whoCells = (r: RunResult, n: number): Cell[] => [n, text(r.name), text(r.uscc), text(r.unitName), r.landMu === null ? null : round2(r.landMu)];

/**
 * A group's sheet in the order of rank: for each indicator its value in display units (万元/亩 …)
 * and its score, then 加减分, 总分, 排名, 等级; vetoed members last with 一票否决 as their rank.
 */
export function groupSheet(run: StoredRun, group: RunGroup): SheetSpec {
  const members = run.results.filter((r) => r.groupKey === group.key);
  const ordered = [...members.filter((r) => r.status === 'ranked').sort(byRank), ...members.filter((r) => r.status === 'vetoed').sort(byTotal)];
  const displays = group.indicators.map((i) => indicatorDisplay(i.formula));
  const columns: Column[] = [
    ...who,
    ...group.indicators.flatMap((i, k) => {
      const unit = indicatorUnitZh(displays[k]!);
      return [
        { header: unit ? `${i.name}(${unit})` : i.name, width: 16, numFmt: '#,##0.00' },
        { header: `${i.name}得分(满分${i.weight})`, width: 12, numFmt: '0.00' },
      ];
    }),
    { header: '加减分', width: 8, numFmt: '0.00' },
    { header: '总分', width: 9, numFmt: '0.00' },
    { header: '排名', width: 9 },
    { header: '等级', width: 6 },
  ];
  const rows = ordered.map((r, n): Cell[] => {
    const scores = group.indicators.flatMap((i, k) => {
      const found = r.indicators.find((x) => x.key === i.key);
      if (!found) return [null, null];
      const value = found.handling === 'scored' ? toDisplayValue(found.value, displays[k]!) : MISSING_TEXT[found.handling];
      return [value, round2(found.score)];
    });
    const vetoed = r.status === 'vetoed';
    return [...whoCells(r, n + 1), ...scores, round2(r.adjustment), round2(r.total!), vetoed ? '一票否决' : r.rank, r.class];
  });
  return { name: sheetName(group.name), title: workbookTitle(run.row.year), subtitle: schemeLine(run, `${group.name} ${ordered.length} 家`), columns, rows };
}

/** The T (暂不评价) enterprises, each with its reason and the reason's note (the industry code, the date set up). */
export function exemptSheet(run: StoredRun): SheetSpec {
  const rows = run.results.filter((r) => r.status === 'exempt').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const reason = (r: RunResult) => {
    const label = run.scheme.exemptReasons.find((x) => x.code === r.exemptReason)?.label ?? r.exemptReason ?? '';
    return text(r.exemptNote ? `${label}（${r.exemptNote}）` : label);
  };
  return {
    name: '暂不评价（T类）',
    title: workbookTitle(run.row.year),
    subtitle: schemeLine(run, `暂不评价（T类）${rows.length} 家，列出不排名`),
    columns: [...who, { header: '暂不评价原因', width: 48 }],
    rows: rows.map((r, n) => [...whoCells(r, n + 1), reason(r)]),
  };
}

/** The enterprises that fit no group (规下 below the land threshold, or without land): listed, not scored. */
export function outOfScopeSheet(run: StoredRun): SheetSpec {
  const rows = run.results.filter((r) => r.status === 'outOfScope').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const floor = run.scheme.groups.map((g) => g.membership).find((m) => m.kind === 'belowScale');
  const why = (r: RunResult) => {
    if (r.landMu === null) return '无用地记录，不属于任何评价组';
    return `不属于任何评价组${floor?.kind === 'belowScale' ? `（规下企业须用地满 ${floor.minLandMu} 亩）` : ''}`;
  };
  return {
    name: '未纳入评价',
    title: workbookTitle(run.row.year),
    subtitle: schemeLine(run, `未纳入评价 ${rows.length} 家`),
    columns: [...who, { header: '说明', width: 40 }],
    rows: rows.map((r, n) => [...whoCells(r, n + 1), why(r)]),
  };
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

/** Every sheet of a run's workbook: one per group of the scheme, then T, then 未纳入评价; sheet names made unique. */
export function runSheets(run: StoredRun): SheetSpec[] {
  const sheets = [...run.groups.map((g) => groupSheet(run, g)), exemptSheet(run), outOfScopeSheet(run)];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    let name = sheet.name;
    for (let k = 2; seen.has(name); k++) name = `${sheet.name.slice(0, 28)}_${k}`;
    seen.add(name);
    sheet.name = name;
  }
  return sheets;
}

/** Streams the workbook a committee publishes (see runSheets); the reply reads the returned stream. */
export function runWorkbook(run: StoredRun): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const write = async () => {
    for (const sheet of runSheets(run)) {
      const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
      ws.columns = sheet.columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
      const last = sheet.columns.length;
      const title = ws.addRow([text(sheet.title)]);
      title.font = { bold: true, size: 14 };
      title.alignment = { horizontal: 'center' };
      ws.mergeCells(1, 1, 1, last);
      title.commit();
      const scheme = ws.addRow([text(sheet.subtitle)]);
      ws.mergeCells(2, 1, 2, last);
      scheme.commit();
      const header = ws.addRow(sheet.columns.map((c) => c.header));
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: 'middle' };
      header.commit();
      for (const cells of sheet.rows) ws.addRow(cells).commit();
      ws.commit();
    }
    await wb.commit();
  };
  write().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
