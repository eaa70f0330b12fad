// The raw limit for reading an import file: exceljs's streaming WorkbookReader visiting every cell
// of the first sheet, with the options the product's reader uses, and nothing else. run.ts starts
// this as its own process so its time and peak RSS compare with `yuanqu import` like for like.
// Prints one JSON line: { rows, cells, garbled, ms }. `garbled` counts text cells holding U+FFFD:
// exceljs 4.4 decodes each inflated chunk on its own, so a multi-byte character cut by a chunk
// boundary becomes two replacement characters (exceljs issues #2063, #2084; fix PR #1665 unmerged).
import ExcelJS from 'exceljs';

const file = process.argv[2];
if (!file) throw new Error('usage: xlsx-read.ts FILE');

const started = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
let rows = 0;
let cells = 0;
let garbled = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    rows++;
    for (const v of row.values as ExcelJS.CellValue[]) {
      if (v === undefined || v === null) continue;
      cells++;
      if (typeof v === 'string' && v.includes('\uFFFD')) garbled++;
    }
  }
  break;
}
process.stdout.write(`${JSON.stringify({ rows, cells, garbled, ms: performance.now() - started })}\n`);
