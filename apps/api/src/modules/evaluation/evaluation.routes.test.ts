import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../cli/context';
import { MINUTE } from '../../lib/clock';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';
import { createRun } from './evaluation.service';
import { readInputs } from './result-rows';
import { schemeForRun } from './scheme.service';

let t: TestApp;
let leader: Agent;

interface Result {
  enterpriseId: string;
  name: string;
  groupKey: string | null;
  status: string;
  total: number | null;
  rank: number | null;
  class: string | null;
  exemptReason: string | null;
  landMu: number | null;
  indicators: { key: string; value: number | null; benchmark: number | null; score: number }[];
  nextClass: { class: string; total: number; gap: number } | null;
}

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.login('leader');
});
afterAll(() => t.close());

describe('亩产效益 preview on the demo base', () => {
  let results: Result[];
  let groups: { key: string; ranked: number; indicators: { key: string; name: string }[] }[];

  beforeAll(async () => {
    const res = await leader.get('/api/v1/evaluation/preview?year=2022');
    expect(res.statusCode).toBe(200);
    expect(res.json().scheme).toMatchObject({ code: 'reference', reference: true });
    results = res.json().results;
    groups = res.json().groups;
  });

  it('evaluates every active industrial enterprise once, and no logistics or incubator firm', async () => {
    const industrial = await t.database.db.selectFrom('enterprise').select(['id', 'category']).where('status', '=', 'active').execute();
    expect(results.map((r) => r.enterpriseId).sort()).toEqual(industrial.filter((e) => e.category === 'industrial').map((e) => e.id).sort());
  });

  it('lists firms set up within two years of the year’s end as T, not ranked', async () => {
    const young = await t.database.db.selectFrom('enterprise').select('id').where('category', '=', 'industrial').where('establishedOn', '>', '2020-12-31').execute();
    expect(young.length).toBeGreaterThan(0);
    for (const { id } of young) expect(results.find((r) => r.enterpriseId === id)).toMatchObject({ status: 'exempt', class: 'T', exemptReason: 'newInProduction', rank: null });
  });

  it('ranks the 规上 group by total, A the top 20 % (round half up) and D the bottom 5 %', () => {
    const ranked = results.filter((r) => r.groupKey === 'aboveScale' && r.status === 'ranked').sort((a, b) => a.rank! - b.rank!);
    expect(ranked.length).toBeGreaterThan(5);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.total!).toBeLessThanOrEqual(ranked[i - 1]!.total!);
    const n = ranked.length;
    expect(groups.map((g) => [g.key, g.ranked])).toEqual([['aboveScale', n], ['belowScale', results.filter((r) => r.groupKey === 'belowScale' && r.status === 'ranked').length]]);
    expect(groups[0]!.indicators.map((i) => i.name)).toContain('单位能耗增加值');
    expect(ranked.filter((r) => r.class === 'A')).toHaveLength(Math.floor((2 * n * 20 + 100) / 200));
    expect(ranked.at(-1)!.class).toBe(Math.floor((2 * n * 95 + 100) / 200) < n ? 'D' : 'C');
    expect(ranked[0]!.nextClass).toBeNull();
    expect(ranked.at(-1)!.nextClass!.gap).toBeGreaterThan(0);
  });

  it('computes 亩均税收 from the year’s approved figures and the land module’s area, against the group mean', async () => {
    const ranked = results.filter((r) => r.groupKey === 'aboveScale' && r.status === 'ranked');
    const someone = ranked[0]!;
    const report = await t.database.db.selectFrom('statReport').select('taxPaid').where('enterpriseId', '=', someone.enterpriseId).where('period', '=', '2022-12').where('status', '=', 'approved').executeTakeFirstOrThrow();
    const land = (await leader.get(`/api/v1/land/enterprises/${someone.enterpriseId}/area?asOf=2022-12-31`)).json();
    const tax = someone.indicators.find((i) => i.key === 'taxPerMu')!;
    expect(someone.landMu).toBe(land.totalMu);
    expect(tax.value).toBeCloseTo(Number(report.taxPaid) / land.totalMu, 6);
    const values = ranked.map((r) => r.indicators.find((i) => i.key === 'taxPerMu')!.value!);
    expect(tax.benchmark).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 6);
    expect(tax.score).toBeCloseTo((tax.value! / tax.benchmark!) * 30, 6);
  });

  it('keeps a run as computed: changing a figure afterwards changes the preview, not the run', async () => {
    const stats = await t.login('stats');
    const made = await stats.post('/api/v1/evaluation/runs', { year: 2022 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ year: 2022, state: 'draft', enterprises: results.length, createdBy: '经济发展局 统计员', scheme: { code: 'reference' } });
    const before = (await leader.get(`/api/v1/evaluation/runs/${made.json().id}`)).json();
    expect(before.results).toEqual([...results].sort((a, b) => (a.enterpriseId < b.enterpriseId ? -1 : 1)).map((r) => expect.objectContaining(r)));
    const top = results.filter((r) => r.status === 'ranked').sort((a, b) => a.rank! - b.rank!)[0]!;
    await t.database.db.updateTable('statReport').set({ taxPaid: 1 }).where('enterpriseId', '=', top.enterpriseId).where('period', '=', '2022-12').where('status', '=', 'approved').execute();
    const preview = (await leader.get('/api/v1/evaluation/preview?year=2022')).json().results.find((r: Result) => r.enterpriseId === top.enterpriseId);
    expect(preview.total).toBeLessThan(top.total!);
    const after = (await leader.get(`/api/v1/evaluation/runs/${made.json().id}`)).json();
    expect(after.results).toEqual(before.results);
    expect((await leader.get('/api/v1/evaluation/runs')).json()[0]).toMatchObject({ id: made.json().id, year: 2022 });
  });

  it('reads and adjusts a run stored before runs kept a basis (each result and its inputs whole) as it was stored', async () => {
    const stats = await t.login('stats');
    const made = (await stats.post('/api/v1/evaluation/runs', { year: 2022 })).json();
    const now = (await leader.get(`/api/v1/evaluation/runs/${made.id}`)).json();
    const db = t.database.db;
    await db.updateTable('evaluationRun').set({ basis: null }).where('id', '=', made.id).execute();
    for (const r of now.results) {
      const { uscc: _u, unitId: _i, unitName: _n, exemptNote: _e, consecutive: _c, policies: _p, ...whole } = r;
      const kept = await db.selectFrom('evaluationResult').select('inputs').where('runId', '=', made.id).where('enterpriseId', '=', r.enterpriseId).executeTakeFirstOrThrow();
      const inputs = JSON.stringify(readInputs(r.enterpriseId, kept.inputs));
      await db.updateTable('evaluationResult').set({ result: JSON.stringify(whole), inputs }).where('runId', '=', made.id).where('enterpriseId', '=', r.enterpriseId).execute();
    }
    expect((await leader.get(`/api/v1/evaluation/runs/${made.id}`)).json().results).toEqual(now.results);
    expect(now.results.filter((r: { exemptNote: string | null }) => r.exemptNote !== null).length).toBeGreaterThan(0);
    const top = now.results.find((r: Result) => r.rank === 1 && r.groupKey === 'aboveScale');
    const veto = { enterpriseId: top.enterpriseId, kind: 'veto', code: 'safetyAccident', points: null, reason: '发生一起较大生产安全事故', evidence: '浔应急罚〔2022〕12号' };
    expect((await stats.post(`/api/v1/evaluation/runs/${made.id}/adjustments`, veto)).statusCode).toBe(201);
    const after = (await leader.get(`/api/v1/evaluation/runs/${made.id}`)).json().results;
    expect(after.find((r: Result) => r.enterpriseId === top.enterpriseId)).toMatchObject({ status: 'vetoed', class: 'D', landMu: top.landMu, indicators: top.indicators });
  });

  it('is the committee’s: an enterprise user is refused', async () => {
    expect((await (await t.login('hongli')).get('/api/v1/evaluation/preview?year=2022')).statusCode).toBe(403);
  });
});

describe('a run’s progress', () => {
  it('says done with every enterprise counted, to the account that ran it only, until a few minutes after', async () => {
    const stats = await t.login('stats');
    const token = randomUUID();
    const made = await stats.post('/api/v1/evaluation/runs', { year: 2022, progressToken: token });
    expect(made.statusCode).toBe(201);
    const enterprises = made.json().enterprises as number;
    expect(enterprises).toBeGreaterThan(20);
    const read = await stats.get(`/api/v1/evaluation/runs/progress/${token}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ stage: 'done', done: enterprises, total: enterprises });
    expect((await (await t.login('admin')).get(`/api/v1/evaluation/runs/progress/${token}`)).statusCode).toBe(404);
    expect((await stats.get(`/api/v1/evaluation/runs/progress/${randomUUID()}`)).statusCode).toBe(404);
    t.clock.advance(5 * MINUTE);
    expect((await stats.get(`/api/v1/evaluation/runs/progress/${token}`)).statusCode).toBe(404);
  });

  it('refuses a token another account holds', async () => {
    const token = randomUUID();
    expect((await (await t.login('stats')).post('/api/v1/evaluation/runs', { year: 2022, progressToken: token })).statusCode).toBe(201);
    const res = await (await t.login('admin')).post('/api/v1/evaluation/runs', { year: 2022, progressToken: token });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
  });

  it('reports each stage chunk by chunk, gathering and storing counting up to every enterprise', async () => {
    const seen: string[] = [];
    await createRun({ db: t.database.db, config: t.config, progress: (p) => seen.push(`${p.stage} ${p.done}/${p.total}`) }, { ...cliContext, clock: t.clock }, 2022, await schemeForRun(t.database.db, undefined));
    const n = Number(seen.at(-1)!.split('/')[1]);
    expect(seen).toEqual([`gathering 0/${n}`, `gathering ${n}/${n}`, `computing 0/${n}`, `storing 0/${n}`, `storing ${n}/${n}`]);
  });
});
