import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc, type EvaluationRunDetail } from '@yuanqu/contracts';
import { XLSX } from '../../http/attachment';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let stats: Agent;
let run: EvaluationRunDetail;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A sheet as rows of cell values (row 1 first), and a row of it keyed by the header row (row 3). */
function read(ws: ExcelJS.Worksheet) {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  const headers = rows[2] as string[];
  const keyed = rows.slice(3).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? null])));
  return { rows, headers, keyed };
}

async function exported(agent: Agent, id: string) {
  const res = await agent.get(`/api/v1/evaluation/runs/${id}/export`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  expect(res.headers['content-disposition']).toContain(encodeURIComponent(`亩产效益评价结果-${run.year}.xlsx`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

beforeAll(async () => {
  t = await startTestApp();
  stats = await t.login('stats');
  // A registry name that would start a formula, and a 规下 firm without land (未纳入评价).
  await t.database.db.updateTable('enterprise').set({ name: '=HYPERLINK("http://x")紫昊' }).where('name', 'like', '%紫昊%').execute();
  const zone = await t.database.db.selectFrom('unit').select('id').where('kind', '=', 'zone').executeTakeFirstOrThrow();
  const made = await stats.post('/api/v1/enterprises', { uscc: completeUscc('91360403EXP00001'), name: '九江无地小微制造有限公司', unitId: zone.id, industryChain: 'equipment', industryCode: '3484', category: 'industrial', scale: 'below', establishedOn: '2015-01-01' });
  expect(made.statusCode).toBe(201);
  const id = (await stats.post('/api/v1/evaluation/runs', { year: 2022 })).json().id;
  run = (await stats.get(`/api/v1/evaluation/runs/${id}`)).json();
});
afterAll(() => t.close());

describe('the run’s labels', () => {
  it('names each group of the run’s scheme with its indicators and how many it ranked', () => {
    expect(run.groups.map((g) => [g.key, g.name, g.ranked])).toEqual([
      ['aboveScale', '规上工业企业', run.results.filter((r) => r.groupKey === 'aboveScale' && r.status === 'ranked').length],
      ['belowScale', '规下工业企业（用地 3 亩及以上）', run.results.filter((r) => r.groupKey === 'belowScale' && r.status === 'ranked').length],
    ]);
    expect(run.groups[0]!.ranked).toBe(15);
    expect(run.groups[0]!.indicators[0]).toEqual({ key: 'taxPerMu', name: '亩均税收', weight: 30, direction: 'higher', formula: { numerator: 'taxPaid', denominator: ['landMu'] } });
    expect(run.groups[1]!.indicators.map((i) => [i.key, i.weight])).toEqual([['taxPerMu', 50], ['taxPerKwh', 50]]);
    expect(run.items.exemptReasons.map((r) => r.code)).toEqual(['utility', 'newInProduction', 'majorProject', 'other']);
  });

  it('gives each result the USCC and park or zone of its enterprise, and the note of a T reason', async () => {
    const hongli = run.results.find((r) => r.name.includes('鸿利达'))!;
    const registry = (await stats.get(`/api/v1/enterprises/${hongli.enterpriseId}`)).json();
    expect(hongli).toMatchObject({ uscc: registry.uscc, unitId: registry.unitId, unitName: registry.unitPath.at(-1).name, exemptNote: null });
    const young = run.results.find((r) => r.status === 'exempt')!;
    const established = (await stats.get(`/api/v1/enterprises/${young.enterpriseId}`)).json().establishedOn;
    expect(young).toMatchObject({ exemptReason: 'newInProduction', exemptNote: established });
  });

  it('reads the groups from the run’s own copy of the scheme, not the current one', async () => {
    const row = await t.database.db.selectFrom('evaluationRun').select('scheme').where('id', '=', run.id).executeTakeFirstOrThrow();
    const scheme = JSON.parse(row.scheme);
    scheme.groups[0].indicators[0].name = '亩均税收（旧口径）';
    await t.database.db.updateTable('evaluationRun').set({ scheme: JSON.stringify(scheme) }).where('id', '=', run.id).execute();
    const again = (await stats.get(`/api/v1/evaluation/runs/${run.id}`)).json() as EvaluationRunDetail;
    expect(again.groups[0]!.indicators[0]!.name).toBe('亩均税收（旧口径）');
    scheme.groups[0].indicators[0].name = '亩均税收';
    await t.database.db.updateTable('evaluationRun').set({ scheme: JSON.stringify(scheme) }).where('id', '=', run.id).execute();
  });
});

describe('the published workbook', () => {
  it('has a title, the scheme with its 参考方案 note, one sheet per group, T and 未纳入评价', async () => {
    const wb = await exported(stats, run.id);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['规上工业企业', '规下工业企业（用地 3 亩及以上）', '暂不评价（T类）', '未纳入评价']);
    const { rows, headers } = read(wb.worksheets[0]!);
    expect(rows[0]![0]).toBe('2022年度 工业企业亩产效益综合评价结果');
    expect(rows[1]![0]).toBe('评价方案：亩产效益综合评价参考方案（待按本地细则校准）（第 1 版）；参考方案，待按本地细则校准；规上工业企业 15 家');
    expect(headers).toEqual([
      '序号', '企业名称', '统一社会信用代码', '所在园区', '用地面积(亩)',
      '亩均税收(万元/亩)', '亩均税收得分(满分30)', '亩均增加值(万元/亩)', '亩均增加值得分(满分20)',
      '单位能耗增加值(万元/吨标准煤)', '单位能耗增加值得分(满分20)', '单位排放增加值(万元/吨)', '单位排放增加值得分(满分10)',
      '全员劳动生产率(万元/人)', '全员劳动生产率得分(满分10)', 'R&D 经费支出占主营业务收入比重(%)', 'R&D 经费支出占主营业务收入比重得分(满分10)',
      '加减分', '总分', '排名', '等级',
    ]);
  });

  it('lists the 规上 group by rank with values in 万元/亩, 万元/吨标准煤 and %, each score, the total, rank and class', async () => {
    const first = run.results.find((r) => r.groupKey === 'aboveScale' && r.rank === 1)!;
    const report = await t.database.db.selectFrom('statReport').selectAll().where('enterpriseId', '=', first.enterpriseId).where('period', '=', '2022-12').where('status', '=', 'approved').executeTakeFirstOrThrow();
    const { keyed } = read((await exported(stats, run.id)).worksheets[0]!);
    const score = (key: string) => round2(first.indicators.find((i) => i.key === key)!.score);
    expect(keyed).toHaveLength(15);
    expect(keyed[0]).toMatchObject({
      序号: 1,
      企业名称: first.name,
      统一社会信用代码: first.uscc,
      所在园区: first.unitName,
      '用地面积(亩)': round2(first.landMu!),
      '亩均税收(万元/亩)': round2(Number(report.taxPaid) / first.landMu! / 10_000),
      '亩均税收得分(满分30)': score('taxPerMu'),
      '单位能耗增加值(万元/吨标准煤)': round2(((Number(report.valueAdded) / Number(report.energyKgce)) * 1000) / 10_000),
      'R&D 经费支出占主营业务收入比重(%)': round2((Number(report.rdExpense) / Number(report.mainRevenue)) * 100),
      加减分: 0,
      总分: round2(first.total!),
      排名: 1,
      等级: 'A',
    });
    expect(keyed.map((r) => r['排名'])).toEqual([...keyed.map((r) => r['排名'])].sort((a, b) => Number(a) - Number(b)));
    expect(keyed.at(-1)).toMatchObject({ 序号: 15, 排名: 15, 等级: 'D' });
  });

  it('neutralises a name that would start a formula', async () => {
    const { keyed } = read((await exported(stats, run.id)).worksheets[0]!);
    expect(keyed.find((r) => String(r['企业名称']).includes('紫昊'))!['企业名称']).toBe('\'=HYPERLINK("http://x")紫昊');
  });

  it('puts a vetoed enterprise at the end of its group with 一票否决, class D, and shows staff 加分 in 加减分', async () => {
    const top = run.results.find((r) => r.groupKey === 'aboveScale' && r.rank === 1)!;
    const hongli = run.results.find((r) => r.name.includes('鸿利达'))!;
    const adjust = (body: object) => stats.post(`/api/v1/evaluation/runs/${run.id}/adjustments`, { points: null, reason: '核查属实', evidence: '浔安监〔2022〕12号', ...body });
    expect((await adjust({ enterpriseId: top.enterpriseId, kind: 'veto', code: 'safetyAccident' })).statusCode).toBe(201);
    expect((await adjust({ enterpriseId: hongli.enterpriseId, kind: 'bonus', code: 'innovation', points: 3 })).statusCode).toBe(201);
    const { keyed } = read((await exported(stats, run.id)).worksheets[0]!);
    expect(keyed).toHaveLength(15);
    expect(keyed.at(-1)).toMatchObject({ 序号: 15, 企业名称: top.name, 排名: '一票否决', 等级: 'D' });
    // The others are ranked again without it: the second is now first.
    expect(keyed[0]).toMatchObject({ 排名: 1, 企业名称: run.results.find((r) => r.groupKey === 'aboveScale' && r.rank === 2)!.name });
    expect(keyed.find((r) => r['企业名称'] === hongli.name)).toMatchObject({ 加减分: 3, 总分: round2(hongli.total! + 3) });
  });

  it('lists the T enterprises with their reason, and the firm without land as 未纳入评价', async () => {
    const wb = await exported(stats, run.id);
    const exempt = read(wb.getWorksheet('暂不评价（T类）')!);
    const t2022 = run.results.filter((r) => r.status === 'exempt');
    expect(exempt.headers.at(-1)).toBe('暂不评价原因');
    expect(exempt.keyed).toHaveLength(t2022.length);
    const one = t2022[0]!;
    expect(exempt.keyed.find((r) => r['企业名称'] === one.name)!['暂不评价原因']).toBe(`投产未满 2 年（${one.exemptNote}）`);
    const out = read(wb.getWorksheet('未纳入评价')!);
    expect(out.rows[1]![0]).toContain('未纳入评价 1 家');
    expect(out.keyed).toEqual([{ 序号: 1, 企业名称: '九江无地小微制造有限公司', 统一社会信用代码: completeUscc('91360403EXP00001'), 所在园区: expect.any(String), '用地面积(亩)': null, 说明: '无用地记录，不属于任何评价组' }]);
  });

  it('holds only the enterprises in a scoped clerk’s parks', async () => {
    const admin = await t.login('admin');
    const park3 = await t.database.db.selectFrom('unit').select(['id', 'path']).where('code', '=', 'XY-CD-P3').executeTakeFirstOrThrow();
    await admin.post('/api/v1/users', { username: 'park3eval', displayName: '3号园统计', password: 'Sanhao#Yuan2026', role: 'staff', departments: ['economy'], unitIds: [park3.id] });
    await (await t.login('park3eval', 'Sanhao#Yuan2026')).post('/api/v1/auth/password', { currentPassword: 'Sanhao#Yuan2026', newPassword: 'Sanhao#Yuan2027' });
    const scoped = await t.login('park3eval', 'Sanhao#Yuan2027');
    const mine = (await scoped.get(`/api/v1/evaluation/runs/${run.id}`)).json() as EvaluationRunDetail;
    const inPark = await t.database.db.selectFrom('enterprise as e').innerJoin('unit as u', 'u.id', 'e.unitId').select('e.id').where('u.path', 'like', `${park3.path}%`).execute();
    expect(mine.results.map((r) => r.enterpriseId).sort()).toEqual(run.results.filter((r) => inPark.some((e) => e.id === r.enterpriseId)).map((r) => r.enterpriseId).sort());
    expect(mine.results.length).toBeLessThan(run.results.length);
    // Ranks and the group sizes stay those of the whole run.
    const whole = (await stats.get(`/api/v1/evaluation/runs/${run.id}`)).json() as EvaluationRunDetail;
    expect(mine.groups.map((g) => g.ranked)).toEqual(whole.groups.map((g) => g.ranked));
    const wb = await exported(scoped, run.id);
    const names = wb.worksheets.slice(0, 2).flatMap((ws) => read(ws).keyed.map((r) => r['企业名称']));
    expect(names.sort()).toEqual(mine.results.filter((r) => r.status === 'ranked' || r.status === 'vetoed').map((r) => (r.name.startsWith('=') ? `'${r.name}` : r.name)).sort());
  });

  it('answers one enterprise’s result alone when its page asks, and none outside the reader’s parks', async () => {
    const whole = (await stats.get(`/api/v1/evaluation/runs/${run.id}`)).json() as EvaluationRunDetail;
    const one = async (agent: Agent, enterpriseId: string) => (await agent.get(`/api/v1/evaluation/runs/${run.id}?enterpriseId=${enterpriseId}`)).json() as EvaluationRunDetail;
    for (const status of ['ranked', 'vetoed', 'exempt']) {
      const result = whole.results.find((r) => r.status === status)!;
      const alone = await one(stats, result.enterpriseId);
      expect(alone.results, status).toEqual([result]);
      expect({ ...alone, results: [] }).toEqual({ ...whole, results: [] });
    }
    expect((await one(stats, 'no-such-enterprise')).results).toEqual([]);
    const park3 = await t.database.db.selectFrom('unit').select('path').where('code', '=', 'XY-CD-P3').executeTakeFirstOrThrow();
    const elsewhere = await t.database.db.selectFrom('enterprise as e').innerJoin('unit as u', 'u.id', 'e.unitId').select('e.id').where('u.path', 'not like', `${park3.path}%`).execute();
    const outside = whole.results.find((r) => elsewhere.some((e) => e.id === r.enterpriseId))!;
    expect((await one(await t.login('park3eval', 'Sanhao#Yuan2027'), outside.enterpriseId)).results).toEqual([]);
  });

  it('answers 404 for a run that does not exist', async () => {
    const res = await stats.get('/api/v1/evaluation/runs/nope/export');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
