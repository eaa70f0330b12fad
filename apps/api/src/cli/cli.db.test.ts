import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../db/database';
import { DEMO_ACCOUNTS } from '../demo/demo-data';
import { loadDemo } from '../demo/seed';
import { ManualClock } from '../lib/clock';
import { removeDatabase, resetDatabase, T0, testConfig } from '../test/harness';
import { runBackup, runRestore } from './backup';
import { runExport } from './export';
import { runImport } from './import';
import { runUser } from './user';

const config = testConfig();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuanqu-cli-'));

beforeAll(async () => {
  await resetDatabase(config);
  await migrateToLatest(config.database);
  const h = openDatabase(config.database);
  await loadDemo({ db: h.db, config, clock: new ManualClock(T0) });
  await h.close();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  removeDatabase(config);
});

async function count(table: 'enterprise' | 'user'): Promise<number> {
  const h = openDatabase(config.database);
  try {
    return Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } finally {
    await h.close();
  }
}

describe('yuanqu CLI', () => {
  it('creates an enterprise user bound by USCC, and refuses a weak password', async () => {
    const h = openDatabase(config.database);
    const { uscc } = await h.db.selectFrom('enterprise').select('uscc').where('name', 'like', '%新雪域%').executeTakeFirstOrThrow();
    await h.close();
    expect(await runUser(config, 'create', { username: 'xueyu2', password: 'Lengku#Wuliu2026', role: 'enterprise', enterprise: uscc })).toBe(0);
    expect(await runUser(config, 'create', { username: 'weak', password: 'password', role: 'staff' })).toBe(1);
    expect(await count('user')).toBe(DEMO_ACCOUNTS.length + 1);
  });

  it('exports every enterprise and re-imports the file without changing anything', async () => {
    const file = path.join(dir, 'export.xlsx');
    expect(await runExport(config, file)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]!.rowCount).toBe(32);
    const before = await count('enterprise');
    expect(await runImport(config, 'enterprises', file, false)).toBe(0);
    expect(await count('enterprise')).toBe(before);
  });

  it('imports figures only once their warnings are acknowledged', async () => {
    const h = openDatabase(config.database);
    const firm = await h.db.selectFrom('enterprise').select(['id', 'uscc']).where('name', 'like', '%新雪域%').executeTakeFirstOrThrow();
    const counted = async () =>
      (await h.db.selectFrom('statReport').select('mainRevenue').where('enterpriseId', '=', firm.id).where('period', '=', '2025-12').where('status', '=', 'approved').executeTakeFirstOrThrow()).mainRevenue;
    const before = await counted();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('统计数据');
    ws.addRow(['统一社会信用代码', '报告期', '主营业务收入(万元)']);
    ws.addRow([firm.uscc, '2025-12', '1.5']);
    const file = path.join(dir, 'figures.xlsx');
    await wb.xlsx.writeFile(file);
    try {
      expect(await runImport(config, 'figures', file, false)).toBe(1);
      expect(await counted()).toBe(before);
      expect(await runImport(config, 'figures', file, true)).toBe(0);
      expect(await counted()).toBe(15_000);
    } finally {
      await h.close();
    }
  });

  it('backs up online and restores what was lost after the backup', async () => {
    const file = path.join(dir, 'backup.bin');
    expect(await runBackup(config, file)).toBe(0);
    const h = openDatabase(config.database);
    await h.db.deleteFrom('session').execute();
    await h.db.deleteFrom('passwordHistory').where('userId', 'in', h.db.selectFrom('user').select('id').where('username', '=', 'xueyu2')).execute();
    await h.db.deleteFrom('user').where('username', '=', 'xueyu2').execute();
    await h.close();
    expect(await count('user')).toBe(DEMO_ACCOUNTS.length);
    expect(await runRestore(config, file)).toBe(0);
    expect(await count('user')).toBe(DEMO_ACCOUNTS.length + 1);
  });
});
