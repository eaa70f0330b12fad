import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The demo accounts `serve --demo` creates (apps/api/src/demo/demo-data.ts). */
export const ACCOUNTS = {
  admin: { password: 'Chengdong@Sys2025', displayName: '系统管理员', role: '管理员' },
  stats: { password: 'Yuanqu@Demo2025', displayName: '经济发展局 统计员', role: '业务人员' },
  shenhe: { password: 'Yuanqu@Demo2025', displayName: '经济发展局 科长（审核）', role: '业务人员' },
  zhaoshang: { password: 'Yuanqu@Demo2025', displayName: '招商局 招商专员', role: '业务人员' },
  tudi: { password: 'Yuanqu@Demo2025', displayName: '规划土地局 土地专员', role: '业务人员' },
  leader: { password: 'Yuanqu@Demo2025', displayName: '管委会领导', role: '领导' },
  hongli: { password: 'Yuanqu@Demo2025', displayName: '鸿利达新材料 企业联络员', role: '企业用户' },
  xinxueyu: { password: 'Yuanqu@Demo2025', displayName: '新雪域冷链物流 企业联络员', role: '企业用户' },
} as const;

export type Account = keyof typeof ACCOUNTS;

/** Fills the login form as a person would; `password` overrides the account's own. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Logs in through the form and waits for the application shell with the user's name in it. */
export async function logIn(page: Page, account: Account): Promise<void> {
  await submitLogin(page, account, ACCOUNTS[account].password);
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  await expect(page.getByText(ACCOUNTS[account].displayName, { exact: true })).toBeVisible();
}

/** The side menu of the logged-in page. */
export function mainMenu(page: Page) {
  return page.getByRole('navigation', { name: '主菜单' });
}

/** Logs an API client in (for looking things up behind the browser's back); its cookie jar keeps the session. */
export async function apiLogIn(request: APIRequestContext, account: Account): Promise<void> {
  const res = await request.post('/api/v1/auth/login', { data: { username: account, password: ACCOUNTS[account].password } });
  expect(res.status(), await res.text()).toBe(200);
}

/** One enterprise found by a search term, through the API of an already logged-in client. */
export async function findEnterprise(request: APIRequestContext, q: string): Promise<{ id: string; name: string }> {
  const res = await request.get('/api/v1/enterprises', { params: { q } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { id: string; name: string }[]; total: number };
  expect(body.total, `enterprises matching ${q}`).toBe(1);
  return body.items[0]!;
}
