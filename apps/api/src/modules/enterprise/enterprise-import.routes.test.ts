import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc } from '@yuanqu/contracts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';
import { deflated, noiseThenSpaces, spaces, workbookParts, zip, type ZipEntry } from '../../test/zip';
import { COLUMNS, type Column } from './enterprise-columns';

const IMPORT = '/api/v1/enterprises/import';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let stats: Agent;
beforeAll(async () => {
  t = await startTestApp();
  stats = await t.login('stats');
});
afterAll(() => t.close());

type Cells = Partial<Record<Column['key'], string | number>>;

/** A workbook as a clerk fills the template: the header row, then one row per enterprise. */
async function workbook(rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A complete, valid new enterprise; `body` is the 8-character organization code body. */
function enterpriseRow(body: string, over: Cells = {}): Cells {
  return {
    uscc: completeUscc(`91360403${body}`),
    name: `九江${body}新材料有限公司`,
    legalRepresentative: '王强',
    address: `江西省九江市浔阳区滨江东路${body.slice(-3)}号`,
    unitId: '高端制造功能区',
    industryChain: '新材料',
    industryCode: '3985',
    category: '工业企业',
    scale: '规下',
    establishedOn: '2024-05-06',
    twoHigh: '否',
    cncRate: 40,
    contactPhone: '0792-8000123',
    ...over,
  };
}

async function sheetRows(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** What an import may touch; a rejected import must leave all of it as it was. */
async function footprint() {
  const db = t.database.db;
  const count = async (table: 'enterprise' | 'importBatch' | 'auditLog') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const versions = await db.selectFrom('enterprise').select(['uscc', 'version', 'updatedAt']).orderBy('uscc').execute();
  return { enterprises: await count('enterprise'), batches: await count('importBatch'), audit: await count('auditLog'), versions };
}

async function idOf(uscc: string): Promise<string> {
  return (await t.database.db.selectFrom('enterprise').select('id').where('uscc', '=', uscc).executeTakeFirstOrThrow()).id;
}

describe('GET /enterprises/import-template', () => {
  it('is an xlsx whose first row is the import columns', async () => {
    const res = await stats.get('/api/v1/enterprises/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('企业导入模板.xlsx'));
    const ws = await sheetRows(res.rawPayload);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(1);
  });
});

describe('POST /enterprises/import', () => {
  const rows = ['MA4T0001', 'MA4T0002', 'MA4T0003', 'MA4T0004', 'MA4T0005', 'MA4T0006'].map((b) => enterpriseRow(b));
  const usccs = rows.map((r) => r.uscc as string);
  let good: Buffer;
  let firstImportId: string;

  it('refuses a file with bad rows, lists each by row, column and reason, and writes nothing', async () => {
    const uscc = usccs[1]!;
    const wrongCheck = uscc.slice(0, 17) + (uscc[17] === 'A' ? 'B' : 'A');
    const bad = await workbook([rows[0]!, { ...rows[1]!, uscc: wrongCheck }, rows[2]!, { ...rows[3]!, industryChain: '新能源' }, { ...rows[4]!, establishedOn: '2025-13-40' }, rows[5]!]);
    const before = await footprint();
    const res = await stats.upload(IMPORT, bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.problems).toEqual([
      { row: 3, column: '统一社会信用代码', value: wrongCheck, reason: '统一社会信用代码校验位不正确' },
      { row: 5, column: '产业(3+3)', value: '新能源', reason: '应为：新材料、装备制造、石油化工、数字经济、商贸物流、科技服务' },
      { row: 6, column: '成立日期', value: '2025-13-40', reason: '日期格式应为 2025-03-05' },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('writes nothing when the only bad rows come after batches that were already written', async () => {
    const body = (n: number) => `MB${String(n).padStart(6, '0')}`;
    const many = Array.from({ length: 2500 }, (_, i) => enterpriseRow(body(i)));
    many[2300] = { ...many[2300]!, scale: '中型' };
    const before = await footprint();
    const res = await stats.upload(IMPORT, await workbook(many));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([{ row: 2302, column: '规模', value: '中型', reason: '应为：规上、规下' }]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a rate over 100 and a unit that does not exist, in the same way', async () => {
    const before = await footprint();
    const res = await stats.upload(IMPORT, await workbook([{ ...rows[0]!, cncRate: 150 }, { ...rows[1]!, unitId: '5号园' }]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems.map((p: { row: number; column: string; reason: string }) => [p.row, p.column, p.reason])).toEqual([
      [2, '装备数控化率(%)', '应为 0-100 之间的数字'],
      [3, '所属园区/功能区', '不是您管理范围内的园区或功能区名称'],
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('imports the corrected file: six created, listed, each with its history', async () => {
    good = await workbook(rows);
    const before = await footprint();
    const res = await stats.upload(IMPORT, good);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ duplicate: false, created: 6, updated: 0, unchanged: 0 });
    firstImportId = res.json().importId;
    expect((await footprint()).enterprises).toBe(before.enterprises + 6);

    const list = await stats.get('/api/v1/enterprises?pageSize=200');
    const listed = list.json().items.filter((e: { uscc: string }) => usccs.includes(e.uscc));
    expect(listed.map((e: { name: string }) => e.name).sort()).toEqual(rows.map((r) => r.name).sort());
    expect(listed[0]).toMatchObject({ industryChain: 'newMaterials', category: 'industrial', scale: 'below', cncRate: 40, twoHigh: false });
    expect((await stats.get(`/api/v1/enterprises/${listed[0].id}`)).json()).toMatchObject({ uscc: listed[0].uscc, version: 1 });
    for (const uscc of usccs) {
      const id = await idOf(uscc);
      const history = (await stats.get(`/api/v1/enterprises/${id}/history`)).json();
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ actor: 'stats', action: 'enterprise.create', changes: { uscc: { old: null, new: uscc } } });
      // The detail is written in the worker that reads the file: every value as stored, and the import it came with.
      const stored = (await stats.get(`/api/v1/enterprises/${id}`)).json();
      const changes = Object.entries(history[0].changes as Record<string, { old: unknown; new: unknown }>);
      expect(changes.map(([key]) => key)).toEqual(expect.arrayContaining(['name', 'unitId', 'industryChain', 'industryCode', 'category', 'scale', 'cncRate']));
      for (const [key, change] of changes) expect(change, key).toEqual({ old: null, new: stored[key] });
      const audit = await t.database.db.selectFrom('auditLog').select('detail').where('entityId', '=', id).executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toMatchObject({ importId: firstImportId });
    }
  });

  it('answers the same file again with the first import, changing nothing', async () => {
    const before = await footprint();
    const res = await stats.upload(IMPORT, good);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ importId: firstImportId, duplicate: true, created: 0, updated: 0, unchanged: 6 });
    expect(await footprint()).toEqual(before);
  });

  it('updates only the row that changed and records the old and new address', async () => {
    const moved = '江西省九江市浔阳区滨江东路999号（新址）';
    const id = await idOf(usccs[2]!);
    const oldAddress = rows[2]!.address;
    const res = await stats.upload(IMPORT, await workbook(rows.map((r, i) => (i === 2 ? { ...r, address: moved } : r))));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ duplicate: false, created: 0, updated: 1, unchanged: 5 });
    const e = (await stats.get(`/api/v1/enterprises/${id}`)).json();
    expect(e).toMatchObject({ address: moved, version: 2 });
    const history = (await stats.get(`/api/v1/enterprises/${id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['enterprise.update', 'enterprise.create']);
    expect(history[0].changes).toEqual({ address: { old: oldAddress, new: moved } });
    const others = await t.database.db.selectFrom('enterprise').select('version').where('uscc', 'in', usccs.filter((_, i) => i !== 2)).execute();
    expect(others.map((o) => o.version)).toEqual([1, 1, 1, 1, 1]);
  });

  it('holds an Idempotency-Key to its file', async () => {
    const key = 'import-2026-03-02-stats-1';
    const first = await workbook([enterpriseRow('MA4K0001')]);
    const ok = await stats.upload(IMPORT, first, 'a.xlsx', { 'idempotency-key': key });
    expect(ok.json()).toMatchObject({ duplicate: false, created: 1 });
    const again = await stats.upload(IMPORT, first, 'a.xlsx', { 'idempotency-key': key });
    expect(again.json()).toMatchObject({ importId: ok.json().importId, duplicate: true, created: 0 });

    const before = await footprint();
    const other = await stats.upload(IMPORT, await workbook([enterpriseRow('MA4K0002')]), 'b.xlsx', { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await footprint()).toEqual(before);
  });
});

describe('hostile uploads', () => {
  const SHEET = 'xl/worksheets/sheet1.xml';
  let bomb: ReturnType<typeof spaces>;
  beforeAll(() => {
    bomb = spaces(300);
  });

  /** Uploads, and insists the refusal was quick, cheap in memory and wrote nothing. */
  async function refused(file: Buffer, reason: string) {
    const before = await footprint();
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const res = await stats.upload(IMPORT, file);
    expect(performance.now() - started).toBeLessThan(2000);
    // Peak RSS after against RSS before: an upper bound on what the refusal cost this process,
    // including the reading worker thread's own heap (tsx loads in it here): far below the bomb.
    expect(process.resourceUsage().maxRSS * 1024 - rss).toBeLessThan(96 * 1024 * 1024);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_FILE_REJECTED', details: { reason } });
    expect(await footprint()).toEqual(before);
  }

  it('refuses a text file renamed .xlsx', async () => {
    await refused(Buffer.from('统一社会信用代码,企业名称\n91360403MA35R2K7XX,某公司\n'), 'notZip');
  });

  it('refuses a sheet that declares 1 KiB and inflates to 300 MiB', async () => {
    const lying: ZipEntry = { name: SHEET, method: 8, payload: bomb.payload, crc: bomb.crc, size: 1024 };
    await refused(zip([...workbookParts(), lying]), 'sizeMismatch');
  });

  it('refuses an honest 300 MiB sheet compressed a thousandfold', async () => {
    const honest: ZipEntry = { name: SHEET, method: 8, payload: bomb.payload, crc: bomb.crc, size: bomb.size };
    await refused(zip([...workbookParts(), honest]), 'ratio');
  });

  it('refuses a well-formed zip whose sheet is not XML, as a bad file rather than a server error', async () => {
    await refused(zip([...workbookParts(), deflated(SHEET, '\u0000\u0001<<<not xml>>>&&&')]), 'unreadable');
  });

  it('refuses a 2 MiB upload that honestly unpacks to 152 MiB of noise, without unpacking it into memory', async () => {
    const entry: ZipEntry = { name: SHEET, method: 8, ...noiseThenSpaces(2, 150) };
    await refused(zip([...workbookParts(), entry]), 'unreadable');
  });

  it('refuses an upload over 20 MiB with 413', async () => {
    const before = await footprint();
    const res = await stats.upload(IMPORT, Buffer.alloc(20 * 1024 * 1024 + 1, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await footprint()).toEqual(before);
  });
});

describe('who may import', () => {
  it.each(['hongli', 'leader', 'zhaoshang'])('%s gets 403 and nothing is written', async (username) => {
    const agent = await t.login(username);
    const before = await footprint();
    const res = await agent.upload(IMPORT, await workbook([enterpriseRow('MA4F0001')]));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await footprint()).toEqual(before);
  });
});

describe('GET /enterprises/export', () => {
  /** The export as rows of cells, keyed by header, without the header row. */
  async function exported(query = ''): Promise<Record<string, unknown>[]> {
    const res = await stats.get(`/api/v1/enterprises/export${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const ws = await sheetRows(res.rawPayload);
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const out: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    return out;
  }

  it('holds exactly the enterprises of the chosen industry chain', async () => {
    const expected = await t.database.db.selectFrom('enterprise').select('uscc').where('industryChain', '=', 'newMaterials').where('status', '=', 'active').execute();
    expect(expected.length).toBeGreaterThanOrEqual(9);
    const rows = await exported('?industryChain=newMaterials');
    expect(rows.map((r) => r['统一社会信用代码']).sort()).toEqual(expected.map((e) => e.uscc).sort());
    expect(new Set(rows.map((r) => r['产业(3+3)']))).toEqual(new Set(['新材料']));
  });

  it('writes text that Excel would run as a formula with a leading apostrophe', async () => {
    const unit = await t.database.db.selectFrom('unit').select('id').where('code', '=', 'XY-CD-P3-MFG').executeTakeFirstOrThrow();
    const uscc = completeUscc('91360403MA4X0001');
    const created = await stats.post('/api/v1/enterprises', {
      uscc,
      name: '@九江公式测试有限公司',
      legalRepresentative: '+张三',
      address: '-滨江东路1号',
      unitId: unit.id,
      industryChain: 'newMaterials',
      industryCode: '3985',
      category: 'industrial',
      scale: 'below',
      contactName: '=1+1',
      contactPhone: '+86 792 8216301',
      description: '=HYPERLINK("http://x","点击查看")',
    });
    expect(created.statusCode).toBe(201);
    const row = (await exported('?industryChain=newMaterials')).find((r) => r['统一社会信用代码'] === uscc)!;
    expect(row).toMatchObject({
      企业名称: "'@九江公式测试有限公司",
      法定代表人: "'+张三",
      注册地址: "'-滨江东路1号",
      联系人: "'=1+1",
      联系电话: "'+86 792 8216301",
      企业简介: `'=HYPERLINK("http://x","点击查看")`,
    });
    // Every cell of the sheet is a plain value: no formula objects anywhere.
    for (const r of await exported()) for (const v of Object.values(r)) expect(v === null || typeof v !== 'object').toBe(true);
  });

  it('re-imports as is: every row unchanged, nothing written but the import record', async () => {
    const total = (await stats.get('/api/v1/enterprises?pageSize=1')).json().total;
    const res = await stats.get('/api/v1/enterprises/export');
    const before = await footprint();
    const again = await stats.upload(IMPORT, res.rawPayload, '企业名录.xlsx');
    expect(again.json()).toMatchObject({ duplicate: false, created: 0, updated: 0, unchanged: total });
    expect(again.statusCode).toBe(200);
    const after = await footprint();
    expect(after.versions).toEqual(before.versions);
    expect(after.batches).toBe(before.batches + 1);
    const formula = (await stats.get(`/api/v1/enterprises/${await idOf(completeUscc('91360403MA4X0001'))}`)).json();
    expect(formula).toMatchObject({ name: '@九江公式测试有限公司', description: '=HYPERLINK("http://x","点击查看")', version: 1 });
  });
});
