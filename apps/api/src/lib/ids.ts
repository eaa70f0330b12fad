import { randomBytes } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids instead of one per id.
const POOL = 4096;
let pool = randomBytes(POOL);
let offset = 0;

/** A UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index well on both databases. */
export function newId(now: number = Date.now()): string {
  if (offset + 16 > POOL) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  const b = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
