import { describe, expect, it } from 'vitest';
import { withMigratedDatabase } from '../test/harness';
import { insertRows, isPostgres, writeIfFree } from './dialect';

const setting = (key: string, value: string) => ({ key, value, version: 1, updatedAt: '2026-03-02T01:00:00Z' });

describe('a long write transaction (a 100,000-row import) and everyone else', () => {
  it('lets reads outside it answer at once with what is committed; its own reads see its writes; the rest see them after commit', async () => {
    await withMigratedDatabase(async (db) => {
      await insertRows(db, 'setting', [setting('c.1', '已有')]);
      const keys = () => db.selectFrom('setting').select('key').where('key', 'like', 'c.%').orderBy('key').execute();
      let written!: () => void;
      let finish!: () => void;
      const writtenP = new Promise<void>((r) => (written = r));
      const finishP = new Promise<void>((r) => (finish = r));
      const order: string[] = [];
      const importing = db.transaction().execute(async (trx) => {
        await insertRows(trx, 'setting', [setting('c.2', '导入中')]);
        expect(await trx.selectFrom('setting').select('key').where('key', 'like', 'c.%').execute()).toHaveLength(2);
        written();
        await finishP;
        order.push('import committed');
      });
      await writtenP;
      expect(await keys()).toEqual([{ key: 'c.1' }]);
      // A write of its own takes its turn on SQLite (one writer); PostgreSQL writes other rows at once.
      const edit = db.updateTable('setting').set({ value: '改' }).where('key', '=', 'c.1').execute().then(() => order.push('edit saved'));
      await new Promise((r) => setTimeout(r, 50));
      finish();
      await Promise.all([importing, edit]);
      expect(order).toEqual(isPostgres(db) ? ['edit saved', 'import committed'] : ['import committed', 'edit saved']);
      expect(await keys()).toEqual([{ key: 'c.1' }, { key: 'c.2' }]);
    });
  });

  it('refuses a write outside a transaction as before, and a failed transaction leaves the writer free', async () => {
    await withMigratedDatabase(async (db) => {
      await insertRows(db, 'setting', [setting('d.1', '甲')]);
      await expect(insertRows(db, 'setting', [setting('d.1', '重复')])).rejects.toThrow();
      await expect(
        db.transaction().execute(async (trx) => {
          await insertRows(trx, 'setting', [setting('d.2', '乙')]);
          await insertRows(trx, 'setting', [setting('d.1', '重复')]);
        }),
      ).rejects.toThrow();
      await db.transaction().execute((trx) => insertRows(trx, 'setting', [setting('d.3', '丙')]));
      expect(await db.selectFrom('setting').select(['key', 'value']).where('key', 'like', 'd.%').orderBy('key').execute()).toEqual([
        { key: 'd.1', value: '甲' },
        { key: 'd.3', value: '丙' },
      ]);
    });
  });

  it('lets bookkeeping that must not wait (writeIfFree) pass on SQLite while the writer is taken, and run once it is free', async () => {
    await withMigratedDatabase(async (db) => {
      await insertRows(db, 'setting', [setting('e.1', '旧')]);
      const touch = (value: string) => writeIfFree(db, db.updateTable('setting').set({ value }).where('key', '=', 'e.1').compile());
      const value = async () => (await db.selectFrom('setting').select('value').where('key', '=', 'e.1').executeTakeFirstOrThrow()).value;
      await db.transaction().execute(async (trx) => {
        await insertRows(trx, 'setting', [setting('e.2', '导入中')]);
        // SQLite has one writer, held by this transaction; PostgreSQL writes another row at once.
        expect(await touch('导入时')).toBe(isPostgres(db));
      });
      expect(await value()).toBe(isPostgres(db) ? '导入时' : '旧');
      expect(await touch('导入后')).toBe(true);
      expect(await value()).toBe('导入后');
    });
  });
});
