import { describe, expect, it } from 'vitest';
import { deflated, spaces, zip, type ZipEntry } from '../test/zip';
import { inflateEntry, zipEntries } from './zip';

/** The single entry of a zip written from `entry`, as the reader sees it. */
function readBack(entry: ZipEntry) {
  const entries = zipEntries(zip([entry]));
  if (typeof entries === 'string') throw new Error(entries);
  return entries[0]!;
}

describe('inflateEntry', () => {
  it('gives back what was deflated, and stored entries as they are', () => {
    expect(inflateEntry(readBack(deflated('a/地块.dbf', '地块编码')))?.toString()).toBe('地块编码');
    const stored: ZipEntry = { name: 'a.prj', method: 0, payload: Buffer.from('GEOGCS'), crc: 0, size: 6 };
    expect(inflateEntry(readBack(stored))?.toString()).toBe('GEOGCS');
  });

  it('stops at the declared size when the entry holds more, and refuses one that holds less', () => {
    const bomb = spaces(300);
    const started = performance.now();
    expect(inflateEntry(readBack({ name: 'a.dbf', method: 8, payload: bomb.payload, crc: bomb.crc, size: 1024 }))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    const honest = deflated('a.dbf', 'x'.repeat(100));
    expect(inflateEntry(readBack({ ...honest, size: 101 }))).toBeUndefined();
    expect(inflateEntry(readBack({ ...honest, size: 99 }))).toBeUndefined();
  });

  it('refuses corrupt deflate data', () => {
    expect(inflateEntry(readBack({ name: 'a.shp', method: 8, payload: Buffer.from([0xff, 0xff, 0xff, 0xff]), crc: 0, size: 10 }))).toBeUndefined();
  });
});
