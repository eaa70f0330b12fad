import { describe, expect, it } from 'vitest';
import { withMigratedDatabase } from '../test/harness';
import { compiledOnce, type Db } from './database';
import { insertRows } from './dialect';

describe('compiledOnce', () => {
  it('runs the text compiled on the first call with each call’s own values, and refuses a builder that binds anything else', async () => {
    await withMigratedDatabase(async (db) => {
      const at = '2026-03-02T01:00:00Z';
      await insertRows(db, 'setting', [
        { key: 'a', value: '1', version: 1, updatedAt: at },
        { key: 'b', value: '2', version: 2, updatedAt: at },
      ]);
      const byKey = compiledOnce((db: Db, key: string) => db.selectFrom('setting').select(['key', 'value']).where('key', '=', key));
      expect(await byKey(db, 'a')).toEqual([{ key: 'a', value: '1' }]);
      expect(await byKey(db, 'b')).toEqual([{ key: 'b', value: '2' }]);
      expect(await byKey(db, 'none')).toEqual([]);

      const withConstant = compiledOnce((db: Db, key: string) => db.selectFrom('setting').select('key').where('key', '=', key).where('version', '=', 2));
      await expect(withConstant(db, 'b')).rejects.toThrow(/binds values other than its parameters/);
    });
  });
});
