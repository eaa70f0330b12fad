import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';

// The test clock stands at 2026-03-02: the latest closed period is 2026年1-2月.
let t: TestApp;
let stats: Agent;
let hongli: Agent;
let hongliId: string;

beforeAll(async () => {
  t = await startTestApp();
  stats = await t.login('stats');
  hongli = await t.login('hongli');
  hongliId = await enterpriseId(t, '鸿利达');
});
afterAll(() => t.close());

const summary = async (query: string) => (await stats.get(`/api/v1/statistics/summary?${query}`)).json();

describe('the demo base against the plan', () => {
  it('adds up 2022 to the figures the plan published', async () => {
    const s = await summary('period=2022-12');
    expect(s.total.values).toMatchObject({ mainRevenue: 6_435_000_000, grossOutput: 11_370_000_000, taxPaid: 123_000_000 });
    expect(s.total.yoy.mainRevenue.toFixed(3)).toBe('0.095');
    expect(s.total.yoy.grossOutput.toFixed(3)).toBe('0.125');
    const byScale = await summary('period=2022-12&groupBy=scale');
    const above = byScale.rows.find((r: { key: string }) => r.key === 'above');
    expect(above).toMatchObject({ reporters: 15, values: { mainRevenue: 6_293_000_000, grossOutput: 5_980_000_000 } });
    const filtered = await summary('period=2022-12&scale=above');
    expect(filtered.total.values.mainRevenue).toBe(6_293_000_000);
  });

  it('splits a period by park with shares that add up to the whole', async () => {
    const s = await summary('period=2024-06&groupBy=park');
    expect(s.rows.map((r: { name: string }) => r.name).sort()).toEqual(['1号园', '3号园']);
    const sum = s.rows.reduce((acc: number, r: { values: { mainRevenue: number } }) => acc + r.values.mainRevenue, 0);
    expect(sum).toBe(s.total.values.mainRevenue);
    expect(s.rows.reduce((acc: number, r: { share: { mainRevenue: number } }) => acc + r.share.mainRevenue, 0)).toBeCloseTo(1, 9);
  });

  it('lists the largest enterprises first, as many as asked, with the total of all of them', async () => {
    const all = await summary('period=2024-12&groupBy=enterprise');
    const top = await summary('period=2024-12&groupBy=enterprise&limit=5');
    expect(top.rows).toEqual(all.rows.slice(0, 5));
    expect(top.groups).toBe(all.rows.length);
    expect(top.total).toEqual((await summary('period=2024-12')).total);
    const revenue = all.rows.map((r: { values: { mainRevenue: number } }) => r.values.mainRevenue);
    expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
  });

  it('derives months by difference and years from 1-12月, with CAGR', async () => {
    const months = (await stats.get('/api/v1/statistics/series?figure=mainRevenue&frequency=month&from=2022&to=2022')).json();
    const cumulative = months.points.map((p: { cumulative: number }) => p.cumulative);
    expect(months.points[0]).toMatchObject({ period: '2022-02', value: cumulative[0] });
    expect(months.points[1].value).toBe(cumulative[1] - cumulative[0]);
    expect(cumulative[10]).toBe(6_435_000_000);
    const years = (await stats.get('/api/v1/statistics/series?figure=mainRevenue&frequency=year&from=2021&to=2025')).json();
    const first = years.points[0].value;
    const last = years.points[4].value;
    expect(years.cagr).toBeCloseTo((last / first) ** (1 / 4) - 1, 12);
    expect(years.points[1].yoy.toFixed(3)).toBe('0.095');
  });

  it('shows an enterprise its own figures with 当月 and 同比, and no one else’s', async () => {
    const own = (await hongli.get(`/api/v1/statistics/enterprises/${hongliId}/figures?year=2023`)).json();
    const [feb, mar] = own.periods;
    expect(feb.period).toBe('2023-02');
    expect(mar.month.mainRevenue).toBe(mar.values.mainRevenue - feb.values.mainRevenue);
    const last = (await hongli.get(`/api/v1/statistics/enterprises/${hongliId}/figures?year=2022`)).json().periods[0];
    expect(feb.yoy.mainRevenue).toBeCloseTo(feb.values.mainRevenue / last.values.mainRevenue - 1, 12);
    const jieni = await enterpriseId(t, '杰尼');
    expect((await hongli.get(`/api/v1/statistics/enterprises/${jieni}/figures?year=2023`)).statusCode).toBe(404);
    expect((await hongli.get('/api/v1/statistics/summary?period=2022-12')).statusCode).toBe(403);
    const reports = (await hongli.get('/api/v1/statistics/reports?status=all&pageSize=200')).json();
    expect(reports.items.every((r: { enterpriseId: string }) => r.enterpriseId === hongliId)).toBe(true);
  });
});

describe('reporting and review', () => {
  it('counts an enterprise’s report only once it is passed', async () => {
    const before = (await summary('period=2026-02')).total;
    const sent = await hongli.post('/api/v1/statistics/reports', { enterpriseId: hongliId, period: '2026-02', values: { mainRevenue: 80_000_000, operatingRevenue: 82_000_000, taxPaid: 1_500_000 } });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'pending', source: 'portal', submittedBy: 'hongli' });
    expect((await summary('period=2026-02')).total.values.mainRevenue).toBe(before.values.mainRevenue);
    const queue = (await stats.get('/api/v1/statistics/reports?status=pending&period=2026-02')).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(sent.json().id);
    const passed = await stats.post(`/api/v1/statistics/reports/${sent.json().id}/approve`, { version: 1 });
    expect(passed.json()).toMatchObject({ status: 'approved', reviewedBy: 'stats' });
    const after = (await summary('period=2026-02')).total;
    expect(after.values.mainRevenue).toBe(before.values.mainRevenue + 80_000_000);
    expect(after.reporters).toBe(before.reporters + 1);
  });

  it('returns a report with a reason the enterprise reads, and refuses a stale review', async () => {
    const sent = (await hongli.post('/api/v1/statistics/reports', { enterpriseId: hongliId, period: '2026-02', values: { mainRevenue: 90_000_000 } })).json();
    expect((await stats.post(`/api/v1/statistics/reports/${sent.id}/return`, { version: 1, reason: '请补报营业收入' })).statusCode).toBe(200);
    const seen = (await hongli.get(`/api/v1/statistics/reports/${sent.id}`)).json();
    expect(seen).toMatchObject({ status: 'returned', returnReason: '请补报营业收入', submittedBy: 'hongli', reviewedBy: null });
    expect((await stats.get(`/api/v1/statistics/reports/${sent.id}`)).json().reviewedBy).toBe('stats');
    const again = await stats.post(`/api/v1/statistics/reports/${sent.id}/approve`, { version: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.current.status).toBe('returned');
    expect((await summary('period=2026-02&enterpriseIds=' + hongliId)).total.values.mainRevenue).toBe(80_000_000);
  });

  it('makes the committee confirm warnings, and keeps the corrected figures’ history', async () => {
    const body = { enterpriseId: hongliId, period: '2026-02', values: { mainRevenue: 1_000_000, taxPaid: 2_000_000 } };
    const refused = await stats.post('/api/v1/statistics/reports', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'WARNINGS_UNACKNOWLEDGED', details: { warnings: [{ code: 'taxAboveRevenue', field: 'taxPaid', reference: 1_000_000 }] } });
    const fixed = await stats.post('/api/v1/statistics/reports', { ...body, acknowledgeWarnings: true });
    expect(fixed.json()).toMatchObject({ status: 'approved', source: 'staff', warningsAcknowledged: true });
    const history = (await stats.get(`/api/v1/statistics/reports?status=all&period=2026-02&enterpriseId=${hongliId}`)).json();
    expect(history.items.map((r: { status: string }) => r.status).sort()).toEqual(['approved', 'returned', 'superseded']);
    expect((await summary('period=2026-02&enterpriseIds=' + hongliId)).total.values.mainRevenue).toBe(1_000_000);
  });

  it('asks the reviewer to acknowledge a month far out of line before passing it', async () => {
    const jieni = await enterpriseId(t, '杰尼');
    const fig = (await stats.get(`/api/v1/statistics/enterprises/${jieni}/figures?year=2025`)).json().periods;
    const [oct, nov] = [fig[8].values.mainRevenue, fig[9].values.mainRevenue];
    const staff = await stats.post('/api/v1/statistics/reports', { enterpriseId: jieni, period: '2025-12', values: { mainRevenue: nov + (nov - oct) * 10 } });
    expect(staff.json().error.details.warnings).toMatchObject([{ code: 'monthJump', field: 'mainRevenue', factor: 3 }]);
    const settings = (await stats.get('/api/v1/statistics/settings')).json();
    expect((await stats.request('PUT', '/api/v1/statistics/settings', { ...settings, jumpFactor: 20 })).statusCode).toBe(200);
    expect((await stats.request('PUT', '/api/v1/statistics/settings', { ...settings, jumpFactor: 5 })).statusCode).toBe(409);
    const relaxed = await stats.post('/api/v1/statistics/reports', { enterpriseId: jieni, period: '2025-12', values: { mainRevenue: nov + (nov - oct) * 10 } });
    expect(relaxed.statusCode).toBe(201);
  });

  it('will not let an older report of the enterprise replace newer figures the committee entered', async () => {
    const pending = (await stats.get('/api/v1/statistics/reports?status=pending&period=2026-02')).json().items[0];
    await stats.post('/api/v1/statistics/reports', { enterpriseId: pending.enterpriseId, period: '2026-02', values: pending.values, acknowledgeWarnings: true });
    const late = await stats.post(`/api/v1/statistics/reports/${pending.id}/approve`, { version: pending.version, acknowledgeWarnings: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'newerCounted', current: { id: pending.id, status: 'pending' } });
  });

  it('refuses a period that has not ended and an empty report', async () => {
    const future = await hongli.post('/api/v1/statistics/reports', { enterpriseId: hongliId, period: '2026-03', values: { mainRevenue: 1 } });
    expect(future.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'period' } });
    const empty = await hongli.post('/api/v1/statistics/reports', { enterpriseId: hongliId, period: '2026-02', values: {} });
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'values' } });
    const other = await hongli.post('/api/v1/statistics/reports', { enterpriseId: await enterpriseId(t, '杰尼'), period: '2026-02', values: { mainRevenue: 1 } });
    expect(other.statusCode).toBe(404);
  });
});
