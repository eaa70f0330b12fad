import { expect, test } from '@playwright/test';
import { ACCOUNTS, logIn, mainMenu, submitLogin, type Account } from '../helpers/session';

// What each role finds in the side menu, in order: the registry, statistics, targets, land and
// factory buildings for the committee, the review queue for the statistics department and
// administrators, the 亩产效益 heading (open, read whole as its title and items) with 评价批次 and 评价方案
// for the committee, the admin pages for administrators only, and for an enterprise user nothing but its
// own enterprise and report.
const EVALUATION = ['亩产效益评价批次评价方案', '评价批次', '评价方案'];
const MENUS: Record<Account, string[]> = {
  admin: ['首页', '企业库', '统计分析', '目标考核', '土地与空间', '标准厂房', '数据审核', ...EVALUATION, '用户管理', '组织架构', '审计日志'],
  stats: ['首页', '企业库', '统计分析', '目标考核', '土地与空间', '标准厂房', '数据审核', ...EVALUATION],
  shenhe: ['首页', '企业库', '统计分析', '目标考核', '土地与空间', '标准厂房', '数据审核', ...EVALUATION],
  zhaoshang: ['首页', '企业库', '统计分析', '目标考核', '土地与空间', '标准厂房', ...EVALUATION],
  tudi: ['首页', '企业库', '统计分析', '目标考核', '土地与空间', '标准厂房', ...EVALUATION],
  leader: ['首页', '企业库', '统计分析', '目标考核', '土地与空间', '标准厂房', ...EVALUATION],
  hongli: ['首页', '企业信息', '数据填报', '评价结果'],
  xinxueyu: ['首页', '企业信息', '数据填报', '评价结果'],
};

const OWN_ENTERPRISE: Partial<Record<Account, string>> = {
  hongli: '九江鸿利达新材料有限公司',
  xinxueyu: '九江新雪域冷链物流有限公司',
};

for (const account of Object.keys(ACCOUNTS) as Account[]) {
  test(`${account} logs in and sees the menu of a ${ACCOUNTS[account].role}`, async ({ page }) => {
    await logIn(page, account);

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText(ACCOUNTS[account].role, { exact: true })).toBeVisible();
    await expect(mainMenu(page).getByRole('menuitem')).toHaveText(MENUS[account]);

    const own = OWN_ENTERPRISE[account];
    if (own) {
      // The home page of an enterprise user is its own enterprise, and the menu leads to it.
      await expect(page.getByRole('heading', { name: own })).toBeVisible();
      await mainMenu(page).getByRole('menuitem', { name: '企业信息' }).click();
      await expect(page).toHaveURL(/\/enterprises\/[^/]+$/);
      await expect(page.getByRole('heading', { level: 1, name: own })).toBeVisible();
    } else {
      await expect(page.getByText('企业总数', { exact: true })).toBeVisible();
      await mainMenu(page).getByRole('menuitem', { name: '企业库' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '企业库' })).toBeVisible();
      await expect(page.getByText(/^共 \d+ 家$/)).toHaveText(/^共 [1-9]\d* 家$/);
    }
  });
}

test('a wrong password is refused with a message, and the right one then works', async ({ page }) => {
  await submitLogin(page, 'zhaoshang', 'Wrong@Password2025');

  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(mainMenu(page)).toHaveCount(0);

  await logIn(page, 'zhaoshang');
  await expect(mainMenu(page).getByRole('menuitem')).toHaveText(MENUS.zhaoshang);
});

test('logging out returns to the login page and ends the session', async ({ page, context }) => {
  await logIn(page, 'stats');
  const sessionCookies = await context.cookies();

  await page.getByRole('button', { name: '退出登录' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  // The session is ended on the server, not just forgotten by the browser: even with the old
  // cookie put back, a page that needs a session sends the browser to log in.
  await context.addCookies(sessionCookies);
  await page.goto('/enterprises');
  await expect(page).toHaveURL(/\/login\?redirect=(%2F|\/)enterprises$/);
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expect(mainMenu(page)).toHaveCount(0);
});
