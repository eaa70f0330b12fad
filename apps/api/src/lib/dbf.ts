/** A dBASE value as the attribute table of a Shapefile holds it; dates as YYYY-MM-DD text. */
export type DbfValue = string | number | boolean | null;

export interface DbfField {
  name: string;
  /** C text, N and F numbers, D date, L logical; any other type is read as text. */
  type: string;
  length: number;
}

export interface DbfTable {
  fields: DbfField[];
  /** Every record in file order, deleted ones included, so that record n pairs with shape n. */
  records: { deleted: boolean; values: Record<string, DbfValue> }[];
}

/** The table is not a dBASE file, or is cut short. */
export class DbfFormatError extends Error {}

const CHINESE = new Set(['GBK', 'GB2312', 'CP936', '936', 'ANSI936', 'WINDOWS936', 'MS936', 'CHINESE']);

/**
 * The text encoding of the table: what its .cpg names, else UTF-8 when every name and value is
 * valid UTF-8, else GBK — Chinese Shapefiles from ArcGIS and the 国土 systems are mostly GBK
 * without a .cpg, and GBK text is almost never valid UTF-8 by accident.
 */
export function dbfEncoding(cpg: string | null, dbf: Buffer): string {
  const label = cpg?.trim().toUpperCase().replace(/[\s_-]/g, '') ?? '';
  if (label === 'UTF8' || label === '65001') return 'utf-8';
  if (CHINESE.has(label)) return 'gbk';
  if (label === 'GB18030' || label === '54936') return 'gb18030';
  for (const candidate of label ? [label, `windows-${label}`] : []) {
    try {
      return new TextDecoder(candidate).encoding;
    } catch {
      // Not a label TextDecoder knows; the content decides below.
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(textBytes(dbf));
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** The field names and the records: the parts of a table that are text (the header's sizes are not). */
function textBytes(dbf: Buffer): Buffer {
  if (dbf.length < 33) return Buffer.alloc(0);
  const headerLength = Math.min(dbf.readUInt16LE(8), dbf.length);
  const names: Buffer[] = [];
  for (let p = 32; p + 32 <= headerLength && dbf[p] !== 0x0d; p += 32) names.push(dbf.subarray(p, p + 11));
  return Buffer.concat([...names, dbf.subarray(headerLength)]);
}

const DIGITS_EXACT_IN_A_DOUBLE = 15;

function valueOf(type: string, text: string): DbfValue {
  if (type === 'N' || type === 'F') {
    if (text === '' || /^\*+$/.test(text)) return null;
    // A 19-digit parcel code stored as a number would lose its last digits as a double.
    if (text.replace(/^[+-]/, '').replace(/\..*$/, '').length > DIGITS_EXACT_IN_A_DOUBLE) return text;
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'D') {
    if (text === '' || /^0+$/.test(text)) return null;
    return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : text;
  }
  if (type === 'L') return /^[TtYy]$/.test(text) ? true : /^[FfNn]$/.test(text) ? false : null;
  return text === '' ? null : text;
}

/** Reads the field descriptors and every record, values trimmed and decoded with `encoding`. */
export function readDbf(buf: Buffer, encoding: string): DbfTable {
  if (buf.length < 33) throw new DbfFormatError('too short for a dBASE header');
  const count = buf.readUInt32LE(4);
  const headerLength = buf.readUInt16LE(8);
  const recordLength = buf.readUInt16LE(10);
  if (headerLength > buf.length) throw new DbfFormatError('header runs past the end');
  const decoder = new TextDecoder(encoding);
  const text = (bytes: Buffer) => decoder.decode(bytes).replace(/\0/g, '').trim();
  const fields: (DbfField & { offset: number })[] = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLength && buf[p] !== 0x0d; p += 32) {
    const nameBytes = buf.subarray(p, p + 11);
    const end = nameBytes.indexOf(0);
    const length = buf[p + 16]!;
    fields.push({ name: text(nameBytes.subarray(0, end < 0 ? 11 : end)), type: String.fromCharCode(buf[p + 11]!).toUpperCase(), length, offset });
    offset += length;
  }
  if (fields.length === 0) throw new DbfFormatError('no fields');
  if (offset > recordLength) throw new DbfFormatError('fields longer than the record');
  if (headerLength + count * recordLength > buf.length) throw new DbfFormatError('records cut short');
  const records: DbfTable['records'] = [];
  for (let i = 0; i < count; i++) {
    const start = headerLength + i * recordLength;
    const values: Record<string, DbfValue> = {};
    for (const f of fields) values[f.name] = valueOf(f.type, text(buf.subarray(start + f.offset, start + f.offset + f.length)));
    records.push({ deleted: buf[start] === 0x2a, values });
  }
  return { fields: fields.map(({ name, type, length }) => ({ name, type, length })), records };
}
