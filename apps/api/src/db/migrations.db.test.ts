import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { removeDatabase, resetDatabase, testConfig } from '../test/harness';
import { migrateDownOne, migrateToLatest, openDatabase } from './database';
import { migrationProvider } from './migrations';

async function tables(url: ReturnType<typeof testConfig>['database']): Promise<string[]> {
  const h = openDatabase(url);
  try {
    const q =
      url.dialect === 'postgres'
        ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`
        : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
    return (await q.execute(h.db)).rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_')).sort();
  } finally {
    await h.close();
  }
}

describe('migrations', () => {
  it('run up, down and up again on an empty database', async () => {
    const config = testConfig();
    await resetDatabase(config);
    await migrateToLatest(config.database);
    const up = await tables(config.database);
    expect(up).toEqual(expect.arrayContaining(['audit_log', 'enterprise', 'unit', 'user', 'session']));
    // Every migration's down, newest first, must leave nothing behind.
    const count = Object.keys(await migrationProvider.getMigrations()).length;
    for (let i = 0; i < count; i++) await migrateDownOne(config.database);
    expect(await tables(config.database)).toEqual([]);
    await migrateToLatest(config.database);
    expect(await tables(config.database)).toEqual(up);
    removeDatabase(config);
  });
});
