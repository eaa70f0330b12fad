import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFirstSheet } from './xlsx-reader';

const text = (i: number) => `九江市浔阳区滨江东路${i}号·新材料有限公司「测试」${'城东工业基地'.repeat(i % 7)}`;

async function streamed(rows: (string | number | boolean | null)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const ws = wb.addWorksheet('企业');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function readAll(buf: Buffer) {
  const out = [];
  for await (const row of readFirstSheet(buf)) out.push(row);
  return out;
}

describe('readFirstSheet', () => {
  it('reads every multi-byte character intact across inflate chunk boundaries', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [text(i), i, `备注${i}`]);
    const read = await readAll(await streamed(rows));
    expect(read).toHaveLength(6000);
    expect(read.every((r, i) => r.cells[0] === text(i) && r.cells[1] === i && r.number === i + 1)).toBe(true);
    expect(read.some((r) => String(r.cells[0]).includes('\uFFFD'))).toBe(false);
  });

  it('resolves shared strings, booleans, gaps between cells, and the sheet the workbook lists first', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('企业');
    wb.addWorksheet('说明').addRow(['不应读到']);
    first.addRow(['统一社会信用代码', '企业名称']);
    const row = first.addRow(['九江鸿利达', null, true, 45.5]);
    row.getCell(6).value = '第六列';
    const read = await readAll(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.map((r) => r.number)).toEqual([1, 2]);
    expect(read[1]!.cells[0]).toBe('九江鸿利达');
    expect(read[1]!.cells[2]).toBe(true);
    expect(read[1]!.cells[3]).toBe(45.5);
    expect(read[1]!.cells[5]).toBe('第六列');
    expect(read[1]!.cells[1]).toBeUndefined();
  });
});
