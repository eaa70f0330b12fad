import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A hand-written zip writer for hostile-upload tests: every header field is ours to set, so a test
 * can declare sizes that lie, set the encryption flag or use a path that climbs out of the archive.
 */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** The bytes as stored in the archive (already compressed for method 8). */
  payload: Buffer;
  crc: number;
  /** The uncompressed size written into the local and central headers. */
  size: number;
  flags?: number;
}

/** An honest deflated entry. */
export function deflated(name: string, content: string | Buffer): ZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, method: 8, payload: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * A deflate stream that inflates to `mib` MiB of spaces, built without ever holding them: one
 * sync-flushed MiB repeated (each copy is a self-contained run of blocks), then a final empty block.
 */
export function spaces(mib: number): { payload: Buffer; crc: number; size: number } {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(chunk, crc);
  const payload = Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
  return { payload, crc, size: mib * chunk.length };
}

/**
 * `noiseMiB` of random bytes (stored, incompressible) then `spaceMiB` of spaces: sizes honest and a
 * ratio under the guard's limit, yet far more to unpack than the upload weighs.
 */
export function noiseThenSpaces(noiseMiB: number, spaceMiB: number): { payload: Buffer; crc: number; size: number } {
  const noise = randomBytes(noiseMiB * 1024 * 1024);
  const tail = spaces(spaceMiB);
  const payload = Buffer.concat([deflateRawSync(noise, { level: 0, finishFlush: constants.Z_SYNC_FLUSH }), tail.payload]);
  const mib = Buffer.alloc(1024 * 1024, 0x20);
  let crc = crc32(noise);
  for (let i = 0; i < spaceMiB; i++) crc = crc32(mib, crc);
  return { payload, crc, size: noise.length + tail.size };
}

/** The parts every xlsx has besides its sheets; enough for the guard to call it a workbook. */
export function workbookParts(): ZipEntry[] {
  return [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflated(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

/** Writes local headers, data, central directory and end record, exactly as the entries say. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = (e.flags ?? 0) | 0x0800; // bit 11: the name is UTF-8
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.payload.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.payload.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.payload);
    centrals.push(central, name);
    offset += local.length + name.length + e.payload.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
