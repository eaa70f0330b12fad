import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * The central-directory reader shared by the uploads that are zips (xlsx workbooks, zipped
 * Shapefiles): it looks at the structure and declared sizes only, inflating nothing itself.
 */

/** Limits on what an uploaded zip may unpack to. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Uncompressed/compressed ratio allowed for entries above 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 500, maxTotalBytes: 400 * 1024 * 1024, maxRatio: 200 };

export type ZipRejection = 'notZip' | 'zip64' | 'tooManyEntries' | 'encrypted' | 'badPath' | 'badMethod' | 'tooLarge' | 'ratio' | 'sizeMismatch';

/** One stored file of a zip: where its (compressed) bytes are and what it declares. */
export interface ZipEntry {
  name: string;
  method: number;
  size: number;
  data: Buffer;
}

/** Reads the central directory, rejecting structures no honest upload has. Nothing is inflated here. */
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
 * The entry's content, inflated at once but never past its declared size, or undefined when it
 * inflates to more or less than it declares, or is corrupt: for small files read whole (a
 * Shapefile's parts), where a bomb that lies about its size must not cost more than the lie.
 */
export function inflateEntry(entry: ZipEntry): Buffer | undefined {
  if (entry.method === 0) return entry.data;
  try {
    const out = inflateRawSync(entry.data, { maxOutputLength: Math.max(entry.size, 1) });
    return out.length === entry.size ? out : undefined;
  } catch {
    return undefined;
  }
}
