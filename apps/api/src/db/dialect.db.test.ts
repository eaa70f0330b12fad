import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withMigratedDatabase } from '../test/harness';
import { inJsonList, insertRows, selectArrays } from './dialect';

describe('insertRows', () => {
  it('writes 20,000 rows asked for in one statement, split under the parameter limit (80,000 values: over SQLite’s 32,766 and PostgreSQL’s 65,535)', async () => {
    await withMigratedDatabase(async (db) => {
      const rows = Array.from({ length: 20_000 }, (_, i) => ({ key: `bench.${i}`, value: String(i), version: 1, updatedAt: '2026-03-02T01:00:00Z' }));
      await insertRows(db, 'setting', rows, 20_000);
      const stored = await db.selectFrom('setting').select(['key', 'value']).where('key', 'like', 'bench.%').execute();
      expect(stored).toHaveLength(20_000);
      expect(stored.find((s) => s.key === 'bench.19999')!.value).toBe('19999');
    });
  });
});

describe('selectArrays', () => {
  it('answers the values Kysely reads, in select order, and reads only committed rows (on SQLite it waits for an open transaction)', async () => {
    await withMigratedDatabase(async (db) => {
      await insertRows(db, 'setting', [{ key: 'a.1', value: '甲', version: 3, updatedAt: '2026-03-02T01:00:00Z' }]);
      const query = db.selectFrom('setting').select(['version', 'key', 'value']).where('key', 'like', 'a.%').orderBy('key');
      expect(await selectArrays(db, query.compile())).toEqual((await query.execute()).map((r) => [r.version, r.key, r.value]));
      const literals = sql<{ x: number; y: null; z: string }>`select cast(1.5 as double precision) as x, null as y, 'z' as z`;
      expect(await selectArrays(db, literals.compile(db))).toEqual([[1.5, null, 'z']]);
      expect((await literals.execute(db)).rows.map((r) => [r.x, r.y, r.z])).toEqual([[1.5, null, 'z']]);

      let inserted!: () => void;
      let finish!: () => void;
      const insertedP = new Promise<void>((r) => (inserted = r));
      const finishP = new Promise<void>((r) => (finish = r));
      const writer = db.transaction().execute(async (trx) => {
        await insertRows(trx, 'setting', [{ key: 'a.2', value: '乙', version: 1, updatedAt: '2026-03-02T01:00:00Z' }]);
        inserted();
        await finishP;
        throw new Error('rolled back');
    });
    await insertedP;
    const read = selectArrays(db, query.compile());
    finish();
    await expect(writer).rejects.toThrow('rolled back');
    expect(await read).toEqual([[3, 'a.1', '甲']]);
    });
  });
});

describe('inJsonList', () => {
  it('matches exactly the strings a JSON array names, whatever their number or characters', async () => {
    await withMigratedDatabase(async (db) => {
      const keys = ['k.1', 'k."2"', 'k.甲', 'k.\\4', 'k.5'];
      await insertRows(db, 'setting', keys.map((key) => ({ key, value: key, version: 1, updatedAt: '2026-03-02T01:00:00Z' })));
      const named = async (list: string[]) =>
        (await db.selectFrom('setting').select('key').where(inJsonList(db, 'setting.key', JSON.stringify(list))).execute()).map((r) => r.key).sort();
      expect(await named(['k."2"', 'k.甲', 'k.\\4', 'k.none'])).toEqual(['k."2"', 'k.\\4', 'k.甲'].sort());
      expect(await named([])).toEqual([]);
      expect(await named(keys)).toEqual([...keys].sort());
    });
  });
});
