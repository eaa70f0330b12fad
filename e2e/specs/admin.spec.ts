import { expect, test } from '@playwright/test';
import { logIn, mainMenu } from '../helpers/session';

test('an administrator reads the audit log with its own login in it and verifies the hash chain', async ({ page }) => {
  await logIn(page, 'admin');

  await mainMenu(page).getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  // Newest first: the login that opened this session is in the log, by this user, successful.
  const ownLogin = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'auth.login', exact: true }) })
    .filter({ has: page.getByRole('cell', { name: 'admin', exact: true }) })
    .first();
  await expect(ownLogin).toBeVisible();
  await expect(ownLogin).toContainText('成功');

  await page.getByRole('button', { name: '校验哈希链' }).click();

  const verdict = page.getByRole('alert').filter({ hasText: '哈希链' });
  await expect(verdict).toHaveText(/哈希链完整：已校验 [1-9]\d* 条记录，未发现篡改。/);
  await expect(page.getByText(/哈希链在第 .* 条记录处断开/)).toHaveCount(0);
});

test('switching the language to English relabels the menu and the page', async ({ page }) => {
  await logIn(page, 'admin');
  await mainMenu(page).getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();

  await page.getByLabel('语言').click();
  await page.getByRole('option', { name: 'English', exact: true }).filter({ visible: true }).click();

  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Home', 'Enterprises', 'Statistics', 'Targets', 'Land', 'Factory buildings', 'Review', 'Per-mu evaluationEvaluation runsEvaluation schemes', 'Evaluation runs', 'Evaluation schemes', 'Users', 'Organisation', 'Audit log']);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verify hash chain' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(page.getByText('审计日志')).toHaveCount(0);

  // The choice is remembered in this browser.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('menuitem', { name: 'Enterprises' })).toBeVisible();
});
