import { describe, expect, it } from 'vitest';
import { removeDatabase, resetDatabase, testConfig } from '../test/harness';
import { compiledOnce, migrateToLatest, openDatabase, type Db } from './database';
import { insertRows } from './dialect';

describe('compiledOnce', () => {
  it('runs the text compiled on the first call with each call’s own values, and refuses a builder that binds anything else', async () => {
    const config = testConfig();
    await resetDatabase(config);
    await migrateToLatest(config.database);
    const h = openDatabase(config.database);
    try {
      const at = '2026-03-02T01:00:00Z';
      await insertRows(h.db, 'setting', [
        { key: 'a', value: '1', version: 1, updatedAt: at },
        { key: 'b', value: '2', version: 2, updatedAt: at },
      ]);
      const byKey = compiledOnce((db: Db, key: string) => db.selectFrom('setting').select(['key', 'value']).where('key', '=', key));
      expect(await byKey(h.db, 'a')).toEqual([{ key: 'a', value: '1' }]);
      expect(await byKey(h.db, 'b')).toEqual([{ key: 'b', value: '2' }]);
      expect(await byKey(h.db, 'none')).toEqual([]);

      const withConstant = compiledOnce((db: Db, key: string) => db.selectFrom('setting').select('key').where('key', '=', key).where('version', '=', 2));
      await expect(withConstant(h.db, 'b')).rejects.toThrow(/binds values other than its parameters/);
    } finally {
      await h.close();
      removeDatabase(config);
    }
  });
});
