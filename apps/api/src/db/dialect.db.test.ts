import { describe, expect, it } from 'vitest';
import { removeDatabase, resetDatabase, testConfig } from '../test/harness';
import { migrateToLatest, openDatabase } from './database';
import { insertRows } from './dialect';

describe('insertRows', () => {
  it('writes 20,000 rows asked for in one statement, split under the parameter limit (80,000 values: over SQLite’s 32,766 and PostgreSQL’s 65,535)', async () => {
    const config = testConfig();
    await resetDatabase(config);
    await migrateToLatest(config.database);
    const h = openDatabase(config.database);
    try {
      const rows = Array.from({ length: 20_000 }, (_, i) => ({ key: `bench.${i}`, value: String(i), version: 1, updatedAt: '2026-03-02T01:00:00Z' }));
      await insertRows(h.db, 'setting', rows, 20_000);
      const stored = await h.db.selectFrom('setting').select(['key', 'value']).where('key', 'like', 'bench.%').execute();
      expect(stored).toHaveLength(20_000);
      expect(stored.find((s) => s.key === 'bench.19999')!.value).toBe('19999');
    } finally {
      await h.close();
      removeDatabase(config);
    }
  });
});
