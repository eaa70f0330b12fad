import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { deflated, noiseThenSpaces, spaces, workbookParts, zip, type ZipEntry } from '../test/zip';
import { inspectXlsx } from './xlsx-guard';

const SHEET = 'xl/worksheets/sheet1.xml';
const sheetXml = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** Inspects and insists the answer came quickly: the guard must never be the slow part. */
async function inspectTimed(buf: Buffer) {
  const started = performance.now();
  const verdict = await inspectXlsx(buf);
  expect(performance.now() - started).toBeLessThan(2000);
  return verdict;
}

let real: Buffer;
let bomb: ReturnType<typeof spaces>;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('企业').addRows([
    ['统一社会信用代码', '企业名称'],
    ['91360403MA35R2K7XX', '九江浔芯电路科技有限公司'],
  ]);
  real = Buffer.from(await wb.xlsx.writeBuffer());
  bomb = spaces(300);
});

describe('inspectXlsx', () => {
  it('lets a real workbook written by exceljs through', async () => {
    expect(await inspectTimed(real)).toBeUndefined();
    // The same parts written by our own zip writer also pass, so the cases below differ only in what they break.
    expect(await inspectTimed(zip([...workbookParts(), deflated(SHEET, sheetXml)]))).toBeUndefined();
  });

  it('catches a sheet that declares 1 KiB but inflates to 300 MiB', async () => {
    const lying: ZipEntry = { name: SHEET, method: 8, payload: bomb.payload, crc: bomb.crc, size: 1024 };
    expect(await inspectTimed(zip([...workbookParts(), lying]))).toBe('sizeMismatch');
  });

  it('catches a sheet that lies only a little (declares 1 MiB, holds 300 MiB)', async () => {
    const lying: ZipEntry = { name: SHEET, method: 8, payload: bomb.payload, crc: bomb.crc, size: 1024 * 1024 };
    expect(await inspectTimed(zip([...workbookParts(), lying]))).toBe('sizeMismatch');
  });

  it('refuses an honest 300 MiB sheet compressed a thousandfold', async () => {
    const honest: ZipEntry = { name: SHEET, method: 8, payload: bomb.payload, crc: bomb.crc, size: bomb.size };
    expect(bomb.size / bomb.payload.length).toBeGreaterThan(200);
    expect(await inspectTimed(zip([...workbookParts(), honest]))).toBe('ratio');
  });

  it('counts an honest 150 MiB entry within the limits without holding it, to the byte', async () => {
    const big = noiseThenSpaces(2, 150);
    const entry: ZipEntry = { name: SHEET, method: 8, ...big };
    expect(big.size / big.payload.length).toBeLessThan(200);
    // Peak RSS after, against RSS before: an upper bound on what the inspection cost.
    const rss = process.memoryUsage().rss;
    expect(await inspectTimed(zip([...workbookParts(), entry]))).toBeUndefined();
    expect(process.resourceUsage().maxRSS * 1024 - rss).toBeLessThan(64 * 1024 * 1024);
    expect(await inspectTimed(zip([...workbookParts(), { ...entry, size: big.size + 1 }]))).toBe('sizeMismatch');
    expect(await inspectTimed(zip([...workbookParts(), { ...entry, size: big.size - 1 }]))).toBe('sizeMismatch');
  });

  it('refuses a stored entry whose sizes disagree', async () => {
    const stored: ZipEntry = { name: SHEET, method: 0, payload: Buffer.from(sheetXml), crc: 0, size: sheetXml.length + 10 };
    expect(await inspectTimed(zip([...workbookParts(), stored]))).toBe('sizeMismatch');
  });

  it('refuses an encrypted entry', async () => {
    const entry = { ...deflated(SHEET, sheetXml), flags: 1 };
    expect(await inspectTimed(zip([...workbookParts(), entry]))).toBe('encrypted');
  });

  it.each(['../../etc/cron.d/x', 'xl/../../evil.xml', '/etc/passwd', 'xl\\worksheets\\sheet1.xml'])('refuses the path %s', async (name) => {
    expect(await inspectTimed(zip([...workbookParts(), deflated(name, sheetXml)]))).toBe('badPath');
  });

  it('refuses a compression method other than stored or deflate', async () => {
    const entry = { ...deflated(SHEET, sheetXml), method: 12 };
    expect(await inspectTimed(zip([...workbookParts(), entry]))).toBe('badMethod');
  });

  it('refuses what is not a zip at all', async () => {
    expect(await inspectTimed(Buffer.from('统一社会信用代码,企业名称\n91360403MA35R2K7XX,九江浔芯电路科技有限公司\n'))).toBe('notZip');
    expect(await inspectTimed(Buffer.alloc(0))).toBe('notZip');
    // A zip's first local header with the end record cut off.
    expect(await inspectTimed(real.subarray(0, real.length - 22))).toBe('notZip');
  });

  it('refuses a zip that is not a workbook', async () => {
    const parts = workbookParts().filter((e) => e.name !== 'xl/workbook.xml');
    expect(await inspectTimed(zip([...parts, deflated(SHEET, sheetXml)]))).toBe('notXlsx');
    expect(await inspectTimed(zip([deflated('readme.txt', 'hello')]))).toBe('notXlsx');
  });

  it('refuses too many entries and too many bytes in total', async () => {
    const many = Array.from({ length: 501 }, (_, i) => deflated(`xl/media/image${i}.png`, 'x'));
    expect(await inspectTimed(zip([...workbookParts(), ...many]))).toBe('tooManyEntries');
    const huge: ZipEntry = { name: SHEET, method: 8, payload: bomb.payload, crc: bomb.crc, size: 401 * 1024 * 1024 };
    expect(await inspectTimed(zip([...workbookParts(), huge]))).toBe('tooLarge');
  });
});
