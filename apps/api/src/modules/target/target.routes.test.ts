import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';

// The test clock stands at 2026-03-02: the latest full year is 2025.
let t: TestApp;
let stats: Agent;
let leader: Agent;

beforeAll(async () => {
  t = await startTestApp();
  stats = await t.login('stats');
  leader = await t.login('leader');
});
afterAll(() => t.close());

type Item = { id: string; code: string; current: number; baseline: number; required: number; projection: number; verdict: string; history: { year: number }[] };
const byCode = async (query = '') => {
  const list = (await leader.get(`/api/v1/targets${query}`)).json();
  return { asOfYear: list.asOfYear as number, items: new Map((list.items as Item[]).map((i) => [i.code, i])) };
};
const annualRevenue = async (year: number) => (await stats.get(`/api/v1/statistics/summary?period=${year}-12`)).json().total.values.mainRevenue as number;

describe('targets', () => {
  it('tracks the plan’s targets from the 2022 figures, judged at the end of the last full year', async () => {
    const { asOfYear, items } = await byCode();
    expect(asOfYear).toBe(2025);
    expect(items.size).toBe(14);
    const revenue = items.get('mainRevenue2025')!;
    const current = await annualRevenue(2025);
    expect(revenue).toMatchObject({ baseline: 6_435_000_000, current, targetValue: 10_000_000_000, department: 'economy' });
    expect(revenue.verdict).toBe(current >= 10_000_000_000 ? 'reached' : 'missed');
    expect(items.get('grossOutput2025')).toMatchObject({ baseline: 11_370_000_000, verdict: 'reached' });
    expect(items.get('newAboveScale2025')).toMatchObject({ current: 0, verdict: 'missed' });
    expect(items.get('standardFactory2025')).toMatchObject({ metric: 'factoryArea', current: 112_000, verdict: 'reached' });
    expect(items.get('taxPerMu')).toMatchObject({ current: null, verdict: 'noData' });
    expect(revenue.history.map((h) => h.year)).toEqual([2022, 2023, 2024, 2025]);
  });

  it('shows the path and the projection at an earlier year', async () => {
    const { items } = await byCode('?asOfYear=2023');
    const revenue = items.get('mainRevenue2025')!;
    expect(revenue.current).toBe(await annualRevenue(2023));
    expect(revenue.required).toBeCloseTo(6_435_000_000 * (10_000_000_000 / 6_435_000_000) ** (1 / 3), 0);
    expect(revenue.projection).toBeCloseTo(revenue.current * (revenue.current / revenue.baseline) ** 2, 0);
    const expected = revenue.current >= 1e10 ? 'reached' : revenue.projection >= 1e10 ? 'onTrack' : revenue.projection >= 9e9 ? 'atRisk' : 'behind';
    expect(revenue.verdict).toBe(expected);
    const rd = items.get('rdGrowth2025')!;
    const above = async (y: number) => (await stats.get(`/api/v1/statistics/summary?period=${y}-12&scale=above`)).json().total.values.rdExpense as number;
    expect(rd.current).toBeCloseTo((await above(2023)) / (await above(2022)) - 1, 12);
  });

  it('lets the statistics office add, edit and retire a target, refusing a stale edit', async () => {
    const body = {
      name: '实缴税金达到2亿元', metric: 'sum', figure: 'taxPaid', scale: null, qualification: null, threshold: null, unit: 'yuan',
      targetValue: 200_000_000, baselineYear: 2022, targetYear: 2026, trendOnly: false, riskRatio: 0.9, department: 'economy', source: null,
    };
    const created = await stats.post('/api/v1/targets', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ baseline: 123_000_000, asOfYear: 2025 });
    const id = created.json().id;
    const edited = await stats.patch(`/api/v1/targets/${id}`, { version: 1, targetValue: 250_000_000 });
    expect(edited.json()).toMatchObject({ targetValue: 250_000_000, version: 2 });
    const stale = await stats.patch(`/api/v1/targets/${id}`, { version: 1, targetValue: 300_000_000 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.targetValue).toBe(250_000_000);
    expect((await stats.post(`/api/v1/targets/${id}/retire`, { version: 2 })).json().status).toBe('retired');
    expect((await byCode()).items.has(`custom-${id}`)).toBe(false);
    expect((await byCode('?status=all')).items.get(`custom-${id}`)).toMatchObject({ status: 'retired' });
  });

  it('judges a target afresh when its goal is edited', async () => {
    const output = (await byCode()).items.get('grossOutput2025')!;
    expect(output.verdict).toBe('reached');
    const raised = await stats.patch(`/api/v1/targets/${output.id}`, { version: 1, targetValue: 50_000_000_000 });
    expect(raised.json()).toMatchObject({ targetValue: 50_000_000_000, verdict: 'missed', current: output.current });
    expect((await byCode()).items.get('grossOutput2025')!.verdict).toBe('missed');
  });

  it('refuses a target that cannot be measured', async () => {
    const res = await stats.post('/api/v1/targets', {
      name: '无指标', metric: 'sum', figure: null, scale: null, qualification: null, threshold: null, unit: 'yuan',
      targetValue: 1, baselineYear: 2022, targetYear: 2025, trendOnly: false, riskRatio: 0.9, department: 'economy', source: null,
    });
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'figure' } });
    const years = await stats.patch(`/api/v1/targets/${(await byCode()).items.get('mainRevenue2025')!.id}`, { version: 1, targetYear: 2020 });
    expect(years.statusCode).toBe(400);
  });
});
