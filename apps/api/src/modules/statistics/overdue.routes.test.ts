import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../lib/clock';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';
import { dueOn } from './overdue.service';

// The test clock starts at 2026-03-02: 2026年1-2月 is due on 2026-03-10 (deadline day 10).
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

const overdue = async () => (await stats.get('/api/v1/statistics/overdue')).json();
const owing = async () => new Map((await overdue()).items.map((i: { name: string }) => [i.name, i]));

describe('deadlines and reminders', () => {
  it('puts the due day in the month after the period, unless the period has its own date', () => {
    expect(dueOn('2026-02', { deadlineDay: 10, deadlineOverrides: {} })).toBe('2026-03-10');
    expect(dueOn('2025-12', { deadlineDay: 15, deadlineOverrides: {} })).toBe('2026-01-15');
    expect(dueOn('2025-12', { deadlineDay: 15, deadlineOverrides: { '2025-12': '2026-03-31' } })).toBe('2026-03-31');
  });

  it('lists the enterprises that owe the latest period, and marks them overdue after the due day', async () => {
    const before = await overdue();
    expect(before).toMatchObject({ period: '2026-02', dueOn: '2026-03-10', overdue: false });
    expect(before.items.map((i: { name: string }) => i.name).sort()).toEqual(['九江杰尼新材料有限公司', '九江鸿利达新材料有限公司']);
    t.clock.advance(9 * DAY);
    stats = await t.login('stats');
    hongli = await t.login('hongli');
    expect((await overdue()).overdue).toBe(true);
  });

  it('reminds the owing enterprises in the app and remembers when', async () => {
    const sent = (await stats.post('/api/v1/statistics/reminders', { period: '2026-02' })).json();
    expect(sent).toEqual({ enterprises: 2, users: 1, withoutAccount: 1 });
    const inbox = (await hongli.get('/api/v1/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'reportDue', params: { period: '2026-02', dueOn: '2026-03-10' }, readAt: null });
    expect((await owing()).get('九江鸿利达新材料有限公司')).toMatchObject({ hasAccount: true, lastRemindedAt: t.clock.now().toISOString() });
    expect((await owing()).get('九江杰尼新材料有限公司')).toMatchObject({ hasAccount: false });
    expect((await stats.post(`/api/v1/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(404);
    expect((await hongli.post(`/api/v1/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(200);
    expect((await hongli.get('/api/v1/notifications')).json().unread).toBe(0);
  });

  it('tells the enterprise why its report came back, keeps it owing, and clears it once passed', async () => {
    const first = (await hongli.post('/api/v1/statistics/reports', { enterpriseId: hongliId, period: '2026-02', values: { mainRevenue: 50_000_000 } })).json();
    expect((await owing()).has('九江鸿利达新材料有限公司')).toBe(false);
    await stats.post(`/api/v1/statistics/reports/${first.id}/return`, { version: 1, reason: '请补报实缴税金' });
    const inbox = (await hongli.get('/api/v1/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'reportReturned', params: { period: '2026-02', reason: '请补报实缴税金', reportId: first.id } });
    expect((await owing()).get('九江鸿利达新材料有限公司')).toMatchObject({ returned: true });
    const second = (await hongli.post('/api/v1/statistics/reports', { enterpriseId: hongliId, period: '2026-02', values: { mainRevenue: 50_000_000, taxPaid: 900_000 } })).json();
    await stats.post(`/api/v1/statistics/reports/${second.id}/approve`, { version: 1 });
    expect((await owing()).has('九江鸿利达新材料有限公司')).toBe(false);
  });

  it('moves a period’s due date when the committee sets its own', async () => {
    const settings = (await stats.get('/api/v1/statistics/settings')).json();
    const saved = await stats.request('PUT', '/api/v1/statistics/settings', { ...settings, deadlineOverrides: { '2026-02': '2026-03-20' } });
    expect(saved.json()).toMatchObject({ deadlineOverrides: { '2026-02': '2026-03-20' }, version: settings.version + 1 });
    expect(await overdue()).toMatchObject({ dueOn: '2026-03-20', overdue: false });
    expect((await hongli.get('/api/v1/statistics/due')).json()).toEqual({ period: '2026-02', dueOn: '2026-03-20' });
    expect((await hongli.get('/api/v1/statistics/due?period=2026-01')).statusCode).toBe(400);
  });
});
