import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc, type FigureValues } from '@yuanqu/contracts';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';
import { COLUMNS, type ColumnKey } from './figure-excel';
import { valuesOf } from './report.repository';
import { rebuildRollup } from './rollup';

// The test clock stands at 2026-03-02: the latest period that has ended is 2026年1-2月.
const IMPORT = '/api/v1/statistics/import';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let stats: Agent;
type Firm = { id: string; uscc: string };
let hongli: Firm;
let jieni: Firm;
let vanyu: Firm;
let qixin: Firm;
let jiuxing: Firm;

async function firmOf(name: string): Promise<Firm> {
  const id = await enterpriseId(t, name);
  return t.database.db.selectFrom('enterprise').select(['id', 'uscc']).where('id', '=', id).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await startTestApp();
  stats = await t.login('stats');
  hongli = await firmOf('鸿利达');
  jieni = await firmOf('杰尼');
  vanyu = await firmOf('钒宇');
  qixin = await firmOf('齐鑫');
  jiuxing = await firmOf('九星运动');
});
afterAll(() => t.close());

type Cells = Partial<Record<ColumnKey, string | number | Date>>;

/** A workbook as a clerk fills the template: the header row, then one row per enterprise and period. */
async function workbook(rows: Cells[], headers: string[] = COLUMNS.map((c) => c.header)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计数据');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheets(payload: Buffer): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets;
}

/** What an import may touch; a refused import must leave all of it as it was. */
async function footprint() {
  const db = t.database.db;
  const count = async (table: 'importBatch' | 'auditLog') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const reports = await db.selectFrom('statReport').select(['id', 'status', 'version']).orderBy('id').execute();
  return { reports, batches: await count('importBatch'), audit: await count('auditLog') };
}

async function counted(enterprise: string, period: string) {
  return t.database.db.selectFrom('statReport').selectAll().where('enterpriseId', '=', enterprise).where('period', '=', period).where('status', '=', 'approved').executeTakeFirstOrThrow();
}
const revenue = async (enterprise: string, period: string) => valuesOf(await counted(enterprise, period)).mainRevenue!;
const wan = (yuan: number) => yuan / 10_000;

/** A multipart body with form fields and the file, in the order given. */
function multipart(parts: [string, string | Buffer][]): { body: Buffer; type: string } {
  const boundary = '----yuanqu-fields';
  const chunks = parts.flatMap(([name, value]) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${typeof value === 'string' ? '' : `; filename="f.xlsx"\r\nContent-Type: ${XLSX}`}\r\n\r\n`),
    typeof value === 'string' ? Buffer.from(value) : value,
    Buffer.from('\r\n'),
  ]);
  return { body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe('GET /statistics/import-template', () => {
  it('is an xlsx whose first sheet is the header row and whose 说明 explains the convention', async () => {
    const res = await stats.get('/api/v1/statistics/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('统计数据导入模板.xlsx'));
    const [data, help] = await sheets(res.rawPayload);
    expect((data!.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(data!.rowCount).toBe(1);
    expect(help!.name).toBe('说明');
    const text = help!.getSheetValues().flat().join('\n');
    expect(text).toContain('1-N月累计');
    expect(text).toContain('2024-06 表示 2024年1-6月累计');
  });
});

describe('POST /statistics/import', () => {
  it('refuses a file with bad rows, lists each by row, column, value and reason, and writes nothing', async () => {
    const unknown = completeUscc('91360403MA4T9999');
    const j = jieni.uscc;
    const archived = await stats.post(`/api/v1/enterprises/${jiuxing.id}/archive`, { version: 1 });
    expect(archived.statusCode).toBe(200);
    const file = await workbook([
      { uscc: hongli.uscc, name: '九江鸿利达新材料有限公司', period: '2025-12', mainRevenue: 100 },
      { uscc: unknown, period: '2025-12', mainRevenue: 1 },
      { uscc: jiuxing.uscc, period: '2025-12', mainRevenue: 1 },
      { uscc: hongli.uscc, period: '2024年6月', mainRevenue: 1 },
      { uscc: hongli.uscc, period: '2026-03', mainRevenue: 1 },
      { uscc: j, period: '2025-11', mainRevenue: '十万', taxPaid: -3, valueAdded: 1.23456 },
      { uscc: j, period: '2025-01', employeesEnd: 10.5 },
      { uscc: hongli.uscc, period: '2025年1-12月', mainRevenue: 100 },
      { uscc: j, name: '九江杰尼新材料有限公司', period: '2025-10' },
    ]);
    const before = await footprint();
    const res = await stats.upload(IMPORT, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.problems).toEqual([
      { row: 3, column: '统一社会信用代码', value: unknown, reason: '企业库中没有该企业，或该企业不在您的管理范围内' },
      { row: 4, column: '统一社会信用代码', value: jiuxing.uscc, reason: '该企业已归档，不能导入统计数据' },
      { row: 5, column: '报告期', value: '2024年6月', reason: '请写明累计期：2024年1-6月（或 2024-06）' },
      { row: 6, column: '报告期', value: '2026-03', reason: '报告期尚未结束（最近可导入的是 2026年1-2月）' },
      { row: 7, column: '主营业务收入(万元)', value: '十万', reason: '应为数字，单位：万元' },
      { row: 7, column: '工业增加值(万元)', value: '1.23456', reason: '最多 4 位小数（万元精确到元）' },
      { row: 7, column: '实缴税金(万元)', value: '-3', reason: '不能为负数' },
      { row: 8, column: '报告期', value: '2025-01', reason: '1月不单独报送，1-2月合并为一期（填 2025-02 或 2025年1-2月）' },
      { row: 8, column: '从业人员期末人数(人)', value: '10.5', reason: '应为整数' },
      { row: 9, column: '报告期', value: '2025年1-12月', reason: '与第 2 行的企业和报告期重复' },
      { row: 10, column: '主营业务收入(万元)', value: '', reason: '该行没有填写任何指标' },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a figure column in another unit than the template’s, as a problem of row 1', async () => {
    const headers = COLUMNS.map((c) => (c.key === 'mainRevenue' ? '主营业务收入（元）' : c.header));
    const res = await stats.upload(IMPORT, await workbook([{ uscc: hongli.uscc, period: '2025-12', mainRevenue: 1_000_000 }], headers));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([{ row: 1, column: '主营业务收入（元）', value: '主营业务收入（元）', reason: '单位与模板不符，表头应为 主营业务收入(万元)' }]);
  });

  describe('a correction with warnings', () => {
    let file: Buffer;
    let firstImportId: string;
    let h11: number;
    let j12: number;

    beforeAll(async () => {
      h11 = await revenue(hongli.id, '2025-11');
      j12 = await revenue(jieni.id, '2025-12');
      file = await workbook([
        { uscc: hongli.uscc, name: '九江鸿利达新材料有限公司', period: '2025年1-12月', mainRevenue: wan(h11 - 10_000) },
        // A date cell: what Excel makes of a typed 2025-12.
        { uscc: jieni.uscc, period: new Date(Date.UTC(2025, 11, 1)), mainRevenue: wan(j12) },
        { uscc: jieni.uscc, period: '2025-11', mainRevenue: wan(j12 + 10_000) },
      ]);
    });

    it('lists the warnings, judged against what counts or the file’s own month before, and writes nothing', async () => {
      const before = await footprint();
      const res = await stats.upload(IMPORT, file);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'WARNINGS_UNACKNOWLEDGED' });
      const decrease = { code: 'cumulativeDecrease', field: 'mainRevenue', referenceField: null, factor: null };
      expect(res.json().error.details.warnings).toEqual([
        { row: 2, uscc: hongli.uscc, period: '2025-12', warning: { ...decrease, value: h11 - 10_000, reference: h11 } },
        { row: 3, uscc: jieni.uscc, period: '2025-12', warning: { ...decrease, value: j12, reference: j12 + 10_000 } },
      ]);
      expect(await footprint()).toEqual(before);
    });

    it('imports once the warnings are acknowledged: the old reports superseded, the new ones counted', async () => {
      const before = await footprint();
      const oldReport = await counted(hongli.id, '2025-12');
      const res = await stats.upload(`${IMPORT}?acknowledgeWarnings=true`, file);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ duplicate: false, created: 0, updated: 3, unchanged: 0 });
      firstImportId = res.json().importId;
      const now = await counted(hongli.id, '2025-12');
      expect(now).toMatchObject({ source: 'import', importBatchId: firstImportId, reviewedBy: 'stats', warningsAcknowledged: 1, mainRevenue: h11 - 10_000, taxPaid: null });
      expect(JSON.parse(now.warnings)).toMatchObject([{ code: 'cumulativeDecrease' }]);
      const history = (await stats.get(`/api/v1/statistics/reports?status=all&period=2025-12&enterpriseId=${hongli.id}`)).json();
      expect(history.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual(
        expect.arrayContaining([
          [oldReport.id, 'superseded'],
          [now.id, 'approved'],
        ]),
      );
      expect(await revenue(jieni.id, '2025-11')).toBe(j12 + 10_000);
      const summary = (await stats.get(`/api/v1/statistics/summary?period=2025-12&enterpriseIds=${hongli.id}`)).json();
      expect(summary.total.values.mainRevenue).toBe(h11 - 10_000);
      const after = await footprint();
      expect(after.batches).toBe(before.batches + 1);
      // One audit event for the file; each report carries the import's id, the replaced ones stay as superseded.
      const audit = await t.database.db.selectFrom('auditLog').select(['action', 'entityId', 'detail']).orderBy('seq', 'desc').limit(after.audit - before.audit).execute();
      expect(audit.map((a) => [a.action, a.entityId])).toEqual([['statReport.import', firstImportId]]);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ created: 0, updated: 3, unchanged: 0, warnings: 2 });
      const written = await t.database.db.selectFrom('statReport').select('id').where('importBatchId', '=', firstImportId).execute();
      expect(written).toHaveLength(3);
    });

    it('answers the same file again with the first import, changing nothing', async () => {
      const before = await footprint();
      const res = await stats.upload(`${IMPORT}?acknowledgeWarnings=true`, file);
      expect(res.json()).toEqual({ importId: firstImportId, duplicate: true, created: 0, updated: 0, unchanged: 3 });
      expect(await footprint()).toEqual(before);
    });

    it('leaves rows equal to what counts alone and creates the period an enterprise had not reported', async () => {
      const before = await footprint();
      const res = await stats.upload(
        IMPORT,
        await workbook([
          { uscc: hongli.uscc, period: '2025-12', mainRevenue: wan(h11 - 10_000) },
          { uscc: hongli.uscc, period: '2026年1-2月', mainRevenue: 1500.1234, operatingRevenue: '1,600', employeesEnd: 120, cloudAdopted: '是', cncRate: '55.5%' },
        ]),
      );
      expect(res.json()).toMatchObject({ duplicate: false, created: 1, updated: 0, unchanged: 1 });
      const after = await footprint();
      expect(after.reports.length).toBe(before.reports.length + 1);
      expect(after.reports.filter((r) => before.reports.some((b) => b.id === r.id))).toEqual(before.reports);
      const created = await counted(hongli.id, '2026-02');
      expect(valuesOf(created)).toMatchObject({ mainRevenue: 15_001_234, operatingRevenue: 16_000_000, employeesEnd: 120, cloudAdopted: 1, cncRate: 55.5, taxPaid: null });
      expect(created.warningsAcknowledged).toBe(0);
    });
  });

  it('takes the confirmation as a form field too, sent after the file', async () => {
    const file = await workbook([{ uscc: jieni.uscc, period: '2026-02', mainRevenue: 100, taxPaid: 120 }]);
    const refused = await stats.upload(IMPORT, file);
    expect(refused.json().error.details.warnings).toMatchObject([{ row: 2, period: '2026-02', warning: { code: 'taxAboveRevenue', field: 'taxPaid', value: 1_200_000, reference: 1_000_000 } }]);
    const { body, type } = multipart([['file', file], ['acknowledgeWarnings', 'true']]);
    const res = await stats.request('POST', IMPORT, body, { 'content-type': type });
    expect(res.json()).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(valuesOf(await counted(jieni.id, '2026-02')) as FigureValues).toMatchObject({ mainRevenue: 1_000_000, taxPaid: 1_200_000 });
  });

  it('holds an Idempotency-Key to its file', async () => {
    const key = 'stat-import-2026-03-02-1';
    const first = await workbook([{ uscc: vanyu.uscc, period: '2026-02', mainRevenue: 300 }]);
    const ok = await stats.upload(IMPORT, first, 'a.xlsx', { 'idempotency-key': key });
    expect(ok.json()).toMatchObject({ duplicate: false, updated: 1 });
    const again = await stats.upload(IMPORT, first, 'a.xlsx', { 'idempotency-key': key });
    expect(again.json()).toMatchObject({ importId: ok.json().importId, duplicate: true });
    const before = await footprint();
    const other = await stats.upload(IMPORT, await workbook([{ uscc: vanyu.uscc, period: '2026-02', mainRevenue: 301 }]), 'b.xlsx', { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await footprint()).toEqual(before);
  });

  it('treats an enterprise outside a scoped clerk’s parks as unknown', async () => {
    const admin = await t.login('admin');
    const park3 = await t.database.db.selectFrom('unit').select('id').where('code', '=', 'XY-CD-P3').executeTakeFirstOrThrow();
    await admin.post('/api/v1/users', { username: 'park3stats', displayName: '3号园统计', password: 'Sanhao#Yuan2026', role: 'staff', departments: ['economy'], unitIds: [park3.id] });
    await (await t.login('park3stats', 'Sanhao#Yuan2026')).post('/api/v1/auth/password', { currentPassword: 'Sanhao#Yuan2026', newPassword: 'Sanhao#Yuan2027' });
    const scoped = await t.login('park3stats', 'Sanhao#Yuan2027');
    const before = await footprint();
    const res = await scoped.upload(IMPORT, await workbook([{ uscc: qixin.uscc, period: '2025-12', mainRevenue: 1 }]));
    expect(res.json().error.details.problems).toEqual([{ row: 2, column: '统一社会信用代码', value: qixin.uscc, reason: '企业库中没有该企业，或该企业不在您的管理范围内' }]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a text file renamed .xlsx before reading it', async () => {
    const res = await stats.upload(IMPORT, Buffer.from('统一社会信用代码,报告期\n91360403MA35R2K7XX,2025-12\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_FILE_REJECTED', details: { reason: 'notZip' } });
  });

  it('keeps the rollup in step with what counts after the imports above', async () => {
    const db = t.database.db;
    const rollup = () => db.selectFrom('statRollup').selectAll().where('reporters', '>', 0).orderBy('period').orderBy('unitId').orderBy('industryChain').orderBy('scale').execute();
    const kept = await rollup();
    await db.transaction().execute((trx) => rebuildRollup(trx));
    expect(kept).toEqual(await rollup());
  });

  it.each(['hongli', 'leader', 'zhaoshang'])('refuses %s with 403 and writes nothing', async (username) => {
    const agent = await t.login(username);
    const before = await footprint();
    const res = await agent.upload(IMPORT, await workbook([{ uscc: hongli.uscc, period: '2025-10', mainRevenue: 1 }]));
    expect(res.statusCode).toBe(403);
    expect(await footprint()).toEqual(before);
  });
});

describe('GET /statistics/export', () => {
  /** The export's first sheet as rows of cells keyed by header, and the sheet itself. */
  async function exported(agent: Agent, query: string) {
    const res = await agent.get(`/api/v1/statistics/export?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const [ws, help] = await sheets(res.rawPayload);
    const headers = (ws!.getRow(1).values as string[]).slice(1);
    const rows: Record<string, unknown>[] = [];
    ws!.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    return { ws: ws!, help: help!, headers, rows };
  }

  it('has a row per group and a 合计 row, amounts in 万元 and 同比 as percent cells', async () => {
    const { ws, help, headers, rows } = await exported(await t.login('leader'), 'period=2022-12&groupBy=scale');
    expect(ws.name).toBe('2022年1-12月');
    expect(headers.slice(0, 4)).toEqual(['规模', '填报企业数(家)', '主营业务收入(万元)', '主营业务收入同比']);
    expect(headers).toContain('综合能耗(吨标准煤)');
    expect(headers).toContain('上云企业占比');
    expect(rows.map((r) => r['规模'])).toEqual(['规上', '规下', '合计']);
    expect(rows[0]).toMatchObject({ '填报企业数(家)': 15, '主营业务收入(万元)': 629_300, '工业总产值(万元)': 598_000 });
    expect(rows[2]).toMatchObject({ '主营业务收入(万元)': 643_500, '工业总产值(万元)': 1_137_000, '实缴税金(万元)': 12_300 });
    expect((rows[2]!['主营业务收入同比'] as number).toFixed(3)).toBe('0.095');
    const yoyColumn = headers.indexOf('主营业务收入同比') + 1;
    expect(ws.getRow(4).getCell(yoyColumn).numFmt).toBe('0.0%');
    expect(help.getSheetValues().flat().join('\n')).toContain('报告期：2022年1-12月累计');
  });

  it('writes an enterprise name that Excel would run as a formula with a leading apostrophe', async () => {
    const unit = await t.database.db.selectFrom('unit').select('id').where('code', '=', 'XY-CD-P3-MFG').executeTakeFirstOrThrow();
    const created = await stats.post('/api/v1/enterprises', {
      uscc: completeUscc('91360403MA4X0002'),
      name: '=HYPERLINK("http://x","九江")',
      unitId: unit.id,
      industryChain: 'newMaterials',
      industryCode: '3985',
      category: 'industrial',
      scale: 'below',
    });
    expect(created.statusCode).toBe(201);
    const reported = await stats.post('/api/v1/statistics/reports', { enterpriseId: created.json().id, period: '2025-12', values: { mainRevenue: 12_345_678 } });
    expect(reported.statusCode).toBe(201);
    const { rows } = await exported(stats, `period=2025-12&groupBy=enterprise&enterpriseIds=${created.json().id},${hongli.id}`);
    expect(rows.find((r) => r['企业'] === `'=HYPERLINK("http://x","九江")`)).toMatchObject({ '主营业务收入(万元)': 1234.5678 });
    for (const r of rows) for (const v of Object.values(r)) expect(v === null || typeof v !== 'object').toBe(true);
  });

  it('is for the committee only, and checks the query like the summary', async () => {
    expect((await (await t.login('hongli')).get('/api/v1/statistics/export?period=2022-12')).statusCode).toBe(403);
    expect((await stats.get('/api/v1/statistics/export?period=2022-13')).statusCode).toBe(400);
  });
});
