import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cliContext } from '../cli/context';
import { runGenerate } from '../cli/generate';
import { ManualClock } from '../lib/clock';
import { createRun } from '../modules/evaluation/evaluation.service';
import { schemeForRun } from '../modules/evaluation/scheme.service';
import { removeDatabase, resetDatabase, T0, testConfig } from '../test/harness';
import { migrateDownOne, migrateToLatest, migrator, openDatabase } from './database';
import { createDialect } from './dialect';
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

  it('keep a run’s results when the result table is rebuilt without its enterprise check, and back', async () => {
    const config = testConfig();
    await resetDatabase(config);
    await migrateToLatest(config.database);
    await runGenerate(config, { parks: 1, enterprises: 60, years: 2, industrial: true, land: true }, new ManualClock(T0));
    const h = openDatabase(config.database);
    const rows = () => h.db.selectFrom('evaluationResult').select(['enterpriseId', 'status', 'total', 'class', 'inputs', 'result']).orderBy('enterpriseId').execute();
    try {
      await createRun({ db: h.db, config }, cliContext, 2025, await schemeForRun(h.db, undefined));
      const stored = await rows();
      expect(stored).toHaveLength(60);
      const raw = new Kysely<unknown>({ dialect: createDialect(config.database).dialect });
      const back = await migrator(raw).migrateTo('20261127T0300-evaluation-run-basis');
      await raw.destroy();
      expect(back.results?.map((r) => [r.migrationName, r.direction, r.status])).toContainEqual(['20261127T0310-evaluation-result-enterprise-unchecked', 'Down', 'Success']);
      expect(await rows()).toEqual(stored);
      await migrateToLatest(config.database);
      expect(await rows()).toEqual(stored);
    } finally {
      await h.close();
      removeDatabase(config);
    }
  });
});
