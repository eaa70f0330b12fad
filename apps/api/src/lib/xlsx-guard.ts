import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from './errors';

/** Limits on what an uploaded workbook may unpack to (an xlsx is a zip). */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Uncompressed/compressed ratio allowed for entries above 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 500, maxTotalBytes: 400 * 1024 * 1024, maxRatio: 200 };

export type ZipRejection = 'notZip' | 'zip64' | 'tooManyEntries' | 'encrypted' | 'badPath' | 'badMethod' | 'tooLarge' | 'ratio' | 'sizeMismatch' | 'notXlsx';

/**
 * Inflates and counts, keeping no output: memory stays at one chunk however large the entry.
 * Returns the inflated size, or undefined when it passes the ceiling or the data is corrupt.
 */
async function inflatedSize(data: Buffer, ceiling: number): Promise<number | undefined> {
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let n = 0;
  try {
    inflate.end(data);
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > ceiling) return undefined;
    }
    return n;
  } catch {
    return undefined;
  } finally {
    inflate.destroy();
  }
}

/** One stored file of a zip: where its (compressed) bytes are and what it declares. */
export interface ZipEntry {
  name: string;
  method: number;
  size: number;
  data: Buffer;
}

/** Reads the central directory, rejecting structures no honest xlsx has. Nothing is inflated here. */
export function zipEntries(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] | ZipRejection {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return 'notZip';
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'notZip';
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return 'zip64';
  if (count > limits.maxEntries) return 'tooManyEntries';
  let p = cdOffset;
  let total = 0;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return 'notZip';
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + skip;
    if (flags & 1) return 'encrypted';
    if (name.startsWith('/') || name.includes('..') || name.includes('\\')) return 'badPath';
    if (method !== 0 && method !== 8) return 'badMethod';
    total += size;
    if (total > limits.maxTotalBytes) return 'tooLarge';
    if (size > 1024 * 1024 && size / Math.max(compressed, 1) > limits.maxRatio) return 'ratio';
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return 'notZip';
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (method === 0 && compressed !== size) return 'sizeMismatch';
    entries.push({ name, method, size, data: buf.subarray(dataStart, dataStart + compressed) });
  }
  return entries;
}

/** The entry's content as a stream of bytes. */
export function entryStream(entry: ZipEntry): Readable {
  if (entry.method === 0) return Readable.from([entry.data]);
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(entry.data);
  return inflate;
}

/**
 * Checks the structure, then inflates every entry with a ceiling at its declared size, so a bomb
 * that lies about its sizes is caught here, before any spreadsheet parser sees it. The inflated
 * bytes are counted, not kept: an honest 400 MB entry must not cost 400 MB here.
 * Returns the reason for rejection, or undefined when the file may be parsed.
 */
export async function inspectXlsx(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipRejection | undefined> {
  const entries = zipEntries(buf, limits);
  if (typeof entries === 'string') return entries;
  for (const e of entries) {
    if (e.method === 8 && (await inflatedSize(e.data, e.size)) !== e.size) return 'sizeMismatch';
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return 'notXlsx';
  return undefined;
}

const REJECTIONS: Record<ZipRejection, string> = {
  notZip: '不是有效的 Excel (.xlsx) 文件',
  zip64: '文件结构超出支持范围',
  tooManyEntries: '文件内部条目过多',
  encrypted: '文件已加密，请取消密码后再上传',
  badPath: '文件内部路径异常',
  badMethod: '文件使用了不支持的压缩方式',
  tooLarge: '文件解压后过大',
  ratio: '文件压缩比异常（疑似压缩炸弹）',
  sizeMismatch: '文件内部大小与声明不符（疑似压缩炸弹）',
  notXlsx: '不是有效的 Excel (.xlsx) 文件',
};

/** Refuses, with the reason in words a clerk understands, a file that must not be parsed. */
export async function assertSafeXlsx(buf: Buffer): Promise<void> {
  const rejection = await inspectXlsx(buf);
  if (rejection) throw new AppError('IMPORT_FILE_REJECTED', REJECTIONS[rejection], { reason: rejection });
}
