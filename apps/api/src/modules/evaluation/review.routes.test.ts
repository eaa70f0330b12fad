import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';

interface Row {
  enterpriseId: string;
  name: string;
  groupKey: string | null;
  status: string;
  total: number | null;
  rank: number | null;
  class: string | null;
  adjustment: number;
  vetoes: string[];
  nextClass: { class: string; total: number } | null;
  consecutive: number | null;
  policies: { lever: string; text: string; value: number | null }[];
}
interface Run {
  id: string;
  state: string;
  people: Record<string, string>;
  version: number;
  results: Row[];
}

let t: TestApp;
let stats: Agent;
let shenhe: Agent;
let hongli: Agent;
let ownId: string;

const run = async (id: string): Promise<Run> => (await stats.get(`/api/v1/evaluation/runs/${id}`)).json();
const newRun = async (year: number): Promise<Run> => run((await stats.post('/api/v1/evaluation/runs', { year })).json().id);
const veto = (enterprise: string) => ({ enterpriseId: enterprise, kind: 'veto', code: 'safetyAccident', points: null, reason: '发生一起较大生产安全事故', evidence: '浔应急罚〔2022〕12号' });
const move = (agent: Agent, r: { id: string; version: number }, action: string, note: string | null = null) => agent.post(`/api/v1/evaluation/runs/${r.id}/transitions`, { action, version: r.version, note });

/** Submit (stats), approve (shenhe), publish (stats). */
async function publish(id: string): Promise<Run> {
  for (const [agent, action] of [[stats, 'submit'], [shenhe, 'approve'], [stats, 'publish']] as const) {
    const res = await move(agent, await run(id), action);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  return run(id);
}

beforeAll(async () => {
  t = await startTestApp();
  [stats, shenhe, hongli] = [await t.login('stats'), await t.login('shenhe'), await t.login('hongli')];
  ownId = await enterpriseId(t, '鸿利达');
});
afterAll(() => t.close());

const ranked = (r: Run, group = 'aboveScale') => r.results.filter((x) => x.groupKey === group && x.status === 'ranked').sort((a, b) => a.rank! - b.rank!);

describe('adjusting a draft run', () => {
  it('vetoes the first-ranked enterprise: D with the veto listed, and the others ranked without it', async () => {
    const before = await newRun(2022);
    const [top, second] = ranked(before);
    const res = await stats.post(`/api/v1/evaluation/runs/${before.id}/adjustments`, veto(top!.enterpriseId));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().adjustment).toMatchObject({ kind: 'veto', reason: '发生一起较大生产安全事故', evidence: '浔应急罚〔2022〕12号', createdBy: 'stats', enterpriseName: top!.name });
    const after = await run(before.id);
    expect(after.version).toBe(before.version + 1);
    expect(before.people).toEqual({});
    expect(after.people).toEqual({ stats: '经济发展局 统计员' });
    expect(after.results.find((r) => r.enterpriseId === top!.enterpriseId)).toMatchObject({ status: 'vetoed', class: 'D', rank: null, vetoes: ['safetyAccident'], total: top!.total });
    expect(ranked(after)).toHaveLength(ranked(before).length - 1);
    expect(after.results.find((r) => r.enterpriseId === second!.enterpriseId)).toMatchObject({ rank: 1, class: 'A' });
    // Where the next class up starts is read again from the recomputed run: the lowest total now in it.
    const lowest = (label: string) => Math.min(...ranked(after).filter((r) => r.class === label).map((r) => r.total!));
    for (const r of ranked(after).filter((x) => x.class !== 'A')) expect(r.nextClass!.total).toBe(lowest(r.nextClass!.class));
  });

  it('adds 加分 to the total exactly and takes it back when removed', async () => {
    const r = await newRun(2022);
    const target = ranked(r).at(-1)!;
    const res = await stats.post(`/api/v1/evaluation/runs/${r.id}/adjustments`, { enterpriseId: target.enterpriseId, kind: 'bonus', code: 'innovation', points: 3, reason: '获评省级专精特新', evidence: '赣工信〔2022〕88号' });
    expect(res.statusCode, res.body).toBe(201);
    const added = (await run(r.id)).results.find((x) => x.enterpriseId === target.enterpriseId)!;
    expect(added.total).toBeCloseTo(target.total! + 3, 6);
    expect(added.adjustment).toBe(3);
    const listed = (await stats.get(`/api/v1/evaluation/runs/${r.id}/adjustments`)).json();
    expect(listed).toHaveLength(1);
    expect((await stats.request('DELETE', `/api/v1/evaluation/runs/${r.id}/adjustments/${listed[0].id}`)).statusCode).toBe(200);
    expect((await run(r.id)).results.find((x) => x.enterpriseId === target.enterpriseId)).toMatchObject({ total: target.total, adjustment: 0 });
  });

  it('refuses an item not in the scheme, points on a veto, the same veto twice and a firm not in the run', async () => {
    const r = await newRun(2022);
    const target = ranked(r)[0]!.enterpriseId;
    const post = (body: object) => stats.post(`/api/v1/evaluation/runs/${r.id}/adjustments`, { ...veto(target), ...body });
    expect((await post({ code: 'noSuchItem' })).json().error).toMatchObject({ code: 'VALIDATION', details: { reason: 'notInScheme' } });
    expect((await post({ kind: 'bonus', code: 'safetyAccident', points: 2 })).json().error.details).toMatchObject({ reason: 'notInScheme' });
    expect((await post({ points: 5 })).statusCode).toBe(400);
    expect((await post({ reason: '' })).statusCode).toBe(400);
    expect((await post({})).statusCode).toBe(201);
    expect((await post({})).json().error.details).toMatchObject({ reason: 'duplicateVeto' });
    const logistics = await enterpriseId(t, '新雪域');
    expect((await post({ enterpriseId: logistics })).json().error.details).toMatchObject({ reason: 'notInRun' });
  });
});

describe('review and publication', () => {
  let r: Run;
  beforeAll(async () => {
    r = await newRun(2022);
  });

  it('shows an enterprise nothing of a run before it is published', async () => {
    expect((await hongli.get(`/api/v1/evaluation/enterprises/${ownId}/results`)).json()).toEqual([]);
    expect((await hongli.get(`/api/v1/evaluation/runs/${r.id}`)).statusCode).toBe(403);
  });

  it('needs a second person to approve, refuses a stale version and freezes adjustments once submitted', async () => {
    expect((await move(stats, r, 'publish')).json().error.details).toMatchObject({ reason: 'notAllowedInState' });
    expect((await move(stats, r, 'submit')).json()).toMatchObject({ state: 'submitted', submittedBy: 'stats' });
    expect((await move(stats, r, 'submit')).statusCode).toBe(409);
    const submitted = await run(r.id);
    expect((await move(stats, submitted, 'approve')).statusCode).toBe(403);
    expect((await stats.post(`/api/v1/evaluation/runs/${r.id}/adjustments`, veto(ranked(r)[0]!.enterpriseId))).json().error.details).toMatchObject({ reason: 'notDraft' });
    expect((await move(shenhe, submitted, 'return')).statusCode).toBe(400);
    expect((await move(shenhe, submitted, 'return', '请核实第 3 名的研发费用')).json()).toMatchObject({ state: 'draft', reviewedBy: 'shenhe', reviewNote: '请核实第 3 名的研发费用' });
  });

  it('publishes: the enterprise then reads its own result, rank within its group and policies, and nobody else’s', async () => {
    const published = await publish(r.id);
    expect(published.state).toBe('published');
    // Each step names its account as people know it.
    expect(published.people).toEqual({ stats: '经济发展局 统计员', shenhe: '经济发展局 科长（审核）' });
    const mine = (await hongli.get(`/api/v1/evaluation/enterprises/${ownId}/results`)).json();
    expect(mine).toHaveLength(1);
    const own = published.results.find((x) => x.enterpriseId === ownId)!;
    expect(mine[0]).toMatchObject({ runId: r.id, year: 2022, rankedInGroup: ranked(published, own.groupKey!).length, result: { class: own.class, rank: own.rank, total: own.total, consecutive: 1 } });
    expect(mine[0].group.indicators.map((i: { name: string }) => i.name)).toContain('亩均税收');
    const other = await enterpriseId(t, '杰尼');
    expect((await hongli.get(`/api/v1/evaluation/enterprises/${other}/results`)).statusCode).toBe(404);
    const messages = (await hongli.get('/api/v1/notifications')).json().items;
    expect(messages.find((m: { kind: string }) => m.kind === 'evaluationPublished')).toMatchObject({ params: { year: 2022, class: own.class } });
  });

  it('takes one objection at a time and the committee answers it once, refusing a stale version', async () => {
    const filed = await hongli.post(`/api/v1/evaluation/runs/${r.id}/objections`, { text: '我司 2022 年实缴税金应含土地使用税，请复核亩均税收。' });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ filedBy: 'hongli', filedByName: '鸿利达新材料 企业联络员', answeredByName: null });
    expect((await hongli.post(`/api/v1/evaluation/runs/${r.id}/objections`, { text: '再次提出异议' })).json().error.details).toMatchObject({ reason: 'objectionOpen' });
    const open = (await stats.get('/api/v1/evaluation/objections?state=open')).json();
    expect(open.map((o: { id: string }) => o.id)).toContain(filed.json().id);
    const answer = { version: 99, outcome: 'maintained', answer: '经核实，土地使用税已计入实缴税金，维持原结果。' };
    expect((await stats.post(`/api/v1/evaluation/objections/${filed.json().id}/answer`, answer)).statusCode).toBe(409);
    const answered = await stats.post(`/api/v1/evaluation/objections/${filed.json().id}/answer`, { ...answer, version: 1 });
    expect(answered.json()).toMatchObject({ state: 'answered', outcome: 'maintained', answeredBy: 'stats', answeredByName: '经济发展局 统计员' });
    expect((await stats.post(`/api/v1/evaluation/objections/${filed.json().id}/answer`, { ...answer, version: 2 })).json().error.details).toMatchObject({ reason: 'alreadyAnswered' });
    const mine = (await hongli.get(`/api/v1/evaluation/enterprises/${ownId}/results`)).json();
    expect(mine[0].objections[0]).toMatchObject({ state: 'answered', answer: answer.answer, answeredByName: '经济发展局 统计员' });
    expect((await hongli.get('/api/v1/notifications')).json().items.map((m: { kind: string }) => m.kind)).toContain('objectionAnswered');
  });

  it('a later publication of the year supersedes the earlier one', async () => {
    const again = await publish((await newRun(2022)).id);
    expect((await run(r.id)).state).toBe('superseded');
    expect((await hongli.get(`/api/v1/evaluation/enterprises/${ownId}/results`)).json().map((x: { runId: string }) => x.runId)).toEqual([again.id]);
    expect((await hongli.post(`/api/v1/evaluation/runs/${r.id}/objections`, { text: '对已被替代的结果提出异议' })).statusCode).toBe(404);
  });
});

describe('consecutive years and the policy lists', () => {
  it('counts a second year in D and applies the surcharge for two consecutive years, listed for the power company', async () => {
    const target = await enterpriseId(t, '杰尼');
    for (const year of [2021, 2022]) {
      const r = await newRun(year);
      expect((await stats.post(`/api/v1/evaluation/runs/${r.id}/adjustments`, veto(target))).statusCode).toBe(201);
      const published = await publish(r.id);
      const row = published.results.find((x) => x.enterpriseId === target)!;
      expect(row).toMatchObject({ class: 'D', consecutive: year - 2020 });
      expect(row.policies.filter((p) => p.lever === 'electricity').map((p) => p.value)).toEqual([year === 2021 ? 0.05 : 0.1]);
      if (year === 2022) {
        const list = (await stats.get(`/api/v1/evaluation/runs/${r.id}/policies?lever=electricity`)).json();
        expect(list.find((x: { enterpriseId: string }) => x.enterpriseId === target)).toMatchObject({ class: 'D', consecutive: 2, policies: [{ text: '差别电价加价（连续 2 年）', value: 0.1, unit: '元/kWh' }] });
        const res = await stats.get(`/api/v1/evaluation/runs/${r.id}/policies/export?lever=electricity`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const ws = wb.worksheets[0]!;
        expect(String(ws.getCell('A1').value)).toBe('2022年度亩产效益综合评价 差别化政策执行名单 — 用电（供电企业）');
        const rows = ws.getSheetValues().filter((v) => Array.isArray(v) && v[3] !== undefined && v[2] !== '企业名称');
        expect(rows.some((v) => (v as unknown[])[6] === 2 && (v as unknown[])[8] === 0.1)).toBe(true);
      }
    }
  });
});
