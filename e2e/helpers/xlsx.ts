import ExcelJS from 'exceljs';
import { completeUscc, USCC_CHARSET } from '../../packages/contracts/src/uscc';

/** The import template's columns, as a clerk sees them in the header row. */
export const IMPORT_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '法定代表人',
  '注册地址',
  '所属园区/功能区',
  '产业(3+3)',
  '国民经济行业代码',
  '企业类型',
  '规模',
  '规模认定日期',
  '成立日期',
  '两高项目',
  '长江岸线一公里内',
  '已上云',
  '装备数控化率(%)',
  '联系人',
  '联系电话',
  '企业简介',
] as const;

export type ImportHeader = (typeof IMPORT_HEADERS)[number];
export type SheetRow = Partial<Record<ImportHeader, string>>;

/** A few random characters USCCs allow, so each run's enterprises are new even on a reused server. */
export function runTag(length = 4): string {
  let tag = '';
  for (let i = 0; i < length; i++) tag += USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)];
  return tag;
}

/** A valid, fictitious USCC in 浔阳区 from an 8-character organization body. */
export function uscc(body8: string): string {
  return completeUscc(`91360403${body8}`);
}

/** Writes rows under the template's header row, as a clerk would fill the template. */
export async function writeImportFile(path: string, rows: SheetRow[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow([...IMPORT_HEADERS]);
  for (const row of rows) ws.addRow(IMPORT_HEADERS.map((h) => row[h] ?? null));
  await wb.xlsx.writeFile(path);
}

/** The first sheet of a workbook as rows of cell texts (row 1 is the header). */
export async function readFirstSheet(path: string): Promise<{ name: string; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${path} has no worksheet`);
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return { name: ws.name, rows };
}
