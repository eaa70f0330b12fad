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

  it('stores text exactly as given, whatever it holds (quotes, backslashes, braces, commas, the word NULL, JSON), and nulls as null', async () => {
    await withMigratedDatabase(async (db) => {
      const awkward = ['say "hi"', 'C:\\dir\\', '{a,b}', 'NULL', '', ' lead and trail ', '第一行\n第二行\t制表', '{"values":{"name":"甲\\"乙"}}', '\\"', ','];
      const rows = awkward.map((value, i) => ({ key: `odd.${i}`, value, version: i + 1, updatedAt: '2026-03-02T01:00:00Z' }));
      await insertRows(db, 'setting', rows, 3);
      const unit = { id: 'u1', parentId: null, kind: 'base', code: 'B', name: '基地', path: '/u1/', sortOrder: -3, createdAt: '2026-03-02T01:00:00Z' };
      await insertRows(db, 'unit', [unit]);
      const stored = await db.selectFrom('setting').select(['key', 'value', 'version']).where('key', 'like', 'odd.%').execute();
      expect(new Map(stored.map((s) => [s.key, [s.value, s.version]]))).toEqual(new Map(rows.map((r) => [r.key, [r.value, r.version]])));
      expect(await db.selectFrom('unit').selectAll().execute()).toEqual([unit]);
    });
  });

  it('refuses a row with a column the table does not have, writing nothing', async () => {
    await withMigratedDatabase(async (db) => {
      await expect(insertRows(db, 'setting', [{ key: 'x.1', value: 'v', version: 1, updatedAt: '2026-03-02T01:00:00Z', colour: 'red' }])).rejects.toThrow(/colour/);
      expect(await db.selectFrom('setting').select('key').where('key', '=', 'x.1').execute()).toEqual([]);
    });
  });
});

describe('selectArrays', () => {
  it('answers the values Kysely reads, in select order, and answers during another caller’s transaction without its uncommitted rows', async () => {
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
      expect(await selectArrays(db, query.compile())).toEqual([[3, 'a.1', '甲']]);
      finish();
      await expect(writer).rejects.toThrow('rolled back');
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
