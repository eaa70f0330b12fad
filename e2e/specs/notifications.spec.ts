import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, logIn } from '../helpers/session';

/** 1-N月 of the period before the latest closed one, in China time as the server judges it. */
function earlierPeriod(now = new Date()): { period: string; label: string } {
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  let year = china.getUTCFullYear();
  let month = china.getUTCMonth() - 1;
  if (month < 2) {
    year -= 1;
    month = 11;
  }
  return { period: `${year}-${String(month).padStart(2, '0')}`, label: `${year}年1-${month}月` };
}

/** Logs an API client in; its cookie jar keeps the session, the token goes on each write. */
async function login(ctx: APIRequestContext, account: 'hongli' | 'stats'): Promise<{ csrfToken: string; user: { enterpriseId: string } }> {
  const res = await ctx.post('/api/v1/auth/login', { data: { username: account, password: ACCOUNTS[account].password } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { csrfToken: string; user: { enterpriseId: string } };
}

test('an enterprise is told in the app why its report came back, and the message leads to that period', async ({ page, playwright, baseURL }) => {
  const { period, label } = earlierPeriod();
  const hongli = await playwright.request.newContext({ baseURL });
  const stats = await playwright.request.newContext({ baseURL });
  const own = await login(hongli, 'hongli');
  const staff = await login(stats, 'stats');
  const sent = await hongli.post('/api/v1/statistics/reports', {
    headers: { 'x-csrf-token': own.csrfToken },
    data: { enterpriseId: own.user.enterpriseId, period, values: { mainRevenue: 123_450_000 } },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const report = (await sent.json()) as { id: string; version: number };
  // Other specs may have left messages (e.g. a published evaluation): this one adds one to them.
  const before = ((await (await hongli.get('/api/v1/notifications')).json()) as { unread: number }).unread;
  const returned = await stats.post(`/api/v1/statistics/reports/${report.id}/return`, {
    headers: { 'x-csrf-token': staff.csrfToken },
    data: { version: report.version, reason: '营业收入漏报' },
  });
  expect(returned.status(), await returned.text()).toBe(200);

  await logIn(page, 'hongli');
  const bell = page.getByRole('button', { name: '消息' });
  await expect(bell).toContainText(String(before + 1));
  await bell.click();
  const message = page.getByTestId('notification').filter({ hasText: '营业收入漏报' });
  await expect(message).toContainText(`${label}统计报表被退回：营业收入漏报`);
  await message.click();
  await expect(page).toHaveURL(new RegExp(`period=${period}`));
  await expect(page.getByText('本期报表已被退回，原因：营业收入漏报')).toBeVisible();
  await expect(page.getByTestId('due-on')).toContainText('报送截止：');
  if (before === 0) await expect(bell).not.toContainText('1');
  else await expect(bell).toContainText(String(before));
});
