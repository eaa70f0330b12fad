import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { COLUMNS } from '../apps/api/src/modules/statistics/figure-excel';

/** The figure columns a clerk's monthly workbook carries (万元, 人, 吨标准煤, 万千瓦时), after 统一社会信用代码 and 报告期. */
const FILLED = ['主营业务收入(万元)', '营业收入(万元)', '工业总产值(万元)', '实缴税金(万元)', '利润总额(万元)', '从业人员期末人数(人)', '综合能耗(吨标准煤)', '用电量(万千瓦时)'] as const;

/**
 * A figures workbook of `usccs.length × 2` rows: every enterprise's 1-2月 and 1-3月 of `year`, the
 * second half as much again (so no plausibility warning stops it), written with exceljs's
 * streaming writer, inline strings, like the product's own files.
 */
export async function writeFiguresWorkbook(file: string, usccs: readonly string[], year: number): Promise<{ ms: number; bytes: number; rows: number }> {
  const missing = FILLED.filter((h) => !COLUMNS.some((c) => c.header === h));
  if (missing.length) throw new Error(`the figures template has no column ${missing.join(', ')}`);
  const started = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('统计数据');
  ws.addRow(['统一社会信用代码', '报告期', ...FILLED]).commit();
  let rows = 0;
  usccs.forEach((uscc, i) => {
    const revenue = 500 + (i % 997) * 3.25;
    for (const [month, factor] of [[2, 1], [3, 1.5]] as const) {
      const v = (x: number, places = 2) => Number((x * factor).toFixed(places));
      ws.addRow([uscc, `${year}-0${month}`, v(revenue), v(revenue * 1.04), v(revenue * 0.97), v(revenue * 0.03), v(revenue * 0.05), 20 + (i % 300), v(revenue * 0.012, 3), v(revenue * 0.04, 4)]).commit();
      rows++;
    }
  });
  ws.commit();
  await wb.commit();
  return { ms: performance.now() - started, bytes: fs.statSync(file).size, rows };
}
