import { createInflateRaw } from 'node:zlib';
import { AppError } from './errors';
import { DEFAULT_ZIP_LIMITS, zipEntries, type ZipLimits, type ZipRejection } from './zip';

/** Why an upload is not a workbook that may be parsed. */
export type XlsxRejection = ZipRejection | 'notXlsx';

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

/**
 * Checks the structure, then inflates every entry with a ceiling at its declared size, so a bomb
 * that lies about its sizes is caught here, before any spreadsheet parser sees it. The inflated
 * bytes are counted, not kept: an honest 400 MB entry must not cost 400 MB here.
 * Returns the reason for rejection, or undefined when the file may be parsed.
 */
export async function inspectXlsx(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<XlsxRejection | undefined> {
  const entries = zipEntries(buf, limits);
  if (typeof entries === 'string') return entries;
  for (const e of entries) {
    if (e.method === 8 && (await inflatedSize(e.data, e.size)) !== e.size) return 'sizeMismatch';
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return 'notXlsx';
  return undefined;
}

const REJECTIONS: Record<XlsxRejection, string> = {
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
