import { StringDecoder } from 'node:string_decoder';
import { entryStream, zipEntries, type ZipEntry } from './zip';
import { AppError } from './errors';
import { attribute, XmlScanner, type XmlHandler } from './xml-scanner';

/** A cell as stored: shared and inline strings as text, numbers as numbers, booleans as booleans. */
export type SheetCell = string | number | boolean | null;

export interface SheetRow {
  /** The row number Excel shows (1-based). */
  number: number;
  /** Cells by column, 0 = column A. */
  cells: SheetCell[];
}

export class XlsxFormatError extends Error {}

/**
 * Streams the rows of the first worksheet of an xlsx that `inspectXlsx` has passed. UTF-8 is
 * decoded across chunk boundaries (exceljs's streaming reader cuts characters at 64 KiB chunks
 * and stores U+FFFD in their place), styles are ignored: date columns are typed by the caller.
 */
export async function* readFirstSheet(buf: Buffer): AsyncGenerator<SheetRow> {
  const entries = zipEntries(buf);
  if (typeof entries === 'string') throw new XlsxFormatError(entries);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const sheetPath = await firstSheetPath(byName);
  const sheet = byName.get(sheetPath);
  if (!sheet) throw new XlsxFormatError(`missing ${sheetPath}`);
  const shared = byName.has('xl/sharedStrings.xml') ? await sharedStrings(byName.get('xl/sharedStrings.xml')!) : [];
  yield* sheetRows(sheet, shared);
}

/**
 * Feeds an entry's XML through the scanner chunk by chunk, decoding UTF-8 across chunk
 * boundaries; yields after each chunk. Malformed XML throws XmlFormatError.
 */
async function* parse(entry: ZipEntry, handler: XmlHandler): AsyncGenerator<void> {
  const scanner = new XmlScanner(handler);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of entryStream(entry) as AsyncIterable<Buffer>) {
    scanner.write(decoder.write(chunk));
    yield;
  }
  scanner.write(decoder.end());
  scanner.end();
}

async function collect(entry: ZipEntry, handler: Partial<XmlHandler>): Promise<void> {
  for await (const _ of parse(entry, { open: () => undefined, close: () => undefined, text: () => undefined, ...handler }));
}

async function firstSheetPath(byName: Map<string, ZipEntry>): Promise<string> {
  let rid: string | undefined;
  await collect(byName.get('xl/workbook.xml')!, {
    open: (name, tag) => {
      if (rid === undefined && name === 'sheet') rid = attribute(tag, 'r:id');
    },
  });
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (rid === undefined || !rels) return 'xl/worksheets/sheet1.xml';
  let target: string | undefined;
  await collect(rels, {
    open: (name, tag) => {
      if (name === 'Relationship' && attribute(tag, 'Id') === rid) target = attribute(tag, 'Target');
    },
  });
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

async function sharedStrings(entry: ZipEntry): Promise<string[]> {
  const out: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  await collect(entry, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(own(current));
    },
  });
  return out;
}

/** "AB12" → 27 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

async function* sheetRows(entry: ZipEntry, shared: string[]): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let nextRow = 1;
  let col = 0;
  let type = 'n';
  let text = '';
  let capture = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    open(name, tag) {
      if (name === 'c') {
        const ref = attribute(tag, 'r');
        col = ref ? columnIndex(ref) : col;
        type = attribute(tag, 't') ?? 'n';
        text = '';
      } else if (name === 'v' || (name === 't' && phonetic === 0)) capture = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 'row') {
        const r = Number(attribute(tag, 'r'));
        row = { number: Number.isInteger(r) && r > 0 ? r : nextRow, cells: [] };
        col = 0;
      }
    },
    text(s) {
      if (capture) text += s;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c' && row) {
        row.cells[col] = cellValue(type, text, shared);
        col++;
      } else if (name === 'rPh') phonetic--;
      else if (name === 'row' && row) {
        ready.push(row);
        nextRow = row.number + 1;
        row = null;
      }
    },
  };
  for await (const _ of parse(entry, handler)) yield* ready.splice(0);
  yield* ready.splice(0);
}

/**
 * A copy of the text that does not pin the parser's 64 KiB chunk: V8 keeps substrings as slices of
 * their parent string, so 100,000 short cells would otherwise hold every chunk of the sheet alive.
 */
function own(text: string): string {
  return (' ' + text).slice(1);
}

function cellValue(type: string, text: string, shared: string[]): SheetCell {
  switch (type) {
    case 's':
      return shared[Number(text)] ?? null;
    case 'inlineStr':
    case 'str':
    case 'e':
      return own(text);
    case 'b':
      return text === '1';
    default:
      return text === '' ? null : Number(text);
  }
}

/**
 * The data rows of an import file's first sheet: the header row picks the columns, each later row
 * comes back as its non-empty cells by column key, and blank rows are skipped. Too many rows,
 * broken XML or a sheet without a header refuse the whole file (400), in words a clerk understands.
 */
export async function* eachImportRow<K, V>(
  buf: Buffer,
  maxRows: number,
  mapHeader: (cells: SheetCell[]) => [number, { key: K }][],
  read: (cells: SheetCell[], columns: [number, { key: K }][]) => Map<K, V>,
): AsyncGenerator<{ row: number; cells: Map<K, V> }> {
  let columns: [number, { key: K }][] | null = null;
  let count = 0;
  try {
    for await (const row of readFirstSheet(buf)) {
      if (columns === null) {
        columns = mapHeader(row.cells);
        continue;
      }
      if (count >= maxRows) throw new AppError('IMPORT_FILE_REJECTED', `文件超过 ${maxRows} 行的上限`, { reason: 'tooManyRows' });
      const cells = read(row.cells, columns);
      if (cells.size > 0) {
        count++;
        yield { row: row.number, cells };
      }
    }
  } catch (err) {
    // A zip that passed the guard can still hold broken XML: that is a bad file (400), not a server fault.
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_FILE_REJECTED', '文件内容无法读取，请用 Excel 重新保存为 .xlsx 后再上传', { reason: 'unreadable' });
  }
  if (!columns || columns.length === 0) throw new AppError('IMPORT_FILE_REJECTED', '第一个工作表没有表头行', { reason: 'noHeader' });
}
