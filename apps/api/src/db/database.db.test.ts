import { describe, expect, it } from 'vitest';
import { withMigratedDatabase } from '../test/harness';
import { compiledByShape, compiledOnce, type Db } from './database';
import { insertRows } from './dialect';

const twoSettings = (db: Db) =>
  insertRows(db, 'setting', [
    { key: 'a', value: '1', version: 1, updatedAt: '2026-03-02T01:00:00Z' },
    { key: 'b', value: '2', version: 2, updatedAt: '2026-03-02T01:00:00Z' },
  ]);

describe('compiledOnce', () => {
  it('runs the text compiled on the first call with each call’s own values, and refuses a builder that binds anything else', async () => {
    await withMigratedDatabase(async (db) => {
      await twoSettings(db);
      const byKey = compiledOnce((db: Db, key: string) => db.selectFrom('setting').select(['key', 'value']).where('key', '=', key));
      expect(await byKey(db, 'a')).toEqual([{ key: 'a', value: '1' }]);
      expect(await byKey(db, 'b')).toEqual([{ key: 'b', value: '2' }]);
      expect(await byKey(db, 'none')).toEqual([]);

      const withConstant = compiledOnce((db: Db, key: string) => db.selectFrom('setting').select('key').where('key', '=', key).where('version', '=', 2));
      await expect(withConstant(db, 'b')).rejects.toThrow(/binds values other than its parameters/);
    });
  });
});

describe('compiledByShape', () => {
  it('keeps one text per shape, runs it with each call’s values, and refuses a builder that binds other values', async () => {
    await withMigratedDatabase(async (db) => {
      await twoSettings(db);
      const settings = compiledByShape<{ key: string }>();
      const byKey = (key: string, version?: number) => {
        const params = version === undefined ? [key] : [key, version];
        const shape = version === undefined ? 'key' : 'key version';
        return settings(db, shape, params, () => {
          const q = db.selectFrom('setting').select('key').where('key', '=', key);
          return version === undefined ? q : q.where('version', '=', version);
        });
      };
      const keys = async (key: string, version?: number) => (await db.executeQuery(byKey(key, version))).rows.map((r) => r.key);
      expect(await keys('a')).toEqual(['a']);
      expect(await keys('b')).toEqual(['b']);
      expect(await keys('b', 2)).toEqual(['b']);
      expect(await keys('b', 1)).toEqual([]);
      expect(() => settings(db, 'constant', ['a'], () => db.selectFrom('setting').select('key').where('key', '=', 'a').where('version', '=', 1))).toThrow(/binds values other than its parameters/);
    });
  });
});
